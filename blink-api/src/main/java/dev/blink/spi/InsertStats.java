package dev.blink.spi;

/**
 * What an {@link Inserter} wrote for one table.
 *
 * @param rows rows written
 * @param bytes bytes sent to the server (as the inserter counts them; 0 if it does not)
 */
public record InsertStats(long rows, long bytes) {
}
