package dev.blink.spi;

import dev.blink.TableResult;

/**
 * Hears the progress of a seed, on the seeding thread. Every method does nothing by default;
 * {@link #NONE} hears nothing.
 */
public interface SeedListener {

    /** A listener that does nothing. */
    SeedListener NONE = new SeedListener() {
    };

    /** A context value was computed. */
    default void contextComputed(String key) {
    }

    /** A table's rows are about to be produced and written. */
    default void tableStarted(String table) {
    }

    /**
     * Rows of a table have been produced so far; called every
     * {@link dev.blink.InsertOptions#progressInterval()} rows.
     */
    default void tableProgress(String table, long rows) {
    }

    /** A table is written (not yet committed). */
    default void tableFinished(TableResult result) {
    }
}
