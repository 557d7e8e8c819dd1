package dev.blink;

import java.util.Objects;
import java.util.Optional;

/**
 * Where in a seed something happened: the table (or context key), the row's 1-based position in
 * its table, the column, and for rows read from files the file and line. Immutable.
 */
public final class Location {

    private final String step;
    private final long row;
    private final String column;
    private final String file;
    private final long line;

    private Location(String step, long row, String column, String file, long line) {
        this.step = step;
        this.row = row;
        this.column = column;
        this.file = file;
        this.line = line;
    }

    /** A location in a table (or context step) as a whole. */
    public static Location of(String step) {
        return new Location(Objects.requireNonNull(step, "null step"), 0, null, null, 0);
    }

    /** A copy at the given 1-based row. */
    public Location row(long row) {
        return new Location(step, row, column, file, line);
    }

    /** A copy at the given column. */
    public Location column(String column) {
        return new Location(step, row, Objects.requireNonNull(column, "null column"), file, line);
    }

    /** A copy at the given file and 1-based line. */
    public Location file(String file, long line) {
        return new Location(step, row, column, Objects.requireNonNull(file, "null file"), line);
    }

    /** The table's name, or the context key. */
    public String table() {
        return step;
    }

    /** The row's 1-based position in its table, or 0 if the failure is not tied to a row. */
    public long rowNumber() {
        return row;
    }

    /** The column, if known. */
    public Optional<String> columnName() {
        return Optional.ofNullable(column);
    }

    /** The file the row came from, if any. */
    public Optional<String> fileName() {
        return Optional.ofNullable(file);
    }

    /** The row's 1-based line in {@link #fileName()}, or 0. */
    public long lineNumber() {
        return line;
    }

    /** For example {@code table "users", row 12 (users.csv, line 13), column "age"}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("table \"").append(step).append('"');
        if (row > 0) {
            out.append(", row ").append(row);
        }
        if (file != null) {
            out.append(" (").append(file);
            if (line > 0) {
                out.append(", line ").append(line);
            }
            out.append(')');
        }
        if (column != null) {
            out.append(", column \"").append(column).append('"');
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Location that && row == that.row && line == that.line && step.equals(that.step)
                && Objects.equals(column, that.column) && Objects.equals(file, that.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(step, row, column, file, line);
    }
}
