package dev.blink.jpa.internal;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/**
 * Not used as a class: its bytes are the template of the hidden classes that {@link FieldReads}
 * defines, one per field, each with the field's getter as its class data. Read through a
 * {@code static final} handle, the field read is compiled into {@link #apply} as a plain field
 * access, where {@code Field.get} dispatches through the JDK's accessor of every field it reads.
 */
final class FieldReadTemplate implements Function<Object, Object> {

    private static final MethodHandle READ;

    static {
        try {
            READ = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    FieldReadTemplate() {
    }

    @Override
    public Object apply(Object entity) {
        try {
            return READ.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e); // a field getter throws nothing checked
        }
    }
}
