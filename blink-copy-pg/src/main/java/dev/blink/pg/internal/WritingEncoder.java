package dev.blink.pg.internal;

import dev.blink.pg.PgEncoder;
import java.util.function.BiConsumer;

/** A {@link PgEncoder} made of a function that writes bytes. */
public final class WritingEncoder<T> implements PgEncoder<T> {

    private final String typeName;
    private final Class<T> javaType;
    private final BiConsumer<? super T, Output> writer;

    /** See {@link PgEncoder#of}. */
    public WritingEncoder(String typeName, Class<T> javaType, BiConsumer<? super T, Output> writer) {
        this.typeName = typeName;
        this.javaType = javaType;
        this.writer = writer;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public void encode(T value, Output out) {
        writer.accept(value, out);
    }

    @Override
    public String toString() {
        return "PgEncoder[" + javaType.getName() + " -> " + typeName + "]";
    }
}
