package dev.blink;

import dev.blink.internal.Values;
import dev.blink.spi.InsertStats;
import dev.blink.spi.Inserter;
import dev.blink.spi.TableInput;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A portable inserter: {@code INSERT INTO … VALUES (?, …)} in JDBC batches of
 * {@link InsertOptions#batchSize()} rows, for any JDBC database. Much slower than COPY; use it where
 * COPY is not available, and as the reference that other inserters are tested against.
 *
 * <p>Values are bound with {@link PreparedStatement#setObject(int, Object)}, except that an
 * {@link Instant} is bound as an {@link OffsetDateTime} in UTC, a {@link ZonedDateTime} as its
 * offset date-time, an enum as its name and a {@code Character} as a one-character string.
 * Identifiers are double-quoted. A table without rows is still checked: its table and constant
 * columns are selected with {@code WHERE 1 = 0}. {@link InsertOptions#statementTimeout()} is each
 * batch's query timeout (whole seconds, at least 1); {@link #cancel} cancels the batch running.
 * Thread-safe.
 */
public final class JdbcBatchInserter implements Inserter {

    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+)");
    private static final JdbcBatchInserter INSTANCE = new JdbcBatchInserter();

    /** The statement running on each connection, for {@link #cancel}. */
    private final Map<Connection, Statement> running = new ConcurrentHashMap<>();

    private JdbcBatchInserter() {
    }

    /** The inserter. */
    public static JdbcBatchInserter create() {
        return INSTANCE;
    }

    @Override
    public InsertStats insert(Connection connection, TableInput input, InsertOptions options) throws SQLException {
        List<String> columns = input.columns();
        if (columns.isEmpty()) { // a table without rows and without constants: nothing to insert into
            if (input.next(new Object[0])) {
                throw new SeedException(input.location(), "a row without columns cannot be inserted", null);
            }
            resolve(connection, input);
            return InsertStats.written(0, 0);
        }
        StringJoiner names = new StringJoiner(", ", " (", ")");
        StringJoiner marks = new StringJoiner(", ", " VALUES (", ")");
        for (String column : columns) {
            names.add(TableName.quote(column));
            marks.add("?");
        }
        String sql = "INSERT INTO " + input.table().toSql() + names + marks;
        int batchSize = options.batchSize();
        Object[] values = new Object[columns.size()];
        // counted here, not input.rowNumber(): an input may be one part of a table whose numbers run on
        long written = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            running.put(connection, statement);
            long timeout = options.statementTimeout().toSeconds();
            if (!options.statementTimeout().isZero()) {
                statement.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout)));
            }
            long batchStart = 1;
            int inBatch = 0;
            while (input.next(values)) {
                written++;
                for (int i = 0; i < values.length; i++) {
                    try {
                        statement.setObject(i + 1, toJdbc(values[i]));
                    } catch (SQLException e) {
                        throw new ValueException(input.location().column(columns.get(i)),
                                "a value the JDBC driver can bind", values[i], e.getMessage(), e);
                    }
                }
                statement.addBatch();
                if (++inBatch == batchSize) {
                    execute(statement, input, batchStart);
                    batchStart += inBatch;
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                execute(statement, input, batchStart);
            }
        } finally {
            running.remove(connection);
        }
        if (input.rowNumber() == 0) {
            resolve(connection, input);
        }
        return InsertStats.written(written, 0); // a plain INSERT: every row is written or the batch fails
    }

    /** Checks that the table and columns of a table without rows exist, as an insert would have. */
    private static void resolve(Connection connection, TableInput input) throws SQLException {
        StringJoiner names = new StringJoiner(", ");
        for (String column : input.columns()) {
            names.add(TableName.quote(column));
        }
        String select = "SELECT " + (names.length() == 0 ? "*" : names.toString()) + " FROM " + input.table().toSql()
                + " WHERE 1 = 0";
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery(select).close();
        } catch (SQLException e) {
            throw new SeedException(input.location(), "the table has no rows, and checking it "
                    + "failed: " + Values.cut(String.valueOf(e.getMessage())) + sqlState(e), e);
        }
    }

    /** Cancels the batch running on {@code connection}, if any ({@link Statement#cancel()}). */
    @Override
    public void cancel(Connection connection) throws SQLException {
        Statement statement = running.get(connection);
        if (statement != null) {
            statement.cancel();
        }
    }

    private static void execute(PreparedStatement statement, TableInput input, long batchStart) {
        try {
            statement.executeBatch();
        } catch (BatchUpdateException e) {
            long failed = failedEntry(e);
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new SeedException(Location.of(input.location().table()).row(batchStart + failed),
                    "the database rejected the row: " + Values.cut(String.valueOf(cause.getMessage()))
                            + sqlState(cause), cause);
        } catch (SQLException e) {
            throw new SeedException(Location.of(input.location().table()).row(batchStart),
                    "the database rejected the batch starting at this row: " + Values.cut(String.valueOf(e.getMessage()))
                            + sqlState(e), e);
        }
    }

    /**
     * The 0-based entry of the batch that failed: pgjdbc names it in the message ("Batch entry 13
     * …"); other drivers mark it in the update counts.
     */
    private static long failedEntry(BatchUpdateException e) {
        Matcher entry = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
        if (entry.find()) {
            return Long.parseLong(entry.group(1));
        }
        int[] counts = e.getUpdateCounts();
        for (int i = 0; counts != null && i < counts.length; i++) {
            if (counts[i] == Statement.EXECUTE_FAILED) {
                return i;
            }
        }
        return counts == null ? 0 : counts.length;
    }

    private static String sqlState(SQLException e) {
        return e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
    }

    private static Object toJdbc(Object value) {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        return value;
    }

    @Override
    public String toString() {
        return "JdbcBatchInserter";
    }
}
