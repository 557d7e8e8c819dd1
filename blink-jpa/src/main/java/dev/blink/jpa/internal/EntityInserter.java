package dev.blink.jpa.internal;

import dev.blink.InsertOptions;
import dev.blink.SeedException;
import dev.blink.spi.InsertStats;
import dev.blink.spi.Inserter;
import dev.blink.spi.TableInput;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes an entity table whose rows cannot go in one statement of fixed columns, through the
 * plan's inserter: each run of rows that leave out the same columns (so that their defaults apply,
 * as Hibernate's insert leaves them out) in a statement of its own, in the rows' order; through a
 * staging table where Hibernate writes columns through SQL expressions. Made per table by its
 * {@link EntityLayout}; used by one thread.
 */
final class EntityInserter implements Inserter {

    private final RowShape shape;
    private final int mappedColumns;
    private final Staging staging;
    private final Inserter planInserter;

    EntityInserter(RowShape shape, int mappedColumns, Staging staging, Inserter planInserter) {
        this.shape = shape;
        this.mappedColumns = mappedColumns;
        this.staging = staging;
        this.planInserter = planInserter;
    }

    @Override
    public InsertStats insert(Connection connection, TableInput input, InsertOptions options) throws SQLException {
        Object[] row = new Object[input.columns().size()];
        long rows = 0;
        long skipped = 0;
        long bytes = 0;
        boolean more = input.next(row);
        while (more) {
            RunInput run = new RunInput(input, row, shape, mappedColumns);
            InsertStats stats;
            try {
                stats = staging == null ? planInserter.insert(connection, run, options)
                        : staging.insert(connection, run, options, planInserter);
            } catch (SeedException e) {
                throw run.inTable(e);
            }
            rows += stats.rows();
            skipped += stats.skipped();
            bytes += stats.bytes();
            more = run.stoppedAtAnotherShape();
        }
        if (staging != null) {
            staging.drop(connection);
        }
        return new InsertStats(rows, skipped, bytes);
    }

    @Override
    public String toString() {
        return "EntityInserter[" + planInserter + "]";
    }
}
