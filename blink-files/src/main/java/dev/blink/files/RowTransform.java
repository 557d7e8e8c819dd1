package dev.blink.files;

import java.util.Map;

/**
 * Changes each row read from a file before Blink writes it: converts text, adds columns, renames or
 * drops keys. It receives a fresh, mutable map per row (in the file's column order) and returns the
 * row to write, which may be the same map.
 *
 * <pre>{@code
 * Csv.from(path).transform(row -> {
 *     row.put("id", Long.parseLong((String) row.get("id")));
 *     row.put("inserted_at", now);
 *     return row;
 * });
 * }</pre>
 *
 * <p>It may throw any exception, checked or not: reading stops, and the error names the file, the
 * line and the record. Every row of a table must end up with the same keys.
 */
@FunctionalInterface
public interface RowTransform {

    /**
     * Returns the row to write in place of {@code row}.
     *
     * @param row the row as read, mutable and owned by the transform
     * @return the row to write, never null
     * @throws Exception anything; reading fails with a {@link FileRowException} naming the row
     */
    Map<String, Object> apply(Map<String, Object> row) throws Exception;
}
