package dev.blink.pg.internal;

import dev.blink.pg.PgEncoder;
import java.util.function.BiConsumer;

/** A {@link PgEncoder} made of a function that writes bytes (see {@link PgEncoder#of}). */
public record WritingEncoder<T>(String typeName, Class<T> javaType, BiConsumer<? super T, Output> writer)
        implements PgEncoder<T> {

    @Override
    public void encode(T value, Output out) {
        writer.accept(value, out);
    }

    @Override
    public String toString() {
        return "PgEncoder[" + javaType.getName() + " -> " + typeName + "]";
    }
}
