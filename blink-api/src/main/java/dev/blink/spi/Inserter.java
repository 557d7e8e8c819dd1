package dev.blink.spi;

import dev.blink.InsertOptions;
import dev.blink.TableName;
import dev.blink.TableResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The backend that writes rows: binary COPY for PostgreSQL ({@code PgCopyInserter} in blink-copy-pg,
 * the default) or JDBC batches ({@link dev.blink.JdbcBatchInserter}).
 *
 * <p>Blink calls {@link #beforeSeed} once, then {@link #insert} for each table in plan order, then
 * {@link #afterSeed} and {@link #checkDeferredConstraints}, all on one connection inside one
 * transaction that Blink commits or rolls back. An inserter never commits, rolls back or closes the
 * connection, and leaves the session's settings as it found them. {@link #cancel} is the one
 * method called from another thread. Implementations must be thread-safe if one instance is
 * shared by concurrent seeds. The default inserter, registered for {@link java.util.ServiceLoader},
 * is instantiated once per class loader and shared by every seed that does not choose one, so it
 * must be thread-safe.
 */
public interface Inserter {

    /**
     * Writes all rows of {@code input}. On failure it throws, leaving what it sent to be rolled
     * back by Blink.
     *
     * @return the rows it wrote and skipped (together, the rows it read from {@code input}), which
     *     become the table's {@link TableResult}
     * @throws SQLException a server error; Blink reports it with the table and its SQLSTATE
     * @throws dev.blink.SeedException a value that does not fit its column, with the location
     */
    InsertStats insert(Connection connection, TableInput input, InsertOptions options) throws SQLException;

    /**
     * Writes a table whose rows are CSV text that the database reads itself (a CSV file without a
     * transform), or declines it without reading the input: then Blink reads the rows and calls
     * {@link #insert}. An inserter that takes it hands the text to the database as it is, so that
     * the database's own CSV reader decides every value (PostgreSQL: {@code COPY … (FORMAT csv)}),
     * and checks {@link CsvInput#columns()} against the table before it sends any data, also when
     * the file has no rows. Declines by default.
     *
     * @return what it wrote, or empty to get the rows instead
     * @throws SQLException a server error; Blink reports it with the table and its SQLSTATE
     * @throws dev.blink.SeedException a server error located with {@link CsvInput#location(long)}
     */
    default Optional<InsertStats> insertCsv(Connection connection, CsvInput input, InsertOptions options)
            throws SQLException {
        return Optional.empty();
    }

    /**
     * Writes a table whose rows are JSON objects that the database reads itself (a JSON file
     * without a transform), or declines it without reading the input: then Blink reads the rows and
     * calls {@link #insert}. An inserter that takes it hands each object's text to the database so
     * that the database decides what each value means for its column (PostgreSQL:
     * {@code json_populate_record}), and checks {@link JsonInput#columns()} against the table.
     * Declines by default.
     *
     * @return what it wrote, or empty to get the rows instead
     * @throws SQLException a server error; Blink reports it with the table and its SQLSTATE
     */
    default Optional<InsertStats> insertJson(Connection connection, JsonInput input, InsertOptions options)
            throws SQLException {
        return Optional.empty();
    }

    /** Called before the first step, with every table of the plan in order. Does nothing by default. */
    default void beforeSeed(Connection connection, List<TableName> tables, InsertOptions options) throws SQLException {
    }

    /** Called after the last step, before the commit. Does nothing by default. */
    default void afterSeed(Connection connection, List<TableResult> results, InsertOptions options) throws SQLException {
    }

    /**
     * Checks now the constraints whose checks the database deferred to the commit, so that a
     * violation fails the seed (which then undoes only its own work) rather than the caller's
     * commit. Called after {@link #afterSeed}. When the transaction is the caller's, Blink calls it
     * inside a savepoint that it rolls back afterwards (so the caller's constraint mode and pending
     * checks stay as they were: the checks run again at the commit), and checks pending from the
     * caller's own work before the seed are checked too. When the transaction is Blink's own, Blink
     * calls it directly and commits after it: an implementation that runs a statement the database
     * may refuse must guard it itself, as the default does.
     *
     * <p>The default runs the SQL standard's {@code SET CONSTRAINTS ALL IMMEDIATE} under a savepoint
     * of its own (ended by Blink's rollback or commit), and returns false, checking nothing and leaving the transaction as it was, if the
     * database refuses it as unknown (an error of SQLSTATE class 42 or 0A); a database that cannot
     * defer constraints has none to check.
     *
     * @return whether the constraints were checked
     * @throws SQLException a violation (SQLSTATE class 23, or a deferred trigger's error), reported
     *     as the seed's failure
     */
    default boolean checkDeferredConstraints(Connection connection, List<TableResult> results, InsertOptions options)
            throws SQLException {
        Savepoint guard = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET CONSTRAINTS ALL IMMEDIATE");
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && (state.startsWith("42") || state.startsWith("0A"))) {
                connection.rollback(guard);
                connection.releaseSavepoint(guard);
                return false;
            }
            throw e;
        }
        // not released: PostgreSQL keeps what undoes SET CONSTRAINTS in the subtransaction it ran in,
        // so after a release Blink's rollback to its own savepoint (the caller's transaction) would no
        // longer put the caller's constraint mode back; that rollback, or the commit, ends this one
        return true;
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
