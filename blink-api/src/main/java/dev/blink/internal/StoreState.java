package dev.blink.internal;

import dev.blink.Retain;
import dev.blink.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable {@link Store}: each step makes a new one with one more entry. A store is its last
 * entry and the store before it; the maps a callback reads are built on first use and kept, so a
 * step that does not read the store costs nothing (copying the maps at every step cost a seed of
 * many small tables a sixth of its client CPU).
 */
public final class StoreState implements Store {

    private static final StoreState EMPTY = new StoreState(null, null, null, null, false);

    /** The store before this entry, or null for the empty store. */
    private final StoreState before;
    private final String key;
    private final Object value;
    private final Retain retain;
    private final boolean table;
    /** The maps, once built; immutable, so a race only builds them twice. */
    private volatile Maps maps;

    private record Maps(Map<String, List<?>> tables, Map<String, Retain> retention, Map<String, Object> context) {
    }

    private StoreState(StoreState before, String key, Object value, Retain retain, boolean table) {
        this.before = before;
        this.key = key;
        this.value = value;
        this.retain = retain;
        this.table = table;
        if (before == null) {
            maps = new Maps(Map.of(), Map.of(), Map.of());
        }
    }

    /** An empty store. */
    public static StoreState empty() {
        return EMPTY;
    }

    /** A store with one more table. */
    public StoreState withTable(String table, List<?> rows, Retain retain) {
        return new StoreState(this, table, rows, retain, true);
    }

    /** A store with one more context value. */
    public StoreState withContext(String key, Object value) {
        return new StoreState(this, key, value, null, false);
    }

    private Maps maps() {
        Maps built = maps;
        if (built == null) {
            List<StoreState> entries = new ArrayList<>();
            StoreState at = this;
            while (at.maps == null) {
                entries.add(at);
                at = at.before;
            }
            Maps base = at.maps;
            Map<String, List<?>> tables = new LinkedHashMap<>(base.tables());
            Map<String, Retain> retention = new LinkedHashMap<>(base.retention());
            Map<String, Object> context = new LinkedHashMap<>(base.context());
            for (int i = entries.size() - 1; i >= 0; i--) {
                StoreState entry = entries.get(i);
                if (entry.table) {
                    tables.put(entry.key, (List<?>) entry.value);
                    retention.put(entry.key, entry.retain);
                } else {
                    context.put(entry.key, entry.value);
                }
            }
            built = new Maps(Collections.unmodifiableMap(tables), Collections.unmodifiableMap(retention),
                    Collections.unmodifiableMap(context));
            maps = built;
        }
        return built;
    }

    @Override
    public Map<String, List<?>> tables() {
        return maps().tables();
    }

    @Override
    public Map<String, Object> context() {
        return maps().context();
    }

    @Override
    public List<?> table(String table) {
        Objects.requireNonNull(table, "null table");
        Maps all = maps();
        List<?> rows = all.tables().get(table);
        if (rows == null) {
            throw new IllegalArgumentException("No table \"" + table + "\" in the store yet; tables so far: "
                    + all.tables().keySet() + ". A table sees only the tables added before it.");
        }
        if (all.retention().get(table).none()) {
            throw new IllegalArgumentException("Table \"" + table + "\" retains no rows (Retain.NONE); retain "
                    + "what later steps need, e.g. TableOptions.retain(Retain.columns(\"id\"))");
        }
        return rows;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> table(String table, Class<T> rowType) {
        Objects.requireNonNull(rowType, "null rowType");
        List<?> rows = table(table);
        int i = 0;
        for (Object row : rows) {
            i++;
            if (!rowType.isInstance(row)) {
                throw new IllegalArgumentException("Row " + i + " of table \"" + table + "\" is a "
                        + (row == null ? "null" : row.getClass().getName()) + ", not a " + rowType.getName());
            }
        }
        return (List<T>) rows;
    }

    @Override
    public Object context(String key) {
        Objects.requireNonNull(key, "null key");
        Map<String, Object> context = context();
        if (!context.containsKey(key)) {
            throw new IllegalArgumentException("No context \"" + key + "\" in the store yet; context so far: "
                    + context.keySet() + ". Add it with addContext before the steps that read it.");
        }
        return context.get(key);
    }

    @Override
    public <T> T context(String key, Class<T> type) {
        Objects.requireNonNull(type, "null type");
        Object value = context(key);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("Context \"" + key + "\" is a " + value.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return "Store[tables=" + tables().keySet() + ", context=" + context().keySet() + "]";
    }
}
