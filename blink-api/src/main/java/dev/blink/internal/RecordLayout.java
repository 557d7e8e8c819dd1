package dev.blink.internal;

import dev.blink.ColumnNaming;
import dev.blink.spi.RowLayout;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Rows as records of one class: each component is a column, named by a {@link ColumnNaming}. */
final class RecordLayout implements RowLayout {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    /** The getters of each record class, made once: spinning lambda classes per seed would pile them up. */
    private static final ClassValue<Function<Object, Object>[]> GETTERS = new ClassValue<>() {
        @Override
        protected Function<Object, Object>[] computeValue(Class<?> type) {
            return getters(type, lookupIn(type));
        }
    };

    private final Class<?> type;
    private final List<String> columns;
    private final Function<Object, Object>[] getters;

    private RecordLayout(Class<?> type, List<String> columns, Function<Object, Object>[] getters) {
        this.type = type;
        this.columns = columns;
        this.getters = getters;
    }

    static RecordLayout of(Class<?> type, ColumnNaming naming) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 0) {
            throw new IllegalArgumentException("record " + type.getName() + " has no components, so no columns");
        }
        List<String> columns = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            columns.add(naming.column(component.getName()));
        }
        return new RecordLayout(type, List.copyOf(columns), GETTERS.get(type));
    }

    /**
     * The record's getters, in component order: compiled ones when {@code lookup} (full access in
     * the record's class) is not null and the JDK can spin them, method handles otherwise.
     */
    static Function<Object, Object>[] getters(Class<?> type, MethodHandles.Lookup lookup) {
        RecordComponent[] components = type.getRecordComponents();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Function<Object, Object>[] getters = new Function[components.length];
        for (int i = 0; i < components.length; i++) {
            getters[i] = getter(type, components[i], lookup);
        }
        return getters;
    }

    /** A lookup with full access in the record's class, when its module lets us have one. */
    static MethodHandles.Lookup lookupIn(Class<?> type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return lookup.hasFullPrivilegeAccess() ? lookup : null;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A compiled getter where possible: a lambda class spun for the accessor runs like hand-written
     * code. A method handle read from an array cannot be inlined and goes through adapters on every
     * call, so it is only the fallback, for records whose module does not open their package.
     */
    private static Function<Object, Object> getter(Class<?> type, RecordComponent component,
                                                   MethodHandles.Lookup lookup) {
        Method accessor = component.getAccessor();
        if (lookup != null) {
            try {
                return compiled(type, accessor, lookup);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // the JDK would not spin it (a linkage or access rule): the handle below reads it as well, only slower
            }
        }
        MethodHandle handle;
        try {
            accessor.setAccessible(true);
            handle = MethodHandles.lookup().unreflect(accessor).asType(GETTER);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read component " + component.getName() + " of record "
                    + type.getName() + " (" + e.getMessage() + "); make the record public or open its package", e);
        }
        return row -> {
            try {
                return handle.invokeExact(row);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("accessor of " + component.getName() + " threw", e);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> compiled(Class<?> type, Method accessor, MethodHandles.Lookup lookup)
            throws Throwable {
        Class<?> boxed = MethodType.methodType(accessor.getReturnType()).wrap().returnType();
        return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                MethodType.methodType(Function.class), GETTER, lookup.unreflect(accessor),
                MethodType.methodType(boxed, type)).getTarget().invoke();
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
        Function<Object, Object>[] read = getters;
        for (int i = 0; i < read.length; i++) {
            values[i] = read[i].apply(row);
        }
    }
}
