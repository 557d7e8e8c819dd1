package dev.blink.internal;

import dev.blink.BlinkException;
import dev.blink.CallbackException;
import dev.blink.Location;
import dev.blink.Retain;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.spi.RowLayout;
import dev.blink.spi.RowOrigin;
import dev.blink.spi.SeedListener;
import dev.blink.spi.TableInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@link TableInput} of one table: pulls rows from the source's iterator, maps them, adds the
 * constants, retains what the table asks, reports progress, and stops at the first row after the
 * seed was cancelled or its thread interrupted.
 */
final class TableCursor implements TableInput {

    /** What a null row is told: rows of any kind, since a table's own mapper may map entities or others. */
    static final String NULL_ROW = "the row is null; the table's source must give one object per row "
            + "(a Map, a record, or a row its RowMapper maps, such as a JPA entity)";

    private final String step;
    private final TableName table;
    private final Iterator<?> rows;
    private final RowOrigin origin;
    private final RowLayout layout;
    private final int mappedCount;
    private final List<String> columns;
    private final Set<String> constantColumns;
    private final Object[] constantValues;
    private final SeedListener listener;
    private final long progressInterval;
    private final CancelToken token;
    /** The source, if it can be read again to find a row; otherwise null. */
    private final List<?> source;

    private final boolean retainRows;
    private final int[] retainedIndexes;
    private final String[] retainedNames;
    private final List<Object> retained;

    private Object pending;
    private long rowNumber;
    /** Rows until the next progress report: a countdown, not a division per row. */
    private long untilProgress;

    /**
     * @param firstRow the first row, already read from {@code rows}, or null for a table without
     *     rows (whose retained columns are then not checked: there is nothing to retain)
     * @param source the rows as a list, if they are one (to find a row again), or null
     */
    TableCursor(String step, TableName table, Object firstRow, Iterator<?> rows, RowLayout layout,
                Map<String, Object> constants, Retain retain, boolean keepSourceList,
                SeedListener listener, long progressInterval, CancelToken token, List<?> source) {
        this.step = step;
        this.token = token;
        this.source = source;
        this.table = table;
        this.pending = firstRow;
        this.rows = rows;
        this.origin = rows instanceof RowOrigin o ? o : null;
        this.layout = layout;
        this.mappedCount = layout.columns().size();
        List<String> all = new ArrayList<>(layout.columns());
        for (String constant : constants.keySet()) {
            if (all.contains(constant)) {
                throw new IllegalArgumentException("column \"" + constant
                        + "\" is declared constant but the rows hold it too; drop it from the rows or from the constants");
            }
            all.add(constant);
        }
        this.columns = List.copyOf(all);
        this.constantColumns = Collections.unmodifiableSet(new LinkedHashSet<>(constants.keySet()));
        this.constantValues = constants.values().toArray();
        this.listener = listener;
        this.progressInterval = progressInterval;
        this.untilProgress = progressInterval;

        this.retainRows = retain.all() && !keepSourceList;
        List<String> kept = retain.columns();
        this.retainedIndexes = new int[kept.size()];
        this.retainedNames = kept.toArray(String[]::new);
        for (int i = 0; i < retainedIndexes.length; i++) {
            retainedIndexes[i] = columns.indexOf(kept.get(i));
            if (retainedIndexes[i] < 0 && firstRow != null) {
                throw new IllegalArgumentException("Retain.columns(" + kept + ") names \"" + kept.get(i)
                        + "\", which is not a column of the rows; the columns are " + columns);
            }
        }
        this.retained = retainRows || retainedIndexes.length > 0 ? new ArrayList<>() : null;
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
        return constantColumns;
    }

    @Override
    public boolean next(Object[] values) {
        return read(values, true);
    }

    /** The constants are not copied into every row only for the inserter to skip them. */
    @Override
    public boolean nextVarying(Object[] values) {
        return read(values, false);
    }

    private boolean read(Object[] values, boolean withConstants) {
        if (token.cancelled() || Thread.currentThread().isInterrupted()) {
            throw Stops.now(token, Location.of(step).row(rowNumber));
        }
        Object row;
        if (pending != null) {
            row = pending;
            pending = null;
        } else {
            try {
                if (!rows.hasNext()) {
                    return false;
                }
                row = rows.next();
            } catch (BlinkException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw readFailure(Location.of(step).row(rowNumber + 1), e);
            }
        }
        rowNumber++;
        if (row == null) {
            throw new SeedException(location(), NULL_ROW, null);
        }
        try {
            layout.copyValues(row, values);
        } catch (IllegalArgumentException e) {
            throw new SeedException(location(), e.getMessage(), e);
        }
        if (withConstants && constantValues.length > 0) {
            System.arraycopy(constantValues, 0, values, mappedCount, constantValues.length);
        }
        if (retained != null) {
            retain(row, values);
        }
        if (--untilProgress == 0) {
            untilProgress = progressInterval;
            listener.tableProgress(step, rowNumber);
        }
        return true;
    }

    /**
     * A failure of the source while reading a row: any exception, checked ones thrown sneakily
     * (Kotlin, Lombok's {@code @SneakyThrows}) included.
     */
    static CallbackException readFailure(Location row, Throwable e) {
        return new CallbackException(at(row, e), "reading the row from the table's source failed: " + e, e);
    }

    /** {@code where}, with the file and line that a failure reading a file names (a {@link RowOrigin}). */
    static Location at(Location where, Throwable failure) {
        if (!(failure instanceof RowOrigin origin) || origin.file() == null) {
            return where;
        }
        Location at = where.rowNumber() == 0 && origin.record() > 0 ? where.row(origin.record()) : where;
        return at.file(origin.file(), origin.line());
    }

    private void retain(Object row, Object[] values) {
        if (retainRows) {
            retained.add(row);
        } else {
            Map<String, Object> kept = new LinkedHashMap<>(retainedIndexes.length * 2);
            for (int i = 0; i < retainedIndexes.length; i++) {
                int at = retainedIndexes[i];
                // a constant is read from the constants: nextVarying leaves its slot as the caller had it
                kept.put(retainedNames[i], at < mappedCount ? values[at] : constantValues[at - mappedCount]);
            }
            retained.add(Collections.unmodifiableMap(kept));
        }
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public Optional<RowOrigin> origin() {
        return Optional.ofNullable(origin);
    }

    @Override
    public Location location() {
        Location location = Location.of(step).row(rowNumber);
        return origin == null ? location : location.file(origin.file(), origin.line());
    }

    @Override
    public long findRow(Predicate<Object[]> test) {
        if (source == null) {
            return 0;
        }
        Object[] values = new Object[columns.size()];
        long number = 0;
        try {
            for (Object row : source) {
                number++;
                if (row == null) {
                    return 0;
                }
                layout.copyValues(row, values);
                System.arraycopy(constantValues, 0, values, mappedCount, constantValues.length);
                if (test.test(values)) {
                    return number;
                }
            }
        } catch (RuntimeException e) {
            return 0; // a row that does not map (or a list changed meanwhile): no row can be named
        }
        return 0;
    }

    /** Whether every row was read. */
    boolean exhausted() {
        if (pending != null) {
            return false;
        }
        try {
            return !rows.hasNext();
        } catch (BlinkException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw readFailure(Location.of(step).row(rowNumber + 1), e);
        }
    }

    /** The rows retained as the table was read (empty when nothing or the source list is kept). */
    List<?> retained() {
        return retained == null ? List.of() : Collections.unmodifiableList(retained);
    }
}
