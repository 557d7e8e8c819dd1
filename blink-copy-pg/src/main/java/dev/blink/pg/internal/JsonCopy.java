package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.ValueException;
import dev.blink.pg.PgOnConflict;
import dev.blink.spi.InsertStats;
import dev.blink.spi.JsonInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A table of JSON objects, each as its text stands in the file, handed to PostgreSQL's
 * {@code json_populate_record}, so that the server decides what every JSON value means for its
 * column, as its documentation says: null is NULL; a json or jsonb column takes the value itself
 * (a string stays a string); an array column takes an array element by element; any other column
 * takes a string's contents, or the text of any other value, through its input function.
 *
 * <p>The objects go to a temporary table {@code (n, line, doc json)} by binary COPY, then one
 * {@code INSERT … SELECT} populates a record of the named columns (a temporary table made like the
 * target, so types, typmods and domains are the target's) from each and writes them in file
 * order. When the server refuses a row, the first bad one is found by inserting ever shorter
 * prefixes under a savepoint, so that the error names its row and line.
 */
public final class JsonCopy {

    private static final AtomicLong TABLES = new AtomicLong();

    private JsonCopy() {
    }

    /**
     * Writes every object of {@code input} into its table.
     *
     * @param timeout the statement timeout, measured by the client too while the objects are sent (zero: none)
     * @param seed the catalog entries read for the seed ({@link SeedCatalog#NONE}: none)
     * @return rows written (inserted or updated with {@code onConflict}), rows skipped (left out by
     *     {@code ON CONFLICT DO NOTHING}) and bytes of JSON sent
     */
    public static InsertStats copy(Connection connection, JsonInput input, PgOnConflict onConflict, Duration timeout,
                                   SeedCatalog seed) throws SQLException {
        String step = input.location(0, 0).table();
        TableName name = input.table();
        CopyTarget target = CopyTarget.resolve(connection, name, input.columns(), step, seed);
        StringJoiner fields = new StringJoiner(", ");
        for (Catalog.Column column : target.columns()) {
            fields.add("r." + TableName.quote(column.name()));
        }
        // a temporary table made like the target's columns: the record json_populate_record fills
        String record = Staging.create(connection, target, onConflict).stage;
        TableName docsTable = TableName.of("blink_json_" + TABLES.incrementAndGet());
        String docs = docsTable.toSql();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + docs + " (n bigint, line bigint, doc json)");
        }
        InsertStats sent = send(connection, input, docsTable, step, timeout);
        String insert = "INSERT INTO " + name.toSql() + " (" + target.columnList() + ") SELECT " + fields + " FROM " + docs
                + " d CROSS JOIN LATERAL json_populate_record(NULL::" + record + ", d.doc) r";
        String order = " ORDER BY d.n" + (onConflict == null ? "" : Staging.onConflict(target, onConflict));
        long rows;
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            rows = statement.executeLargeUpdate(insert + order);
        } catch (SQLException e) {
            connection.rollback(before);
            throw located(connection, e, insert, order, docs, record, target.columns(), input, name);
        }
        connection.releaseSavepoint(before);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + docs + ", " + record);
        }
        // every object sent is one row of docs; the INSERT counts those it inserted or updated
        return new InsertStats(rows, sent.rows() - rows, sent.bytes());
    }

    /**
     * Copies every object's text into {@code docs}, noting each one's line for errors; returns the
     * objects and bytes sent.
     */
    private static InsertStats send(Connection connection, JsonInput input, TableName docs, String step, Duration timeout)
            throws SQLException {
        CopyTarget into = new CopyTarget(step, docs, null, List.of(), "n, line, doc");
        return TableCopy.copy(connection, into, null, "FORMAT binary", timeout, null, (out, lines) -> {
            out.header();
            while (input.next()) {
                Location at = input.location(input.rowNumber(), input.line());
                lines.record(input.rowNumber(), at.fileName().orElse(null), at.lineNumber());
                out.int2(3);
                out.valueInt8(input.rowNumber());
                out.valueInt8(input.line());
                out.textValue(input.text());
            }
            out.int2(-1);
            out.flush();
        });
    }

    /**
     * {@code error} at the first row that the insert refuses: the shortest prefix of rows that
     * fails, found by halving, each try rolled back. The transaction is as before the insert.
     */
    private static SeedException located(Connection connection, SQLException error, String insert, String order,
                                         String docs, String record, List<Catalog.Column> columns, JsonInput input,
                                         TableName name) throws SQLException {
        long low = 1;
        long high = input.rowNumber();
        while (low < high) {
            long middle = low + (high - low) / 2;
            if (fails(connection, insert + " WHERE d.n <= " + middle + order)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        long line = 0;
        try (PreparedStatement statement = connection.prepareStatement("SELECT line FROM " + docs + " WHERE n = ?")) {
            statement.setLong(1, low);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    line = rs.getLong(1);
                }
            }
        }
        Location location = input.location(low, line);
        if (error.getSQLState() != null && error.getSQLState().startsWith("22")) {
            for (Catalog.Column column : columns) {
                String value = refusedValue(connection, docs, record, column.name(), low);
                if (value != null) {
                    return new ValueException(location.column(column.name()), column.type().display()
                            + " (the server reads the JSON value with json_populate_record)", value,
                            error.getMessage(), error);
                }
            }
        }
        return ServerErrors.translate(error, name, location, true);
    }

    /** The JSON text of row {@code row}'s {@code key} if the server refuses it for its column alone, else null. */
    private static String refusedValue(Connection connection, String docs, String record, String key, long row)
            throws SQLException {
        String value;
        try (PreparedStatement statement = connection.prepareStatement("SELECT (d.doc -> ?)::text FROM " + docs
                + " d WHERE d.n = ?")) {
            statement.setString(1, key);
            statement.setLong(2, row);
            try (ResultSet rs = statement.executeQuery()) {
                value = rs.next() ? rs.getString(1) : null;
            }
        }
        Savepoint probe = connection.setSavepoint();
        try (PreparedStatement statement = connection.prepareStatement("SELECT json_populate_record(NULL::" + record
                + ", json_build_object(?::text, d.doc -> ?)) FROM " + docs + " d WHERE d.n = ?")) {
            statement.setString(1, key);
            statement.setString(2, key);
            statement.setLong(3, row);
            statement.executeQuery().close();
            return null;
        } catch (SQLException e) {
            return value;
        } finally {
            connection.rollback(probe);
        }
    }

    private static boolean fails(Connection connection, String sql) throws SQLException {
        Savepoint probe = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.executeLargeUpdate(sql);
            return false;
        } catch (SQLException e) {
            return true;
        } finally {
            connection.rollback(probe);
        }
    }
}
