package dev.blink.internal;

import dev.blink.Retain;
import dev.blink.Store;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The immutable {@link Store}: each step makes a new one with one more entry. */
public final class StoreState implements Store {

    private static final StoreState EMPTY = new StoreState(Map.of(), Map.of(), Map.of());

    private final Map<String, List<?>> tables;
    private final Map<String, Retain> retention;
    private final Map<String, Object> context;

    private StoreState(Map<String, List<?>> tables, Map<String, Retain> retention, Map<String, Object> context) {
        this.tables = tables;
        this.retention = retention;
        this.context = context;
    }

    /** An empty store. */
    public static StoreState empty() {
        return EMPTY;
    }

    /** A store with one more table. */
    public StoreState withTable(String table, List<?> rows, Retain retain) {
        Map<String, List<?>> copy = new LinkedHashMap<>(tables);
        copy.put(table, rows);
        Map<String, Retain> kept = new LinkedHashMap<>(retention);
        kept.put(table, retain);
        return new StoreState(Collections.unmodifiableMap(copy), Collections.unmodifiableMap(kept), context);
    }

    /** A store with one more context value. */
    public StoreState withContext(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(context);
        copy.put(key, value);
        return new StoreState(tables, retention, Collections.unmodifiableMap(copy));
    }

    @Override
    public Map<String, List<?>> tables() {
        return tables;
    }

    @Override
    public Map<String, Object> context() {
        return context;
    }

    @Override
    public List<?> table(String table) {
        Objects.requireNonNull(table, "null table");
        List<?> rows = tables.get(table);
        if (rows == null) {
            throw new IllegalArgumentException("No table \"" + table + "\" in the store yet; tables so far: "
                    + tables.keySet() + ". A table sees only the tables added before it.");
        }
        if (retention.get(table).none()) {
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
        return "Store[tables=" + tables.keySet() + ", context=" + context.keySet() + "]";
    }
}
