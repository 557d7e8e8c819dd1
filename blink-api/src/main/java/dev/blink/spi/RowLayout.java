package dev.blink.spi;

import java.util.List;

/**
 * How the rows of one table become column values (and, if need be, by which {@link Inserter}):
 * prepared once per table by a {@link RowMapper}, then applied to every row. Implementations do their lookups and reflection when they are
 * prepared, not per row. Blink closes the layout when the table is done, written or failed.
 */
public interface RowLayout extends AutoCloseable {

    /** The column names, in the order {@link #copyValues} writes them. */
    List<String> columns();

    /**
     * Writes one row's column values into {@code values}, in {@link #columns()} order.
     *
     * @throws IllegalArgumentException if the row does not have this layout (other keys, another
     *     type); the message says how it differs, and Blink adds the table and row
     */
    void copyValues(Object row, Object[] values);

    /**
     * The inserter that writes this table, given the plan's: by default the plan's itself. A layout
     * whose rows cannot go to the table as one statement of fixed columns (rows that leave out
     * different columns, values the server must compute) returns an inserter that wraps
     * {@code planInserter}, e.g. to write the rows in several statements or through a staging
     * table. Called once per table, after the layout is prepared and before any row is read.
     */
    default Inserter inserter(Inserter planInserter) {
        return planInserter;
    }

    /** Releases what the layout holds for its table (a session, a buffer). Does nothing by default. */
    @Override
    default void close() {
    }
}
