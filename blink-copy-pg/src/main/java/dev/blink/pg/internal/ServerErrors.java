package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.ValueException;
import dev.blink.internal.Values;
import dev.blink.pg.internal.encode.RowEncoder;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a server error from a table's statements into a {@link SeedException} at the row (and
 * column) the server names: binary COPY's context says {@code COPY t, line N, column c} for row N.
 */
public final class ServerErrors {

    private static final Pattern COPY_LINE = Pattern.compile("COPY .*?, line (\\d+)(?:, column ([^:]+))?");
    /** The value that COPY text names in its context: {@code COPY t, line 2, column c: "abc"}. */
    private static final Pattern COPY_VALUE = Pattern.compile("COPY .*?, line \\d+, column [^:]+: \"(.*)\"$",
            Pattern.DOTALL);

    private ServerErrors() {
    }

    /** A server error as a {@link SeedException} at the row (and column) that the server names. */
    public static SeedException translate(SQLException e, String step, TableName table, boolean staged) {
        return translate(e, step, table, staged, new RowLines());
    }

    /**
     * A server error from a table's COPY: as {@link #translate(SQLException, String, TableName, boolean,
     * RowLines)}, and a value of COPY text that the column's input function refused (a data
     * exception whose context names the value) as the {@link ValueException} that a value refused
     * by Blink would be.
     */
    static SeedException translate(SQLException e, CopyTarget target, boolean staged, RowLines lines) {
        SeedException error = translate(e, target.step(), target.name(), staged, lines);
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState();
        if (server == null || state == null || !state.startsWith("22") || error.location().columnName().isEmpty()) {
            return error;
        }
        Matcher value = COPY_VALUE.matcher(String.valueOf(server.getWhere()));
        if (!value.find()) {
            return error;
        }
        String column = error.location().columnName().get();
        for (Catalog.Column c : target.columns()) {
            if (c.name().equals(column)) {
                String reason = "the server's input function refused it: " + server.getMessage()
                        + (server.getDetail() == null ? "" : " (" + Values.cut(server.getDetail()) + ")")
                        + (server.getHint() == null ? "" : ". Hint: " + server.getHint()) + " [SQLSTATE " + state + "]";
                return new ValueException(error.location(), RowEncoder.expected(c.type()), value.group(1), reason, e);
            }
        }
        return error;
    }

    /**
     * As {@link #translate(SQLException, String, TableName, boolean)}, with the file and line of the
     * row where {@code lines} knows them.
     *
     * @param staged whether the rows went through a staging table (its line numbers are not the rows')
     */
    static SeedException translate(SQLException e, String step, TableName table, boolean staged, RowLines lines) {
        Location location = Location.of(step);
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
        return translate(e, table, location, row > 0);
    }

    /**
     * A server error as a {@link SeedException} at {@code location}, found by Blink (e.g. the row
     * of an {@code INSERT … SELECT} that fails).
     *
     * @param ofRow whether {@code location} names the row
     */
    static SeedException translate(SQLException e, TableName table, Location location, boolean ofRow) {
        StringBuilder message = new StringBuilder();
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        long row = ofRow ? 1 : 0;
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
