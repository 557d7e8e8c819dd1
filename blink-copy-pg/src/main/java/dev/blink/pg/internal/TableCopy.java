package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.ValueException;
import dev.blink.internal.Values;
import dev.blink.pg.PgEncoder;
import dev.blink.pg.PgOnConflict;
import dev.blink.spi.InsertStats;
import dev.blink.spi.RowOrigin;
import dev.blink.spi.TableInput;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** One table's binary COPY: catalog, encoders, the row loop, and errors with their row and column. */
public final class TableCopy {

    private static final Pattern COPY_LINE = Pattern.compile("COPY .*?, line (\\d+)(?:, column ([^:]+))?");
    private static final AtomicLong STAGES = new AtomicLong();

    private TableCopy() {
    }

    /**
     * Copies every row of {@code input} into its table (through a staging table if
     * {@code onConflict} is not null).
     *
     * @return rows written (for a staged copy: rows inserted or updated) and bytes sent
     */
    public static InsertStats copy(Connection connection, TableInput input, List<PgEncoder<?>> encoders,
                                   PgOnConflict onConflict) throws SQLException {
        String step = input.location().table();
        TableName name = input.table();
        Catalog.Table table = Catalog.read(connection, name, step);
        List<String> names = input.columns();
        List<Catalog.Column> columns = table.select(names, step);
        Session session = new Session(table.zone(), encoders);
        StringJoiner quoted = new StringJoiner(", ");
        for (String column : names) {
            quoted.add(TableName.quote(column));
        }
        String stage = null;
        if (onConflict != null) {
            stage = TableName.quote("blink_stage_" + STAGES.incrementAndGet());
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE " + stage + " AS SELECT " + quoted + " FROM "
                        + name.toSql() + " WITH NO DATA");
            }
        }
        String sql = "COPY " + (stage == null ? name.toSql() : stage) + " (" + quoted + ") FROM STDIN (FORMAT binary)";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        long rows;
        long bytes;
        Throwable failure = null;
        RowLines lines = new RowLines();
        try {
            CopyStream out = new CopyStream(copy, CopyStream.SIZE);
            writeRows(out, input, columns, session, lines);
            bytes = out.sent();
            rows = copy.endCopy();
        } catch (CopyFailure e) {
            failure = serverError(e.sqlException(), step, name, stage != null, lines);
            throw (SeedException) failure;
        } catch (SQLException e) {
            failure = serverError(e, step, name, stage != null, lines);
            throw (SeedException) failure;
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException e) {
                    if (failure != null) {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (stage != null) {
            rows = merge(connection, name, stage, quoted.toString(), names, onConflict, step);
        }
        return new InsertStats(rows, bytes);
    }

    private static void writeRows(CopyStream out, TableInput input, List<Catalog.Column> columns, Session session,
                                  RowLines lines) {
        int n = columns.size();
        ColumnWriter[] writers = new ColumnWriter[n];
        for (int i = 0; i < n; i++) {
            writers[i] = new ColumnWriter(columns.get(i).name(), columns.get(i).type(), session);
        }
        Set<String> constants = input.constantColumns();
        boolean[] constant = new boolean[n];
        for (int i = 0; i < n; i++) {
            constant[i] = constants.contains(writers[i].column);
        }
        byte[][] encoded = new byte[n][];
        Object[] values = new Object[n];
        out.header();
        boolean first = true;
        RowOrigin origin = null;
        int i = 0;
        try {
            while (input.next(values)) {
                if (first) {
                    first = false;
                    origin = input.origin().orElse(null);
                    for (i = 0; i < n; i++) {
                        if (constant[i]) {
                            encoded[i] = encodeOnce(writers[i], values[i]);
                        }
                    }
                }
                if (origin != null) {
                    lines.record(input.rowNumber(), origin.file(), origin.line());
                }
                out.int2(n);
                for (i = 0; i < n; i++) {
                    if (constant[i]) {
                        out.bytes(encoded[i]);
                        continue;
                    }
                    Object value = values[i];
                    if (value == null) {
                        out.nullValue();
                    } else {
                        writers[i].write(out, value);
                    }
                }
            }
            out.int2(-1);
            out.flush();
        } catch (BadValue e) {
            ColumnWriter writer = writers[i];
            throw new ValueException(input.location().column(writer.column), writer.expected(), values[i],
                    e.isWrongType() ? null : e.getMessage(), null);
        }
    }

    private static byte[] encodeOnce(ColumnWriter writer, Object value) {
        CopyStream scratch = CopyStream.inMemory();
        if (value == null) {
            scratch.nullValue();
        } else {
            writer.write(scratch, value);
        }
        return scratch.toByteArray();
    }

    private static long merge(Connection connection, TableName name, String stage, String quoted, List<String> names,
                              PgOnConflict onConflict, String step) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(name.toSql()).append(" (").append(quoted)
                .append(") SELECT ").append(quoted).append(" FROM ").append(stage).append(" ON CONFLICT");
        List<String> keys = onConflict.conflictColumns();
        if (!keys.isEmpty()) {
            StringJoiner target = new StringJoiner(", ", " (", ")");
            for (String key : keys) {
                target.add(TableName.quote(key));
            }
            sql.append(target);
        }
        StringJoiner updates = new StringJoiner(", ");
        if (onConflict.updates()) {
            for (String column : names) {
                if (!keys.contains(column)) {
                    updates.add(TableName.quote(column) + " = EXCLUDED." + TableName.quote(column));
                }
            }
        }
        sql.append(updates.length() == 0 ? " DO NOTHING" : " DO UPDATE SET " + updates);
        try (Statement statement = connection.createStatement()) {
            long rows = statement.executeLargeUpdate(sql.toString());
            statement.execute("DROP TABLE " + stage);
            return rows;
        } catch (SQLException e) {
            throw serverError(e, step, name, true, new RowLines());
        }
    }

    /** A server error as a {@link SeedException} at the row (and column) that the server names. */
    public static SeedException serverError(SQLException e, String step, TableName table, boolean staged) {
        return serverError(e, step, table, staged, new RowLines());
    }

    static SeedException serverError(SQLException e, String step, TableName table, boolean staged, RowLines lines) {
        Location location = Location.of(step);
        StringBuilder message = new StringBuilder();
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        long row = 0;
        String column = null;
        if (server != null) {
            Matcher where = COPY_LINE.matcher(String.valueOf(server.getWhere()));
            if (where.find() && !staged) {
                row = Long.parseLong(where.group(1));
                column = where.group(2);
            }
            if (server.getColumn() != null) {
                column = server.getColumn();
            }
        }
        if (row > 0) {
            location = lines.locate(location.row(row), row);
        }
        if (column != null) {
            location = location.column(column);
        }
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            message.append("the connection to the database broke during the COPY into ").append(table)
                    .append(": ").append(e.getMessage()).append(". Nothing of the seed was committed");
        } else {
            message.append("the database rejected ").append(row > 0 ? "this row" : "the rows of " + table)
                    .append(": ").append(server != null ? server.getMessage() : e.getMessage());
            if (server != null && server.getDetail() != null) {
                message.append(" (").append(Values.cut(server.getDetail())).append(')');
            }
            if (server != null && server.getConstraint() != null) {
                message.append(" [constraint ").append(server.getConstraint()).append(']');
            }
            if (server != null && server.getHint() != null) {
                message.append(". Hint: ").append(server.getHint());
            }
            if (row == 0 && state != null && state.startsWith("23")) {
                message.append(". Constraints checked at the end of the COPY cannot name the row");
            }
        }
        if (state != null) {
            message.append(" [SQLSTATE ").append(state).append(']');
        }
        return new SeedException(location, message.toString(), e);
    }
}
