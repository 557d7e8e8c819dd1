package dev.blink.internal;

import dev.blink.TableResult;
import dev.blink.spi.SeedListener;
import java.lang.System.Logger.Level;
import java.util.function.LongSupplier;

/** {@link SeedListener#logging(System.Logger)}: a log record per progress report and per table. */
public final class LoggedProgress implements SeedListener {

    private final System.Logger logger;
    private final Progress progress;

    /** Records to {@code logger}; {@code clock} gives nanoseconds (tests pass their own). */
    public LoggedProgress(System.Logger logger, LongSupplier clock) {
        this.logger = logger;
        this.progress = new Progress(clock);
    }

    @Override
    public void contextComputed(String key) {
        logger.log(Level.DEBUG, () -> "context " + key + " computed");
    }

    @Override
    public void tableStarted(String table) {
        progress.started(table);
        logger.log(Level.DEBUG, () -> "table " + table + " started");
    }

    @Override
    public void tableSized(String table, long rows) {
        progress.sized(table, rows);
    }

    @Override
    public void tableProgress(String table, long rows) {
        if (logger.isLoggable(Level.INFO)) {
            logger.log(Level.INFO, progress.line(table, rows, false).replaceAll(" {2,}", " "));
        }
    }

    @Override
    public void tableFinished(TableResult result) {
        String line = progress.finished(result);
        if (logger.isLoggable(Level.INFO)) {
            logger.log(Level.INFO, line.replaceAll(" {2,}", " "));
        }
    }
}
