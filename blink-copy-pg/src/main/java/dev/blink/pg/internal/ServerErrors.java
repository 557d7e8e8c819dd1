package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.ValueException;
import dev.blink.internal.Values;
import dev.blink.pg.internal.encode.RowEncoder;
import dev.blink.spi.TableInput;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a server error from a table's statements into a {@link SeedException} at the row (and
 * column) the server names: binary COPY's context says {@code COPY t, line N, column c} for row N.
 * That line is the row only for errors raised while the row is read and checked; errors raised
 * while buffered rows are written (classes 53, 54, 58, XX: "row is too big", out of memory or
 * disk) carry the line of whatever row the server last read, so no row is named for them. A
 * foreign-key error, raised after the last row, names its key; the row holding it is found where
 * the rows can be read again ({@link KeyRows}).
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
        return translate(e, step, table, staged, new RowLines(), null, false);
    }

    /** A violation found when the deferred constraints were checked at the end of the seed. */
    public static SeedException deferred(SQLException e, String step, TableName table) {
        return translate(e, step, table, false, new RowLines(), null, true);
    }

    /**
     * A server error from a table's COPY: as {@link #translate(SQLException, String, TableName, boolean,
     * RowLines, TableInput)}, and a value of COPY text that the column's input function refused (a data
     * exception whose context names the value) as the {@link ValueException} that a value refused
     * by Blink would be.
     */
    static SeedException translate(SQLException e, CopyTarget target, boolean staged, RowLines lines,
                                   TableInput input) {
        SeedException error = translate(e, target.step(), target.name(), staged, lines, input, false);
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
     * row where {@code lines} knows them, and the row of a foreign key's key found in {@code input}.
     *
     * @param staged whether the rows went through a staging table (its line numbers are not the rows')
     * @param input the rows, to find the one holding a key, or null
     */
    static SeedException translate(SQLException e, String step, TableName table, boolean staged, RowLines lines,
                                   TableInput input) {
        return translate(e, step, table, staged, lines, input, false);
    }

    /**
     * @param deferred whether the error comes from checking the deferred constraints at the end of
     *     the seed
     */
    private static SeedException translate(SQLException e, String step, TableName table, boolean staged,
                                           RowLines lines, TableInput input, boolean deferred) {
        Location location = Location.of(step);
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState();
        long row = 0;
        boolean untrustedLine = false;
        String column = null;
        if (server != null) {
            Matcher where = COPY_LINE.matcher(String.valueOf(server.getWhere()));
            if (where.find() && !staged) {
                if (lineIsTheRow(state)) {
                    row = Long.parseLong(where.group(1));
                    column = where.group(2);
                } else {
                    untrustedLine = true;
                }
            }
            if (server.getColumn() != null) {
                column = server.getColumn();
            }
        }
        long keyRow = 0;
        if (row == 0 && input != null && server != null && "23503".equals(state)) {
            keyRow = KeyRows.find(server.getDetail(), input);
        }
        if (row > 0) {
            location = lines.locate(location.row(row), row);
        } else if (keyRow > 0) {
            location = location.row(keyRow);
        }
        if (column != null) {
            location = location.column(column);
        }
        return build(e, table, location, row > 0, keyRow > 0, untrustedLine, deferred);
    }

    /**
     * A server error as a {@link SeedException} at {@code location}, found by Blink (e.g. the row
     * of an {@code INSERT … SELECT} that fails).
     *
     * @param ofRow whether {@code location} names the row
     */
    static SeedException translate(SQLException e, TableName table, Location location, boolean ofRow) {
        return build(e, table, location, ofRow, false, false, false);
    }

    /**
     * @param ofRow whether {@code location} names the row the server named
     * @param ofKeyRow whether it names the first row holding a foreign key's missing key
     * @param untrustedLine whether the server named a line that is not the failing row's
     * @param deferred whether the error comes from checking the deferred constraints
     */
    private static SeedException build(SQLException e, TableName table, Location location, boolean ofRow,
                                       boolean ofKeyRow, boolean untrustedLine, boolean deferred) {
        StringBuilder message = new StringBuilder();
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            message.append("the connection to the database broke during the COPY into ").append(table)
                    .append(": ").append(e.getMessage()).append(". Nothing of the seed was committed");
        } else {
            if (deferred) {
                message.append("a deferred constraint failed when Blink checked them at the end of the seed "
                        + "(SET CONSTRAINTS ALL IMMEDIATE): ");
            }
            message.append("the database rejected ").append(ofRow || ofKeyRow ? "this row" : "the rows of " + table)
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
            if (deferred) {
                message.append(". Deferred checks name no row; rows your transaction wrote before the seed are "
                        + "checked too");
            } else if ("23503".equals(state) && !ofRow) {
                message.append(ofKeyRow ? ". Foreign keys are checked after the last row; this is the first row "
                        + "with that key" : ". Foreign keys are checked after the last row, so the server names no row; "
                        + "look for the rows with that key");
            } else if (!ofRow && state != null && state.startsWith("23")) {
                message.append(". Constraints checked at the end of the COPY cannot name the row");
            } else if (untrustedLine) {
                message.append(". The server does not say which row (its line number for this error is the last row "
                        + "it read, not the one that failed)");
            }
        }
        if (state != null) {
            message.append(" [SQLSTATE ").append(state).append(']');
        }
        return new SeedException(location, message.toString(), e);
    }

    /**
     * Whether COPY's line number is the failing row for an error of this SQLSTATE: not for errors
     * raised while the server writes the rows it buffered (program limits such as "row is too big",
     * resources, system and internal errors), whose context holds the last row read.
     */
    private static boolean lineIsTheRow(String state) {
        return state == null || !(state.startsWith("53") || state.startsWith("54") || state.startsWith("58")
                || state.startsWith("XX"));
    }
}
