/**
 * Rows from files: {@link dev.blink.files.Csv} (read as PostgreSQL's {@code COPY … (FORMAT csv)}
 * reads it; without a transform the server itself reads it) and {@link dev.blink.files.Json}
 * (Jackson's streaming parser, a top-level array of objects or JSON Lines; without a transform the
 * server's {@code json_populate_record} reads each object). Both are immutable descriptions of a
 * file (on disk, on the class path, at a URL, or behind a stream the caller opens) that a plan's
 * table takes directly, and that a {@link dev.blink.Seeder} returns from {@code table}; each read
 * opens the file afresh and streams it, one row at a time.
 *
 * <pre>{@code
 * Blink.plan()
 *     .addTable("users", Csv.from(Path.of("seed/users.csv")))
 *     .addTable("products", Json.from(Path.of("seed/products.json")))
 *     .insert(dataSource);
 * }</pre>
 */
package dev.blink.files;
