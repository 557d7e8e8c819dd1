package dev.blink;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a committed seed wrote: one {@link TableResult} per table in plan order, and the final
 * {@link Store}. Immutable.
 */
public final class SeedResult {

    private final List<TableResult> tables;
    private final Store store;
    private final Duration elapsed;

    /** For inserters and tests; Blink builds it for you. */
    public SeedResult(List<TableResult> tables, Store store, Duration elapsed) {
        this.tables = List.copyOf(tables);
        this.store = Objects.requireNonNull(store, "null store");
        this.elapsed = Objects.requireNonNull(elapsed, "null elapsed");
    }

    /** Per table, in plan order. */
    public List<TableResult> tables() {
        return tables;
    }

    /**
     * The result of one table.
     *
     * @throws IllegalArgumentException if the plan had no such table
     */
    public TableResult table(String table) {
        return tables.stream().filter(t -> t.table().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table \"" + table + "\" in this seed; tables: "
                        + tables.stream().map(TableResult::table).toList()));
    }

    /** Rows written (inserted, or updated by an upsert), all tables together. */
    public long rows() {
        return tables.stream().mapToLong(TableResult::rows).sum();
    }

    /**
     * Rows given but not written, all tables together: those an {@code ON CONFLICT DO NOTHING}
     * left out because they collided with existing rows.
     */
    public long skipped() {
        return tables.stream().mapToLong(TableResult::skipped).sum();
    }

    /** Bytes sent, all tables together. */
    public long bytes() {
        return tables.stream().mapToLong(TableResult::bytes).sum();
    }

    /** Wall time of the whole seed, commit included. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The tables and context as they stood at the end. */
    public Store store() {
        return store;
    }

    @Override
    public String toString() {
        long skipped = skipped();
        return "SeedResult[" + rows() + " rows" + (skipped == 0 ? "" : " (" + skipped + " skipped)") + " in "
                + tables.size() + " tables, " + elapsed.toMillis() + " ms]";
    }
}
