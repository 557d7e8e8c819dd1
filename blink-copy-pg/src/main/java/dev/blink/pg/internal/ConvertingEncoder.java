package dev.blink.pg.internal;

import dev.blink.pg.PgEncoder;
import java.util.function.Function;

/**
 * A {@link PgEncoder} that converts a value for the column type's built-in encoder (see
 * {@link PgEncoder#converting}).
 */
public record ConvertingEncoder<T>(String typeName, Class<T> javaType, Function<? super T, ?> converter)
        implements PgEncoder<T> {

    /** The converted value, for the built-in encoder. */
    Object convert(Object value) {
        return converter.apply(javaType.cast(value));
    }

    /** Not called: Blink converts the value and encodes the result with its built-in encoder. */
    @Override
    public void encode(T value, Output out) {
        throw new UnsupportedOperationException("a converting encoder has no bytes of its own; Blink converts the "
                + "value and writes the result with the built-in encoder of the column's type");
    }

    @Override
    public String toString() {
        return "PgEncoder[" + javaType.getName() + " -> " + typeName + ", converting]";
    }
}
