package dev.blink.pg;

/**
 * Whether a table's secondary indexes and foreign keys are dropped before its COPY and recreated
 * after it, in the seed's transaction ({@link PgCopyInserter.Builder#rebuildIndexes(PgIndexRebuild)}).
 * Building an index once over all rows is about twice as fast as maintaining it row by row, and a
 * foreign key is then checked once for all rows instead of per row.
 *
 * <p>What is dropped: the indexes that back no constraint (partial, expression, {@code INCLUDE},
 * unique ones that are not constraints) and the table's own foreign keys. Primary keys, unique and
 * exclusion constraints and the unique indexes that another table's foreign key references stay;
 * with an on-conflict rule for the table every unique index stays too, since it may be the rule's
 * arbiter. Each comes back from the definition the server printed just before the drop
 * ({@code pg_get_indexdef}, {@code pg_get_constraintdef}: name, method, opclasses, predicate,
 * storage parameters, deferrability, {@code NOT VALID}), with its comment. A rollback of the seed
 * (or of its savepoint in the caller's transaction) brings back the originals.
 *
 * <p>A table is copied plainly, without a rebuild, when its definitions could not come back exactly:
 * a partitioned table or a partition, a table the session's role does not own (dropping needs
 * ownership), or one with an index in a tablespace of its own, marked for {@code CLUSTER}, used as
 * replica identity, with a statistics target, invalid, or with a dependent object, or with an
 * inherited foreign key or one whose triggers are disabled.
 *
 * <p>The cost: the drop takes an {@code ACCESS EXCLUSIVE} lock on the table until the seed ends
 * (a plain COPY takes {@code ROW EXCLUSIVE}), so concurrent readers of the table wait for the seed;
 * and if a recreated unique index or foreign key finds bad rows, the error names the index or key,
 * not the row.
 */
public enum PgIndexRebuild {

    /** Plain COPY into the table with its indexes and foreign keys in place (the default). */
    NEVER,

    /** Rebuild every table that has something to drop, whatever it holds. */
    ALWAYS,

    /**
     * Rebuild a table that has something to drop and is empty when its step starts (one
     * {@code SELECT 1 … LIMIT 1}), for instance because this inserter truncated it. Row counts are
     * not known before a stream ends, so emptiness is the rule: for an empty table the rebuild costs
     * only the index builds, which a COPY into the indexed table pays too (row by row, and more),
     * plus one catalog read and the DDL, a few milliseconds; a table that already holds rows keeps
     * its indexes, since rebuilding them would also re-index those rows.
     */
    AUTOMATIC
}
