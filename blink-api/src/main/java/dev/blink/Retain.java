package dev.blink;

import java.util.List;
import java.util.Objects;

/**
 * Which of a table's rows the {@link Store} keeps for later steps.
 *
 * <ul>
 *   <li>{@link #ALL} (the default): every row. A {@code List} source is kept as the same list;
 *       any other source is collected as it is written.</li>
 *   <li>{@link #NONE}: nothing. Rows pass through to the database and are forgotten, so a stream
 *       of millions of rows needs no more memory than one batch.</li>
 *   <li>{@link #columns(String...)}: a {@code Map} per row with only these columns, e.g. the ids
 *       that later tables point at.</li>
 * </ul>
 */
public final class Retain {

    /** Keep every row as given. */
    public static final Retain ALL = new Retain(null);
    /** Keep nothing. */
    public static final Retain NONE = new Retain(List.of());

    private final List<String> columns;

    private Retain(List<String> columns) {
        this.columns = columns;
    }

    /** Keep, for each row, a map of only these columns (in this order). */
    public static Retain columns(String... columns) {
        Objects.requireNonNull(columns, "null columns");
        if (columns.length == 0) {
            throw new IllegalArgumentException("Retain.columns() needs at least one column; use Retain.NONE to keep nothing");
        }
        return new Retain(List.of(columns));
    }

    /** Whether every row is kept as given. */
    public boolean all() {
        return columns == null;
    }

    /** Whether nothing is kept. */
    public boolean none() {
        return columns != null && columns.isEmpty();
    }

    /** The columns kept per row; empty for {@link #ALL} and {@link #NONE}. */
    public List<String> columns() {
        return columns == null ? List.of() : columns;
    }

    @Override
    public String toString() {
        return all() ? "Retain.ALL" : none() ? "Retain.NONE" : "Retain.columns" + columns;
    }
}
