package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.ValueException;
import dev.blink.pg.PgOnConflict;
import dev.blink.spi.CsvDialect;
import dev.blink.spi.CsvInput;
import dev.blink.spi.InsertStats;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A table of CSV text streamed to {@code COPY … FROM STDIN (FORMAT csv, …)} as it is, so that the
 * server's own CSV reader and input functions decide every value. The header's names are checked
 * against the catalog before any data is sent; the server's {@code line N} is turned into the
 * file's record and line.
 */
public final class CsvCopy {

    /**
     * Bytes read from the file at a time, each chunk sent as it is as one CopyData message (no copy
     * into CopyStream's buffer): what CopyManager.copyIn does with its 64 KiB buffer.
     */
    private static final int CHUNK = CopyStream.SIZE;
    /** The value in COPY's context line: {@code COPY t, line 3, column age: "forty"}. */
    private static final Pattern COLUMN_VALUE = Pattern.compile("COPY .*?, line \\d+, column [^:]+: \"(.*)\"");

    private CsvCopy() {
    }

    /**
     * Copies the text into its table (through a staging table if {@code onConflict} is not null).
     *
     * @param timeout the statement timeout, measured here too (zero: none)
     * @param seed the catalog entries read for the seed ({@link SeedCatalog#NONE}: none)
     * @param freeze whether to add {@code FREEZE} to a COPY into the table itself (not for a staged copy)
     * @return rows written (for a staged copy: rows inserted or updated), rows skipped and bytes sent
     */
    public static InsertStats copy(Connection connection, CsvInput input, PgOnConflict onConflict, Duration timeout,
                                   SeedCatalog seed, boolean freeze) throws SQLException {
        Location table = input.location(0);
        CopyTarget target = CopyTarget.resolve(connection, input.table(), input.columns(), table.table(), seed);
        String options = TableCopy.withFreeze(options(input.dialect(), target.columnList(),
                connection.getMetaData().getDatabaseMajorVersion()), freeze && onConflict == null);
        try {
            return TableCopy.copy(connection, target, onConflict, options, timeout, null, (out, lines) -> {
                lines.lookUpWith(input::location);
                byte[] buffer = new byte[CHUNK];
                int n;
                while ((n = read(input, buffer, table)) >= 0) {
                    out.message(buffer, 0, n);
                }
                out.flush();
            });
        } catch (SeedException e) {
            throw e.getCause() instanceof SQLException sql ? valueError(sql, e, target.columns()) : e;
        }
    }

    /**
     * A server error about one value (SQLSTATE class 22: its input function refused the text) as a
     * {@link ValueException} at its row and column, with the text COPY names; others as they are.
     */
    private static SeedException valueError(SQLException e, SeedException error, List<Catalog.Column> columns) {
        String column = error.location().columnName().orElse(null);
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (column == null || server == null || e.getSQLState() == null || !e.getSQLState().startsWith("22")) {
            return error;
        }
        Matcher value = COLUMN_VALUE.matcher(String.valueOf(server.getWhere()));
        for (Catalog.Column c : columns) {
            if (c.name().equals(column) && value.find()) {
                return new ValueException(error.location(), c.type().display() + " (the server parses the file's text)",
                        value.group(1), server.getMessage(), e);
            }
        }
        return error;
    }

    private static int read(CsvInput input, byte[] buffer, Location table) {
        try {
            return input.read(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new SeedException(table, "reading the CSV text failed: " + e, e);
        }
    }

    /**
     * COPY's options for {@code dialect}: {@code HEADER MATCH} where the server has it (15+), so that
     * it checks the names the column list was made from; {@code FORCE_NULL} and
     * {@code FORCE_NOT_NULL} list every column ({@code *} needs 17).
     */
    static String options(CsvDialect dialect, String quotedColumns, int major) {
        StringBuilder out = new StringBuilder("FORMAT csv");
        if (dialect.header()) {
            out.append(major >= 15 ? ", HEADER MATCH" : ", HEADER true");
        }
        out.append(", DELIMITER ").append(literal(String.valueOf(dialect.delimiter())))
                .append(", QUOTE ").append(literal(String.valueOf(dialect.quote())))
                .append(", ESCAPE ").append(literal(String.valueOf(dialect.escape())))
                .append(", NULL ").append(literal(dialect.nullString()));
        if (dialect.forceNull()) {
            out.append(", FORCE_NULL (").append(quotedColumns).append(')');
        }
        if (dialect.forceNotNull()) {
            out.append(", FORCE_NOT_NULL (").append(quotedColumns).append(')');
        }
        return out.append(", ENCODING ").append(literal(dialect.encoding())).toString();
    }

    /** An escape string constant, read the same whatever {@code standard_conforming_strings} says. */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 3).append("E'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\'') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('\'').toString();
    }
}
