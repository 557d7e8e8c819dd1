package dev.blink.internal;

import dev.blink.ColumnNaming;
import dev.blink.spi.RowLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Rows as records of one class: each component is a column, named by a {@link ColumnNaming}. */
final class RecordLayout implements RowLayout {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private final Class<?> type;
    private final List<String> columns;
    private final MethodHandle[] accessors;

    private RecordLayout(Class<?> type, List<String> columns, MethodHandle[] accessors) {
        this.type = type;
        this.columns = columns;
        this.accessors = accessors;
    }

    static RecordLayout of(Class<?> type, ColumnNaming naming) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 0) {
            throw new IllegalArgumentException("record " + type.getName() + " has no components, so no columns");
        }
        List<String> columns = new ArrayList<>(components.length);
        MethodHandle[] accessors = new MethodHandle[components.length];
        for (int i = 0; i < components.length; i++) {
            columns.add(naming.column(components[i].getName()));
            Method accessor = components[i].getAccessor();
            try {
                accessor.setAccessible(true);
                accessors[i] = MethodHandles.lookup().unreflect(accessor).asType(GETTER);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read component " + components[i].getName() + " of record "
                        + type.getName() + " (" + e.getMessage() + "); make the record public or open its package", e);
            }
        }
        return new RecordLayout(type, List.copyOf(columns), accessors);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void copyValues(Object row, Object[] values) {
        if (row == null || row.getClass() != type) {
            throw new IllegalArgumentException("expected a " + type.getName() + " like the first row but got "
                    + (row == null ? "null" : row.getClass().getName()));
        }
        MethodHandle[] handles = accessors;
        for (int i = 0; i < handles.length; i++) {
            try {
                values[i] = handles[i].invokeExact(row);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("accessor of " + columns.get(i) + " threw", e);
            }
        }
    }
}
