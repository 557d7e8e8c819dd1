package dev.blink.pg;

import java.util.List;
import java.util.Objects;

/**
 * What to do with rows that collide with existing ones (a unique or exclusion constraint): skip
 * them, or update the existing rows. Blink then copies the rows into a temporary staging table and
 * moves them with {@code INSERT … SELECT … ON CONFLICT}. Immutable and thread-safe.
 *
 * <pre>{@code
 * PgCopyInserter.builder()
 *     .onConflict("users", PgOnConflict.doUpdate("email"))   // upsert on the unique email
 *     .onConflict("tags", PgOnConflict.doNothing())           // skip tags that exist
 *     .build();
 * }</pre>
 */
public final class PgOnConflict {

    private final boolean update;
    private final List<String> conflictColumns;

    private PgOnConflict(boolean update, List<String> conflictColumns) {
        this.update = update;
        this.conflictColumns = conflictColumns;
    }

    /** Skip rows that collide with any unique or exclusion constraint ({@code ON CONFLICT DO NOTHING}). */
    public static PgOnConflict doNothing() {
        return new PgOnConflict(false, List.of());
    }

    /** Skip rows that collide on these columns' unique index ({@code ON CONFLICT (cols) DO NOTHING}). */
    public static PgOnConflict doNothing(String... conflictColumns) {
        return new PgOnConflict(false, columns(conflictColumns));
    }

    /**
     * Update the existing row with the new row's other columns when they collide on these columns'
     * unique index ({@code ON CONFLICT (cols) DO UPDATE SET c = EXCLUDED.c, …}). Rows in one table
     * must not collide with each other (PostgreSQL cannot update a row twice in one statement).
     *
     * @throws IllegalArgumentException if no column is given
     */
    public static PgOnConflict doUpdate(String... conflictColumns) {
        List<String> columns = columns(conflictColumns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("doUpdate needs the columns of a unique index, e.g. doUpdate(\"email\")");
        }
        return new PgOnConflict(true, columns);
    }

    private static List<String> columns(String[] columns) {
        Objects.requireNonNull(columns, "null conflictColumns");
        for (String column : columns) {
            Objects.requireNonNull(column, "null conflict column");
        }
        return List.of(columns);
    }

    /** Whether colliding rows update the existing ones (otherwise they are skipped). */
    public boolean updates() {
        return update;
    }

    /** The conflict target's columns; empty for any constraint (do nothing only). */
    public List<String> conflictColumns() {
        return conflictColumns;
    }

    @Override
    public String toString() {
        return (update ? "DO UPDATE" : "DO NOTHING") + (conflictColumns.isEmpty() ? "" : " on " + conflictColumns);
    }
}
