package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.internal.Values;
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

    private ServerErrors() {
    }

    /** A server error as a {@link SeedException} at the row (and column) that the server names. */
    public static SeedException translate(SQLException e, String step, TableName table, boolean staged) {
        return translate(e, step, table, staged, new RowLines());
    }

    /**
     * As {@link #translate(SQLException, String, TableName, boolean)}, with the file and line of the
     * row where {@code lines} knows them.
     *
     * @param staged whether the rows went through a staging table (its line numbers are not the rows')
     */
    static SeedException translate(SQLException e, String step, TableName table, boolean staged, RowLines lines) {
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
