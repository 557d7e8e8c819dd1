package dev.blink.jpa.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.ValueException;
import dev.blink.spi.TableInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run of consecutive rows of one table that leave out the same columns: the rows of one
 * statement. Reads the table's rows until one has another shape, which it keeps for the next run.
 * Not thread-safe.
 */
final class RunInput extends ForwardingInput {

    private final Object[] row;
    private final RowShape shape;
    private final long[] omitted;
    private final int[] included;
    private final List<String> columns;
    private final long firstRow;
    private boolean first = true;
    private boolean stopped;
    private SeedException fromInput;

    /**
     * The run that starts with the row in {@code row} (just read from {@code input}, of the shape
     * {@code shape} holds now), of the columns that row writes.
     */
    RunInput(TableInput input, Object[] row, RowShape shape, int mappedColumns) {
        super(input);
        this.row = row;
        this.shape = shape;
        this.omitted = shape.tracked() ? shape.omitted().clone() : null;
        List<String> all = input.columns();
        List<String> kept = new ArrayList<>(all.size());
        int[] at = new int[all.size()];
        int n = 0;
        for (int i = 0; i < all.size(); i++) {
            if (omitted == null || i >= mappedColumns || !RowShape.leavesOut(omitted, i)) {
                kept.add(all.get(i));
                at[n++] = i;
            }
        }
        this.included = Arrays.copyOf(at, n);
        this.columns = List.copyOf(kept);
        this.firstRow = input.rowNumber();
    }

    /** Whether the run ended at a row of another shape, which is now in the row buffer (else: no rows are left). */
    boolean stoppedAtAnotherShape() {
        return stopped;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next(Object[] values) {
        if (first) {
            first = false;
        } else {
            if (stopped) {
                return false;
            }
            boolean read;
            try {
                read = input.next(row);
            } catch (SeedException e) {
                fromInput = e;
                throw e;
            }
            if (!read) {
                return false;
            }
            if (omitted != null && !Arrays.equals(shape.omitted(), omitted)) {
                stopped = true;
                return false;
            }
        }
        for (int i = 0; i < included.length; i++) {
            values[i] = row[included[i]];
        }
        return true;
    }

    /**
     * {@code e}, thrown while the run was written, with the row renumbered in the table's rows: an
     * inserter that names a row by its position in the statement (a server error of a COPY) names
     * it in this run.
     */
    SeedException inTable(SeedException e) {
        Location where = e.location();
        if (e == fromInput || e instanceof ValueException || where.rowNumber() <= 0 || firstRow <= 1) {
            return e;
        }
        Location moved = where.row(where.rowNumber() + firstRow - 1);
        String problem = e.getMessage().startsWith(where + ": ")
                ? e.getMessage().substring(where.toString().length() + 2) : e.getMessage();
        SeedException renumbered = new SeedException(moved, problem, e.getCause());
        renumbered.setStackTrace(e.getStackTrace());
        return renumbered;
    }
}
