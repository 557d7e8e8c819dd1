package dev.blink.internal;

import dev.blink.spi.RowLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/** Rows as {@code Map<String, ?>}: the first row's keys are the columns; every row must have the same keys. */
final class MapLayout implements RowLayout {

    private final String[] columns;
    private final List<String> columnList;
    /** Reused for every row: a layout serves one table, read by one thread. */
    private final InOrderWalk walk;

    private MapLayout(String[] columns) {
        this.columns = columns;
        this.columnList = List.of(columns);
        this.walk = new InOrderWalk(columns);
    }

    static MapLayout of(Map<?, ?> first) {
        List<String> columns = new ArrayList<>(first.size());
        for (Object key : first.keySet()) {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("map rows need String keys (column names) but row 1 has the key "
                        + Values.describe(key));
            }
            columns.add(name);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("row 1 is an empty map: a row needs at least one column");
        }
        return new MapLayout(columns.toArray(String[]::new));
    }

    @Override
    public List<String> columns() {
        return columnList;
    }

    @Override
    public void copyValues(Object row, Object[] values) {
        if (!(row instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a Map like the first row but got "
                    + (row == null ? "null" : row.getClass().getName()));
        }
        if (!copyInOrder(map, values)) {
            copyByKey(map, values);
        }
    }

    /**
     * The common case: the map iterates its keys in the first row's order (a LinkedHashMap filled
     * the same way, or a HashMap or Map.of with the same keys), so one walk reads every value
     * without hashing. {@code forEach} walks the map's own nodes; {@code entrySet()} would allocate
     * (and keep, in each LinkedHashMap) a view plus an iterator. False when the order differs.
     */
    private boolean copyInOrder(Map<?, ?> map, Object[] values) {
        if (map.size() != columns.length) {
            throw mismatch(map);
        }
        walk.start(values);
        map.forEach(walk);
        return walk.inOrder;
    }

    /** Stores each value at its column's index while the keys come in the columns' order. */
    private static final class InOrderWalk implements BiConsumer<Object, Object> {
        private final String[] names;
        private Object[] values;
        private int next;
        boolean inOrder;

        InOrderWalk(String[] names) {
            this.names = names;
        }

        void start(Object[] into) {
            values = into;
            next = 0;
            inOrder = true;
        }

        @Override
        public void accept(Object key, Object value) {
            if (!inOrder) {
                return;
            }
            String name = next < names.length ? names[next] : null;
            if (name == null || key != name && !name.equals(key)) {
                inOrder = false;
                return;
            }
            values[next++] = value;
        }
    }

    private void copyByKey(Map<?, ?> map, Object[] values) {
        String[] names = columns;
        for (int i = 0; i < names.length; i++) {
            Object value = map.get(names[i]);
            if (value == null && !map.containsKey(names[i])) {
                throw mismatch(map);
            }
            values[i] = value;
        }
    }

    private IllegalArgumentException mismatch(Map<?, ?> row) {
        TreeSet<String> missing = new TreeSet<>(columnList);
        TreeSet<String> extra = new TreeSet<>();
        for (Object key : row.keySet()) {
            String name = String.valueOf(key);
            if (!missing.remove(name)) {
                extra.add(name);
            }
        }
        return new IllegalArgumentException("the row's keys differ from the first row's " + columnList
                + (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; extra " + extra)
                + ". Every row of a table must have the same keys (put a null value for SQL NULL)");
    }
}
