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
import java.util.Arrays;
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

    /** Components read through a call site of their own (see {@link #copyValues}); the rest share a loop's. */
    private static final int OWN_SITES = 12;

    private final Class<?> type;
    private final List<String> columns;
    private final Function<Object, Object>[] getters;
    private final int n;
    private final Function<Object, Object> g0;
    private final Function<Object, Object> g1;
    private final Function<Object, Object> g2;
    private final Function<Object, Object> g3;
    private final Function<Object, Object> g4;
    private final Function<Object, Object> g5;
    private final Function<Object, Object> g6;
    private final Function<Object, Object> g7;
    private final Function<Object, Object> g8;
    private final Function<Object, Object> g9;
    private final Function<Object, Object> g10;
    private final Function<Object, Object> g11;

    private RecordLayout(Class<?> type, List<String> columns, Function<Object, Object>[] getters) {
        this.type = type;
        this.columns = columns;
        this.getters = getters;
        this.n = getters.length;
        Function<Object, Object>[] g = Arrays.copyOf(getters, OWN_SITES);
        this.g0 = g[0];
        this.g1 = g[1];
        this.g2 = g[2];
        this.g3 = g[3];
        this.g4 = g[4];
        this.g5 = g[5];
        this.g6 = g[6];
        this.g7 = g[7];
        this.g8 = g[8];
        this.g9 = g[9];
        this.g10 = g[10];
        this.g11 = g[11];
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
        // One call site per component: in a loop, the one site of apply() sees every component's
        // lambda class, so the JIT dispatches each value through the interface table; here each
        // site sees one class per record type and the accessor is inlined. Order is component order.
        int n = this.n;
        values[0] = g0.apply(row);
        if (n == 1) {
            return;
        }
        values[1] = g1.apply(row);
        if (n == 2) {
            return;
        }
        values[2] = g2.apply(row);
        if (n == 3) {
            return;
        }
        values[3] = g3.apply(row);
        if (n == 4) {
            return;
        }
        values[4] = g4.apply(row);
        if (n == 5) {
            return;
        }
        values[5] = g5.apply(row);
        if (n == 6) {
            return;
        }
        values[6] = g6.apply(row);
        if (n == 7) {
            return;
        }
        values[7] = g7.apply(row);
        if (n == 8) {
            return;
        }
        values[8] = g8.apply(row);
        if (n == 9) {
            return;
        }
        values[9] = g9.apply(row);
        if (n == 10) {
            return;
        }
        values[10] = g10.apply(row);
        if (n == 11) {
            return;
        }
        values[11] = g11.apply(row);
        Function<Object, Object>[] read = getters;
        for (int i = OWN_SITES; i < n; i++) {
            values[i] = read[i].apply(row);
        }
    }
}
