package dev.blink.internal;

import dev.blink.TableResult;
import dev.blink.spi.SeedListener;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/** {@link SeedListener#console(PrintStream, boolean)}: progress lines, redrawn in place on a terminal. */
public final class ConsoleProgress implements SeedListener {

    private final PrintStream out;
    private final boolean inPlace;
    private final Progress progress;
    private int drawn; // length of the line last drawn in place, to blank what a shorter line leaves

    /** Lines on {@code out}; {@code clock} gives nanoseconds (tests pass their own). */
    public ConsoleProgress(PrintStream out, boolean inPlace, LongSupplier clock) {
        this.out = out;
        this.inPlace = inPlace;
        this.progress = new Progress(clock);
    }

    @Override
    public void tableStarted(String table) {
        progress.started(table);
    }

    @Override
    public void tableSized(String table, long rows) {
        progress.sized(table, rows);
    }

    @Override
    public void tableProgress(String table, long rows) {
        String line = progress.line(table, rows, true);
        if (inPlace) {
            draw(line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void tableFinished(TableResult result) {
        String line = progress.finished(result);
        if (inPlace) {
            draw(line);
            out.println();
            drawn = 0;
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void draw(String line) {
        out.print('\r');
        out.print(line);
        if (line.length() < drawn) {
            out.print(" ".repeat(drawn - line.length()));
        }
        drawn = line.length();
    }
}
