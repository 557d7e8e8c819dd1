package dev.blink.jpa.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hibernate.property.access.spi.Getter;
import org.hibernate.property.access.spi.GetterFieldImpl;

/**
 * How Blink calls a getter Hibernate chose for an attribute. Hibernate's field getter
 * ({@link GetterFieldImpl}, its {@code get} is {@code field.get(owner)}) reads its field through
 * reflection, and Hibernate's own bytecode optimizer, which would read it directly, refuses
 * private fields: for that getter Blink reads the same field, already made accessible by
 * Hibernate, through a compiled reader ({@link FieldReadTemplate}). Every other getter (methods,
 * embeddables, custom property access) is Hibernate's, called as it is. Decided once per field.
 */
final class FieldReads {

    private static final MethodType READ = MethodType.methodType(Object.class, Object.class);

    /** The template's bytes, or null where they cannot be read (then getters are Hibernate's). */
    private static final byte[] TEMPLATE = template();

    /** The compiled readers of each class's fields, made once: spinning classes per seed would pile them up. */
    private static final ClassValue<Map<String, Function<Object, Object>>> READERS = new ClassValue<>() {
        @Override
        protected Map<String, Function<Object, Object>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private FieldReads() {
    }

    /** What reads the attribute whose getter Hibernate chose is {@code getter}: the same value, by the same member. */
    @SuppressWarnings("removal") // Hibernate's persisters read the state through Getter too
    static Function<Object, Object> of(Getter getter) {
        if (getter.getClass() == GetterFieldImpl.class && TEMPLATE != null) {
            Field field = ((GetterFieldImpl) getter).getField();
            Function<Object, Object> compiled = READERS.get(field.getDeclaringClass())
                    .computeIfAbsent(field.getName(), name -> compile(field));
            if (compiled != null) {
                return compiled;
            }
        }
        return getter::get;
    }

    /** A compiled reader of {@code field}, or null if the JDK will not make one (Hibernate's getter reads it then). */
    private static Function<Object, Object> compile(Field field) {
        try {
            // access is checked here, once: Hibernate made the field accessible for its own getter
            MethodHandle read = MethodHandles.lookup().unreflectGetter(field).asType(READ);
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, read, true);
            @SuppressWarnings("unchecked")
            Function<Object, Object> reader = (Function<Object, Object>) hidden
                    .findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
            return reader;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return null;
        }
    }

    private static byte[] template() {
        try (InputStream in = FieldReads.class.getResourceAsStream("FieldReadTemplate.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
