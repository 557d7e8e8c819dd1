package dev.blink.internal;

import dev.blink.TableResult;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What the ready listeners say about a table: rows so far, rate, time, and with a known size the
 * share done, a bar and the time left. Keeps each table's start and size; for one seeding thread.
 */
final class Progress {

    private static final int BAR = 20;

    private final LongSupplier clock;
    private final Map<String, long[]> tables = new HashMap<>(); // table -> {start nanos, expected rows or -1}

    Progress(LongSupplier clock) {
        this.clock = clock;
    }

    void started(String table) {
        tables.put(table, new long[] {clock.getAsLong(), -1});
    }

    void sized(String table, long rows) {
        state(table)[1] = rows;
    }

    /** {@code users  45,000 / 100,000 rows [#########-----------]  45%  120,000 rows/s  0.4 s  ETA 0.5 s}, bar optional. */
    String line(String table, long rows, boolean bar) {
        long[] state = state(table);
        double seconds = (clock.getAsLong() - state[0]) / 1e9;
        long expected = state[1];
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-20s %,12d", table, rows));
        if (expected >= 0) {
            double done = expected == 0 ? 1 : Math.min(1, (double) rows / expected);
            out.append(String.format(Locale.ROOT, " / %,d rows", expected));
            if (bar) {
                int filled = (int) Math.round(done * BAR);
                out.append(" [").append("#".repeat(filled)).append("-".repeat(BAR - filled)).append(']');
            }
            out.append(String.format(Locale.ROOT, " %3d%%", (int) Math.floor(done * 100)));
        } else {
            out.append(" rows");
        }
        out.append("  ").append(rate(rows, seconds)).append("  ").append(duration(seconds));
        if (expected > rows && rows > 0 && seconds > 0) {
            out.append("  ETA ").append(duration((expected - rows) * seconds / rows));
        }
        return out.toString();
    }

    /**
     * {@code users  100,000 rows in 0.8 s, 125,000 rows/s}, and {@code , 40 skipped} when an
     * on-conflict rule left rows out.
     */
    String finished(TableResult result) {
        tables.remove(result.table());
        double seconds = result.elapsed().toNanos() / 1e9;
        return String.format(Locale.ROOT, "%-20s %,12d rows in %s, %s", result.table(), result.rows(),
                duration(seconds), rate(result.rows(), seconds))
                + (result.skipped() == 0 ? "" : String.format(Locale.ROOT, ", %,d skipped", result.skipped()));
    }

    private long[] state(String table) {
        return tables.computeIfAbsent(table, t -> new long[] {clock.getAsLong(), -1});
    }

    private static String rate(long rows, double seconds) {
        return seconds <= 0 ? "- rows/s" : String.format(Locale.ROOT, "%,.0f rows/s", rows / seconds);
    }

    private static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
