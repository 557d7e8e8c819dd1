package dev.blink.internal;

import dev.blink.spi.RowLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Rows as {@code Map<String, ?>}: the first row's keys are the columns; every row must have the same keys. */
final class MapLayout implements RowLayout {

    private final String[] columns;
    private final List<String> columnList;

    private MapLayout(String[] columns) {
        this.columns = columns;
        this.columnList = List.of(columns);
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
        String[] names = columns;
        for (int i = 0; i < names.length; i++) {
            Object value = map.get(names[i]);
            if (value == null && !map.containsKey(names[i])) {
                throw mismatch(map);
            }
            values[i] = value;
        }
        if (map.size() != names.length) {
            throw mismatch(map);
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
