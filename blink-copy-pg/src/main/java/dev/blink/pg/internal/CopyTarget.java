package dev.blink.pg.internal;

import dev.blink.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * What one COPY writes into: the table as the catalog describes it, the columns named (checked
 * against it, in the order the rows give them) and the SQL that names them.
 *
 * @param step the plan step, for errors
 * @param name the table
 * @param table the table's catalog entry
 * @param columns the columns written, in order
 * @param columnList the columns as SQL: {@code "a", "b"}
 */
record CopyTarget(String step, TableName name, Catalog.Table table, List<Catalog.Column> columns, String columnList) {

    /**
     * Reads {@code name} from the catalog and checks {@code columns} against it.
     *
     * @throws dev.blink.SeedException for a table that does not exist or a column it lacks
     */
    static CopyTarget resolve(Connection connection, TableName name, List<String> columns, String step)
            throws SQLException {
        Catalog.Table table = Catalog.read(connection, name, step);
        StringJoiner quoted = new StringJoiner(", ");
        for (String column : columns) {
            quoted.add(TableName.quote(column));
        }
        return new CopyTarget(step, name, table, table.select(columns, step), quoted.toString());
    }

    /** {@code COPY into (columns) FROM STDIN (options)}; {@code into} is this table or a staging table, as SQL. */
    String copySql(String into, String options) {
        return "COPY " + into + " (" + columnList + ") FROM STDIN (" + options + ")";
    }
}
