package dev.blink.spi;

/**
 * What an {@link Inserter} wrote for one table. Every row the inserter read from its input is
 * either written or skipped, so {@code rows + skipped} is the number of rows it read.
 *
 * @param rows rows written: inserted, or updated by an upsert ({@code ON CONFLICT … DO UPDATE})
 * @param skipped rows the inserter read but did not write, e.g. those an {@code ON CONFLICT DO
 *     NOTHING} left out because they collided with existing rows; 0 for an inserter that writes every row
 * @param bytes bytes sent to the server (as the inserter counts them; 0 if it does not)
 */
public record InsertStats(long rows, long skipped, long bytes) {

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public InsertStats {
        if (rows < 0 || skipped < 0 || bytes < 0) {
            throw new IllegalArgumentException("InsertStats counts cannot be negative: rows " + rows + ", skipped "
                    + skipped + ", bytes " + bytes);
        }
    }

    /**
     * The stats of an inserter that wrote every row it read (none skipped), the usual case for a
     * custom inserter.
     *
     * @param rows rows written
     * @param bytes bytes sent to the server (0 if the inserter does not count them)
     * @throws IllegalArgumentException if a count is negative
     */
    public static InsertStats written(long rows, long bytes) {
        return new InsertStats(rows, 0, bytes);
    }
}
