package dev.blink.spi;

import dev.blink.TableResult;
import dev.blink.internal.ConsoleProgress;
import dev.blink.internal.LoggedProgress;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Hears the progress of a seed, on the seeding thread. Every method does nothing by default;
 * {@link #NONE} hears nothing. Two are ready: {@link #console()} draws a progress line per table,
 * {@link #logging()} logs through {@link System.Logger}.
 *
 * <pre>{@code
 * plan.insert(dataSource, InsertOptions.builder()
 *         .listener(SeedListener.console())
 *         .progressInterval(10_000)     // rows between two updates (default 100,000)
 *         .build());
 * }</pre>
 */
public interface SeedListener {

    /** A listener that does nothing. */
    SeedListener NONE = new SeedListener() {
    };

    /**
     * A progress line per table on standard error: rows, rows per second and time so far, with a
     * bar and the time left when the table's source is a collection of known size. On a terminal
     * the line is redrawn in place; otherwise (a log file, CI) each update is a line of its own.
     */
    static SeedListener console() {
        return console(System.err, System.console() != null);
    }

    /**
     * Progress lines on {@code out}.
     *
     * @param inPlace redraw one line per table with carriage returns (for a terminal), or print each
     *     update as a line of its own
     */
    static SeedListener console(PrintStream out, boolean inPlace) {
        return new ConsoleProgress(Objects.requireNonNull(out, "null out"), inPlace, System::nanoTime);
    }

    /** Logs each table's progress and result at {@code INFO} to the {@code System.Logger} named {@code dev.blink}. */
    static SeedListener logging() {
        return logging(System.getLogger("dev.blink"));
    }

    /** Logs progress and results at {@code INFO} (contexts at {@code DEBUG}) to {@code logger}. */
    static SeedListener logging(System.Logger logger) {
        return new LoggedProgress(Objects.requireNonNull(logger, "null logger"), System::nanoTime);
    }

    /** A context value was computed. */
    default void contextComputed(String key) {
    }

    /** A table's rows are about to be produced and written. */
    default void tableStarted(String table) {
    }

    /**
     * The table's source is a collection of {@code rows} rows: called after {@link #tableStarted},
     * before the first row is written, and only when the size is known (not for streams or files).
     */
    default void tableSized(String table, long rows) {
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
