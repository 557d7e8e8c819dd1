package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Sets the sequences owned by a table's columns (serial, identity) to the columns' maximum. */
public final class Sequences {

    /** The sequences owned by the columns of every table in the array ({@code $1}, as SQL), in its order. */
    private static final String OWNED = "SELECT t.n, s.oid, a.attname, q.seqmin"
            + " FROM unnest(?::text[]) WITH ORDINALITY t(x, n) JOIN pg_depend d ON d.refobjid = to_regclass(t.x)"
            + " JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
            + " JOIN pg_sequence q ON q.seqrelid = s.oid"
            + " JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
            + " WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
            + " AND d.deptype IN ('a', 'i') ORDER BY t.n, a.attnum";

    private Sequences() {
    }

    /**
     * Resets every sequence owned by a column of the tables of {@code steps} (as {@link TableName#parse}
     * reads them), table by table: one query finds them all, then one statement per sequence.
     */
    public static void reset(Connection connection, List<String> steps) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        record Owned(int step, long oid, String column, long min) {
        }
        List<TableName> tables = new ArrayList<>(steps.size());
        String[] names = new String[steps.size()];
        for (int i = 0; i < names.length; i++) {
            tables.add(TableName.parse(steps.get(i)));
            names[i] = tables.get(i).toSql();
        }
        List<Owned> owned = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(OWNED)) {
            statement.setArray(1, connection.createArrayOf("text", names));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    owned.add(new Owned(rs.getInt(1) - 1, rs.getLong(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        for (Owned sequence : owned) {
            TableName table = tables.get(sequence.step());
            String step = steps.get(sequence.step());
            String column = TableName.quote(sequence.column());
            String sql = "SELECT setval(?::oid::regclass, coalesce(max(" + column + "), ?), max(" + column
                    + ") IS NOT NULL) FROM " + table.toSql();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, sequence.oid());
                statement.setLong(2, sequence.min());
                statement.execute();
            } catch (SQLException e) {
                throw new SeedException(Location.of(step).column(sequence.column()), "resetting the sequence of column \""
                        + sequence.column() + "\" to its maximum failed: " + e.getMessage() + " [SQLSTATE "
                        + e.getSQLState() + "]", e);
            }
        }
    }
}
