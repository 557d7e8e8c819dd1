/**
 * Rows from files: {@link dev.blink.files.Csv} (Apache Commons CSV) and {@link dev.blink.files.Json}
 * (Jackson's streaming parser, a top-level array of objects or JSON Lines). Both are immutable
 * descriptions of a file that a plan's table takes directly, and that a {@link dev.blink.Seeder}
 * returns from {@code table}; each read opens the file afresh and streams it, one row at a time.
 *
 * <pre>{@code
 * Blink.plan()
 *     .addTable("users", Csv.from(Path.of("seed/users.csv")))
 *     .addTable("products", Json.from(Path.of("seed/products.json")))
 *     .insert(dataSource);
 * }</pre>
 */
package dev.blink.files;
