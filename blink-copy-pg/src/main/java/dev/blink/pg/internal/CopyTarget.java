package dev.blink.pg.internal;

import dev.blink.TableName;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What one COPY writes into: the table as the catalog describes it, the columns named (checked
 * against it, in the order the rows give them) and the SQL that names them.
 *
 * <p>Names are PostgreSQL identifiers: one longer than {@code max_identifier_length} (63 bytes) is
 * cut to it, as the server cuts it in any SQL (with a NOTICE, which the COPY's own statement
 * raises); the server itself cuts the name for the lookup ({@code ?::name}), at a character boundary.
 *
 * @param step the plan step, for errors
 * @param name the table
 * @param table the table's catalog entry
 * @param columns the columns written, in order
 * @param columnList the columns as SQL: {@code "a", "b"}
 */
record CopyTarget(String step, TableName name, Catalog.Table table, List<Catalog.Column> columns, String columnList) {

    /**
     * Takes {@code name}'s entry from {@code seed}, or reads it from the catalog if the seed has none
     * or the entry lacks one of {@code columns} (the catalog then has the last word: a column that an
     * earlier step added, a name the server cuts, or the error that names the fix), and checks
     * {@code columns} against it.
     *
     * @throws dev.blink.SeedException for a table that does not exist or a column it lacks
     */
    static CopyTarget resolve(Connection connection, TableName name, List<String> columns, String step,
                              SeedCatalog seed) throws SQLException {
        Catalog.Table table = seed.take(name);
        if (table == null || !table.columns().keySet().containsAll(columns)) {
            table = Catalog.read(connection, name, step);
        }
        StringJoiner quoted = new StringJoiner(", ");
        List<String> stored = new ArrayList<>(columns.size());
        for (String column : columns) {
            quoted.add(TableName.quote(column));
            boolean cut = !table.columns().containsKey(column)
                    && column.getBytes(StandardCharsets.UTF_8).length > table.maxIdentifierLength();
            stored.add(cut ? asName(connection, column) : column);
        }
        return new CopyTarget(step, name, table, table.select(stored, columns, step), quoted.toString());
    }

    /** {@code identifier} as the server stores it: cut to {@code max_identifier_length} bytes. */
    private static String asName(Connection connection, String identifier) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ?::name")) {
            statement.setString(1, identifier);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** {@code COPY into (columns) FROM STDIN (options)}; {@code into} is this table or a staging table, as SQL. */
    String copySql(String into, String options) {
        return "COPY " + into + " (" + columnList + ") FROM STDIN (" + options + ")";
    }
}
