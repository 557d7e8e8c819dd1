package dev.blink.pg.internal;

import dev.blink.TableName;
import dev.blink.pg.PgOnConflict;
import dev.blink.spi.TableInput;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A table copied with an on-conflict rule: the rows go by COPY into a temporary table shaped like
 * the target's columns, then {@code INSERT … SELECT … ON CONFLICT} moves them over (COPY itself has
 * no ON CONFLICT).
 */
final class Staging {

    private static final AtomicLong STAGES = new AtomicLong();

    private final CopyTarget target;
    private final PgOnConflict onConflict;
    /** The temporary table, as SQL. */
    final String stage;

    private Staging(CopyTarget target, PgOnConflict onConflict, String stage) {
        this.target = target;
        this.onConflict = onConflict;
        this.stage = stage;
    }

    /** Creates the temporary table, empty, with the target's named columns. */
    static Staging create(Connection connection, CopyTarget target, PgOnConflict onConflict) throws SQLException {
        String stage = TableName.quote("blink_stage_" + STAGES.incrementAndGet());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + stage + " AS SELECT " + target.columnList() + " FROM "
                    + target.name().toSql() + " WITH NO DATA");
        }
        return new Staging(target, onConflict, stage);
    }

    /**
     * Moves the staged rows into the target under the on-conflict rule, then drops the stage.
     *
     * @param input the rows, to find the one holding a key a foreign-key error names, or null
     * @return rows inserted or updated (not those that {@code DO NOTHING} skips)
     */
    long merge(Connection connection, TableInput input) throws SQLException {
        String quoted = target.columnList();
        String sql = "INSERT INTO " + target.name().toSql() + " (" + quoted + ") SELECT " + quoted + " FROM " + stage
                + onConflict(target, onConflict);
        try (Statement statement = connection.createStatement()) {
            long rows = statement.executeLargeUpdate(sql);
            statement.execute("DROP TABLE " + stage);
            return rows;
        } catch (SQLException e) {
            throw ServerErrors.translate(e, target.step(), target.name(), true, new RowLines(), input);
        }
    }

    /** The {@code ON CONFLICT …} clause of an {@code INSERT} into {@code target}'s columns. */
    static String onConflict(CopyTarget target, PgOnConflict onConflict) {
        StringBuilder sql = new StringBuilder(" ON CONFLICT");
        List<String> keys = onConflict.conflictColumns();
        if (!keys.isEmpty()) {
            StringJoiner conflictTarget = new StringJoiner(", ", " (", ")");
            for (String key : keys) {
                conflictTarget.add(TableName.quote(key));
            }
            sql.append(conflictTarget);
        }
        StringJoiner updates = new StringJoiner(", ");
        if (onConflict.updates()) {
            for (Catalog.Column column : target.columns()) {
                if (!keys.contains(column.name())) {
                    updates.add(TableName.quote(column.name()) + " = EXCLUDED." + TableName.quote(column.name()));
                }
            }
        }
        return sql.append(updates.length() == 0 ? " DO NOTHING" : " DO UPDATE SET " + updates).toString();
    }
}
