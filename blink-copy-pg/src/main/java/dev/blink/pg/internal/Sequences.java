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

    private static final String OWNED = "SELECT s.oid, a.attname, q.seqmin FROM pg_depend d"
            + " JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'"
            + " JOIN pg_sequence q ON q.seqrelid = s.oid"
            + " JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
            + " WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
            + " AND d.deptype IN ('a', 'i') AND d.refobjid = to_regclass(?)";

    private Sequences() {
    }

    /** Resets every sequence owned by a column of {@code table}. */
    public static void reset(Connection connection, TableName table, String step) throws SQLException {
        record Owned(long oid, String column, long min) {
        }
        List<Owned> owned = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(OWNED)) {
            statement.setString(1, table.toSql());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    owned.add(new Owned(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        for (Owned sequence : owned) {
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
