package dev.blink;

import java.time.Duration;

/**
 * What one table's step wrote.
 *
 * @param table the table, as added to the plan
 * @param rows rows written: inserted, or updated by an upsert
 * @param skipped rows given but not written, e.g. those an {@code ON CONFLICT DO NOTHING} left out
 *     because they collided with existing rows (0 without such a rule)
 * @param bytes bytes sent to the server (0 if the inserter does not count them)
 * @param elapsed time from calling the table's callback to the last row written
 */
public record TableResult(String table, long rows, long skipped, long bytes, Duration elapsed) {

    /** Rows written per second, or 0 for an instant step. */
    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : rows * 1e9 / nanos;
    }
}
