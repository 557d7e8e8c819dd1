package dev.blink.pg.internal;

import dev.blink.Location;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Remembers the file and line of every row read from a file, so that a server error that names
 * a row (binary COPY says {@code line N} for row N) can name the file and line too. Stores only
 * the rows where the distance between row number and line changes (a header, a multi-line
 * record, another file), so a file of millions of one-line records costs a few entries.
 */
final class RowLines {

    /** For text that the server splits itself: where its {@code line N} is, or null. */
    private LongFunction<Location> lookup;
    private long[] rows = new long[8];
    private long[] offsets = new long[8];
    private String[] files = new String[8];
    private int count;

    /**
     * For text that the server splits itself (CSV): locations come from {@code lookup}, given the
     * server's {@code line N} (its count of records, not a row number), instead of recorded rows.
     */
    void lookUpWith(LongFunction<Location> lookup) {
        this.lookup = lookup;
    }

    /** Notes where row {@code row} came from. */
    void record(long row, String file, long line) {
        long offset = line - row;
        if (count > 0 && offsets[count - 1] == offset && Objects.equals(files[count - 1], file)) {
            return;
        }
        if (count == rows.length) {
            rows = Arrays.copyOf(rows, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
            files = Arrays.copyOf(files, count * 2);
        }
        rows[count] = row;
        offsets[count] = offset;
        files[count] = file;
        count++;
    }

    /** {@code location} with the file and line of row {@code row}, if it was recorded. */
    Location locate(Location location, long row) {
        if (lookup != null) {
            return lookup.apply(row);
        }
        int at = Arrays.binarySearch(rows, 0, count, row);
        if (at < 0) {
            at = -at - 2;
        }
        if (at < 0 || files[at] == null) {
            return location;
        }
        return location.file(files[at], row + offsets[at]);
    }
}
