package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.StoppedException;
import dev.blink.TableName;
import dev.blink.spi.RowOrigin;
import dev.blink.spi.TableInput;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rows of the low-level entry point ({@code Object[]} per row) as a {@link TableInput}; stops
 * at the first row after the thread is interrupted (clearing the flag, which the entry point sets
 * again once it has cleaned up).
 */
public final class ArrayRows implements TableInput {

    private final String step;
    private final TableName table;
    private final List<String> columns;
    private final Iterable<Object[]> source;
    private final Iterator<Object[]> rows;
    private long rowNumber;

    /** Rows of {@code table}, each an array of values in {@code columns} order. */
    public ArrayRows(String step, TableName table, List<String> columns, Iterable<Object[]> rows) {
        this.step = step;
        this.table = table;
        this.columns = columns;
        this.source = rows;
        this.rows = rows.iterator();
    }

    @Override
    public TableName table() {
        return table;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Set<String> constantColumns() {
        return Set.of();
    }

    @Override
    public boolean next(Object[] values) {
        if (Thread.interrupted()) {
            throw new StoppedException(location(), StoppedException.Reason.INTERRUPT, "interrupted (Thread.interrupt()): "
                    + "the COPY was cancelled, and the thread's interrupt flag is set again", null);
        }
        if (!rows.hasNext()) {
            return false;
        }
        Object[] row = rows.next();
        rowNumber++;
        if (row == null || row.length != values.length) {
            throw new SeedException(location(), "the row has " + (row == null ? "no values (null)" : row.length + " values")
                    + " but " + values.length + " columns were named " + columns
                    + "; give one value per column, in that order", null);
        }
        System.arraycopy(row, 0, values, 0, values.length);
        return true;
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public Optional<RowOrigin> origin() {
        return Optional.empty();
    }

    @Override
    public Location location() {
        return Location.of(step).row(rowNumber);
    }

    @Override
    public long findRow(Predicate<Object[]> test) {
        if (!(source instanceof List<Object[]> list)) {
            return 0;
        }
        for (int i = 0; i < list.size(); i++) {
            Object[] row = list.get(i);
            if (row != null && row.length == columns.size() && test.test(row)) {
                return i + 1;
            }
        }
        return 0;
    }
}
