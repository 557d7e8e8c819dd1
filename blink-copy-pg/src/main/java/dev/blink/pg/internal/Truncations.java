package dev.blink.pg.internal;

import dev.blink.TableName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * The tables a seed truncated, per connection, so that their COPY may add {@code FREEZE}: PostgreSQL
 * accepts it only for a table created or truncated in the current subtransaction, and refuses it
 * (failing the transaction) after "prior transaction activity" (an open cursor). Blink truncates
 * and copies under one (sub)transaction, the seed's or its savepoint's; the check before the COPY
 * makes sure nothing changed in between: the table's file node is still the one the truncation gave
 * it (a rollback or another truncation changes it), no cursor is open, and pgjdbc does not wrap
 * statements in savepoints of its own ({@code autosave}). Thread-safe.
 */
public final class Truncations {

    private static final String FILE_NODES = "SELECT c.oid, pg_relation_filenode(c.oid) FROM pg_class c"
            + " WHERE c.oid IN (SELECT to_regclass(n)::oid FROM unnest(?::text[]) n) AND c.relkind = 'r'"
            + " AND NOT c.relispartition";

    /** The table's file node, and whether a cursor is open (the unnamed portal is this query's own). */
    private static final String CHECK = "SELECT c.oid, pg_relation_filenode(c.oid),"
            + " NOT EXISTS (SELECT 1 FROM pg_cursors WHERE name <> '') FROM pg_class c WHERE c.oid = to_regclass(?)";

    /** Per connection: table OID → its file node right after the truncation. */
    private final Map<Connection, Map<Long, Long>> truncated = Collections.synchronizedMap(new WeakHashMap<>());

    /** Notes the tables just truncated on {@code connection} (plain tables only), forgetting earlier seeds'. */
    public void record(Connection connection, List<TableName> tables) throws SQLException {
        Map<Long, Long> nodes = new HashMap<>();
        String[] names = tables.stream().map(TableName::toSql).toArray(String[]::new);
        try (PreparedStatement statement = connection.prepareStatement(FILE_NODES)) {
            Array array = connection.createArrayOf("text", names);
            statement.setArray(1, array);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    nodes.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        truncated.put(connection, Map.copyOf(nodes));
    }

    /** Forgets the seed's truncations (at its end). */
    public void forget(Connection connection) {
        truncated.remove(connection);
    }

    /** Whether a COPY into {@code table} on {@code connection} may add {@code FREEZE} now. */
    public boolean freezable(Connection connection, TableName table) throws SQLException {
        Map<Long, Long> nodes = truncated.get(connection);
        if (nodes == null || nodes.isEmpty()
                || connection.unwrap(PGConnection.class).getAutosave() != AutoSave.NEVER) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(CHECK)) {
            statement.setString(1, table.toSql());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                Long node = nodes.get(rs.getLong(1));
                return node != null && node == rs.getLong(2) && rs.getBoolean(3);
            }
        }
    }
}
