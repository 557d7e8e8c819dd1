package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.internal.Values;
import dev.blink.pg.PgIndexRebuild;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One table's secondary indexes and own foreign keys, dropped before its COPY and recreated after it
 * in the same (sub)transaction, from the definitions the server printed just before the drop
 * ({@code pg_get_indexdef}, {@code pg_get_constraintdef}; their comments with them). Building an
 * index once over all rows is about twice as fast as maintaining it row by row, and checking a
 * foreign key once is a single join.
 *
 * <p>Kept as they are: every index that backs a constraint (primary key, unique, exclusion, and
 * the unique index another table's foreign key points at), and with an on-conflict rule every
 * unique index, since it may be the rule's arbiter. A table is copied without a rebuild if
 * anything would not come back exactly as it was: a partitioned table or a partition, a table the
 * session's role does not own, an index with its own tablespace, {@code CLUSTER} mark, replica
 * identity, statistics target or dependent object, an invalid index, an inherited foreign key
 * or one whose triggers are disabled.
 */
public final class IndexRebuild {

    /** Nothing to drop: the COPY runs as it is. */
    public static final IndexRebuild NONE = new IndexRebuild("", TableName.of("none"), List.of(), List.of(), List.of());

    /** SQLSTATE of "cannot DROP INDEX because it has pending trigger events". */
    private static final String OBJECT_IN_USE = "55006";

    private static final String TABLE = "SELECT c.oid, c.relkind = 'r' AND NOT c.relispartition"
            + " AND pg_has_role(c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass(?)";

    /** Each secondary index: drop name, definition, comment statement, whether it must stay, whether it blocks. */
    private static final String INDEXES = "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid),"
            + " (SELECT format('COMMENT ON INDEX %s IS %L', i.indexrelid::regclass, d.description)"
            + "  FROM pg_description d WHERE d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass"
            + "  AND d.objsubid = 0),"
            + " i.indisunique,"
            + " ic.reltablespace <> 0 OR i.indisclustered OR i.indisreplident OR NOT i.indisvalid OR NOT i.indisready"
            + " OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0)"
            + " OR EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_class'::regclass"
            + "  AND d.refobjid = i.indexrelid)"
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " WHERE i.indrelid = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
            + " ORDER BY ic.relname";

    /** The table's own foreign keys: name, ADD statement, comment statement, whether it blocks. */
    private static final String FOREIGN_KEYS = "SELECT format('%I', k.conname),"
            + " format('ALTER TABLE %s ADD CONSTRAINT %I ', k.conrelid::regclass, k.conname)"
            + "  || pg_get_constraintdef(k.oid),"
            + " (SELECT format('COMMENT ON CONSTRAINT %I ON %s IS %L', k.conname, k.conrelid::regclass, d.description)"
            + "  FROM pg_description d WHERE d.objoid = k.oid AND d.classoid = 'pg_constraint'::regclass),"
            + " k.conparentid <> 0 OR k.coninhcount > 0 OR NOT k.conislocal"
            + " OR EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgconstraint = k.oid AND t.tgenabled <> 'O')"
            + " FROM pg_constraint k WHERE k.conrelid = ? AND k.contype = 'f' ORDER BY k.conname";

    /** An index or foreign key to recreate: its name for messages, its SQL and its comment's (or null). */
    private record Definition(String kind, String name, String create, String comment) {
    }

    private final String step;
    private final TableName table;
    private final List<String> dropIndexes;
    private final List<String> dropKeys;
    private final List<Definition> definitions;

    private IndexRebuild(String step, TableName table, List<String> dropIndexes, List<String> dropKeys,
                         List<Definition> definitions) {
        this.step = step;
        this.table = table;
        this.dropIndexes = dropIndexes;
        this.dropKeys = dropKeys;
        this.definitions = definitions;
    }

    /**
     * Reads what to rebuild for one table under {@code mode}: {@link #NONE} for {@code NEVER}, for a
     * table with nothing to drop or one that cannot be rebuilt exactly, and under {@code AUTOMATIC}
     * for a table that holds a row.
     *
     * @param keepUnique whether unique indexes stay (the table has an on-conflict rule)
     */
    public static IndexRebuild prepare(Connection connection, TableName table, String step, PgIndexRebuild mode,
                                       boolean keepUnique) throws SQLException {
        if (mode == PgIndexRebuild.NEVER) {
            return NONE;
        }
        long oid;
        try (PreparedStatement statement = connection.prepareStatement(TABLE)) {
            statement.setString(1, table.toSql());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(2)) {
                    return NONE; // a missing table is reported by the COPY's own lookup
                }
                oid = rs.getLong(1);
            }
        }
        List<String> dropIndexes = new ArrayList<>();
        List<String> dropKeys = new ArrayList<>();
        List<Definition> definitions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(INDEXES)) {
            statement.setLong(1, oid);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(5)) {
                        return NONE;
                    }
                    if (!(keepUnique && rs.getBoolean(4))) {
                        dropIndexes.add(rs.getString(1));
                        definitions.add(new Definition("index", rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(FOREIGN_KEYS)) {
            statement.setLong(1, oid);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(4)) {
                        return NONE;
                    }
                    dropKeys.add(rs.getString(1));
                    definitions.add(new Definition("foreign key", rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        if (definitions.isEmpty() || mode == PgIndexRebuild.AUTOMATIC && !empty(connection, table)) {
            return NONE;
        }
        return new IndexRebuild(step, table, List.copyOf(dropIndexes), List.copyOf(dropKeys),
                List.copyOf(definitions));
    }

    private static boolean empty(Connection connection, TableName table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1 FROM " + table.toSql() + " LIMIT 1")) {
            return !rs.next();
        }
    }

    /**
     * Drops the indexes and foreign keys (in the seed's transaction: a rollback brings them back),
     * under a savepoint released at once (so that the COPY runs in the truncation's subtransaction
     * again, for FREEZE): if the table has pending trigger events (rows written earlier in the
     * transaction under a deferred constraint), PostgreSQL refuses the drop, and the savepoint
     * undoes it.
     *
     * @return whether they were dropped (then {@link #recreate} must follow); false: copy plainly
     */
    public boolean drop(Connection connection) throws SQLException {
        if (definitions.isEmpty()) {
            return false;
        }
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            if (!dropKeys.isEmpty()) {
                statement.execute("ALTER TABLE " + table.toSql() + " DROP CONSTRAINT "
                        + String.join(", DROP CONSTRAINT ", dropKeys));
            }
            if (!dropIndexes.isEmpty()) {
                statement.execute("DROP INDEX " + String.join(", ", dropIndexes));
            }
        } catch (SQLException e) {
            if (!OBJECT_IN_USE.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
            return false;
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }

    /**
     * Recreates every index, then every foreign key, each with its comment.
     *
     * @throws SeedException if the rows break one (a duplicate for a unique index, a key missing
     *     from the referenced table), naming the table, the index or key and the server's message
     */
    public void recreate(Connection connection) {
        for (Definition definition : definitions) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(definition.create());
                if (definition.comment() != null) {
                    statement.execute(definition.comment());
                }
            } catch (SQLException e) {
                throw new SeedException(Location.of(step), "recreating the " + definition.kind() + " "
                        + definition.name() + " of table " + table + " after its COPY failed (Blink dropped it "
                        + "before the COPY, PgIndexRebuild): " + Values.cut(String.valueOf(e.getMessage()))
                        + (e.getSQLState() != null && e.getSQLState().startsWith("23") ? ". The rows break it; fix "
                        + "them, or copy the table with PgIndexRebuild.NEVER to have the COPY name the row" : "")
                        + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"), e);
            }
        }
    }

    @Override
    public String toString() {
        return "IndexRebuild[" + table + ": " + definitions.size() + "]";
    }
}
