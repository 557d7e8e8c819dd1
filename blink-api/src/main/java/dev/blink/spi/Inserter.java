package dev.blink.spi;

import dev.blink.InsertOptions;
import dev.blink.TableName;
import dev.blink.TableResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The backend that writes rows: binary COPY for PostgreSQL ({@code PgCopyInserter} in blink-copy-pg,
 * the default) or JDBC batches ({@link dev.blink.JdbcBatchInserter}).
 *
 * <p>Blink calls {@link #beforeSeed} once, then {@link #insert} for each table in plan order, then
 * {@link #afterSeed}, all on one connection inside one transaction that Blink commits or rolls back.
 * An inserter never commits, rolls back or closes the connection. {@link #cancel} is the one
 * method called from another thread. Implementations must be thread-safe if one instance is
 * shared by concurrent seeds.
 */
public interface Inserter {

    /**
     * Writes all rows of {@code input}. On failure it throws, leaving what it sent to be rolled
     * back by Blink.
     *
     * @throws SQLException a server error; Blink reports it with the table and its SQLSTATE
     * @throws dev.blink.SeedException a value that does not fit its column, with the location
     */
    InsertStats insert(Connection connection, TableInput input, InsertOptions options) throws SQLException;

    /** Called before the first step, with every table of the plan in order. Does nothing by default. */
    default void beforeSeed(Connection connection, List<TableName> tables, InsertOptions options) throws SQLException {
    }

    /** Called after the last step, before the commit. Does nothing by default. */
    default void afterSeed(Connection connection, List<TableResult> results, InsertOptions options) throws SQLException {
    }

    /**
     * Asks the database to cancel the statement this inserter is running on {@code connection}, if
     * any. Called from another thread when the seed is cancelled ({@link dev.blink.Cancellation}),
     * so that a seed waiting on the database (a lock, a slow trigger) stops; never called after the
     * seed has finished. Does nothing by default: the seed then stops at the next row it reads.
     */
    default void cancel(Connection connection) throws SQLException {
    }
}
