package dev.blink.pg;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A user-supplied encoder: how values of one Java type are written into columns of one
 * PostgreSQL type. Register it with {@link PgCopyInserter.Builder#encoder(PgEncoder)}; it is asked
 * before the built-in encoders, and the one registered last wins.
 *
 * <p>The type name is matched against the column's type as the catalog names it ({@code typname},
 * or {@code schema.typname}): the column's own type, a domain's base type, or an array's element
 * type. For example {@code "int8"}, {@code "numeric"}, {@code "hstore"} or {@code "public.money_code"}.
 *
 * <pre>{@code
 * // a value class mapped onto a type Blink already writes
 * PgEncoder<Money> money = PgEncoder.converting("numeric", Money.class, Money::amount);
 * // bytes written directly (PostgreSQL's binary "send" format of the type)
 * PgEncoder<Point> point = PgEncoder.of("point", Point.class, (p, out) -> {
 *     out.writeFloat8(p.x());
 *     out.writeFloat8(p.y());
 * });
 * }</pre>
 *
 * <p>An encoder is one of two kinds, as the factories make them: a {@link Writer} writes the
 * type's binary form itself, a {@link Converter} turns the value into one that Blink's built-in
 * encoder of the column's type takes. A table sent in text form (because a typed column receives
 * Strings in PostgreSQL's text form) can use converters but not writers: binary bytes have no
 * text form that the client could know.
 *
 * <p>Encoders are immutable and thread-safe if their functions are.
 *
 * @param <T> the Java type
 */
public sealed interface PgEncoder<T> permits PgEncoder.Writer, PgEncoder.Converter {

    /** The PostgreSQL type this encoder writes, e.g. {@code "point"} or {@code "myschema.mytype"}. */
    String typeName();

    /** The Java type it takes (subclasses too). */
    Class<T> javaType();

    /**
     * An encoder that writes bytes itself.
     *
     * @param typeName the PostgreSQL type name
     * @param javaType the Java type
     * @param writer writes one value's binary form (without the length word, which Blink adds);
     *     it throws {@link IllegalArgumentException} for a value that does not fit, and Blink
     *     reports that with the table, row and column
     */
    static <T> PgEncoder<T> of(String typeName, Class<T> javaType, BiConsumer<? super T, Output> writer) {
        return new Writer<>(typeName, javaType, writer);
    }

    /**
     * An encoder that converts values to another Java value, which the built-in encoder of the
     * column's type then writes (for example a value class to {@code BigDecimal} for {@code numeric},
     * or an id type to {@code Long}). The converter may return null for SQL NULL.
     *
     * @param typeName the PostgreSQL type name
     * @param javaType the Java type
     * @param converter maps a value to one the built-in encoder takes
     */
    static <T> PgEncoder<T> converting(String typeName, Class<T> javaType, Function<? super T, ?> converter) {
        return new Converter<>(typeName, javaType, converter);
    }

    /**
     * An encoder that writes a value's binary form itself (see {@link PgEncoder#of}).
     *
     * @param typeName the PostgreSQL type name
     * @param javaType the Java type
     * @param writer writes one non-null value's bytes, without the length word
     * @param <T> the Java type
     */
    record Writer<T>(String typeName, Class<T> javaType, BiConsumer<? super T, Output> writer)
            implements PgEncoder<T> {

        /** Checks that no part is null. */
        public Writer {
            Objects.requireNonNull(typeName, "null typeName");
            Objects.requireNonNull(javaType, "null javaType");
            Objects.requireNonNull(writer, "null writer");
        }

        @Override
        public String toString() {
            return "PgEncoder[" + javaType.getName() + " -> " + typeName + "]";
        }
    }

    /**
     * An encoder that converts a value for the built-in encoder of the column's type (see
     * {@link PgEncoder#converting}).
     *
     * @param typeName the PostgreSQL type name
     * @param javaType the Java type
     * @param converter maps a non-null value to one the built-in encoder takes, or to null
     * @param <T> the Java type
     */
    record Converter<T>(String typeName, Class<T> javaType, Function<? super T, ?> converter)
            implements PgEncoder<T> {

        /** Checks that no part is null. */
        public Converter {
            Objects.requireNonNull(typeName, "null typeName");
            Objects.requireNonNull(javaType, "null javaType");
            Objects.requireNonNull(converter, "null converter");
        }

        @Override
        public String toString() {
            return "PgEncoder[" + javaType.getName() + " -> " + typeName + ", converting]";
        }
    }

    /** Where an encoder writes a value's bytes: big-endian, PostgreSQL's binary format. */
    interface Output {

        /** One byte. */
        void writeByte(int value);

        /** A 2-byte integer. */
        void writeInt2(int value);

        /** A 4-byte integer. */
        void writeInt4(int value);

        /** An 8-byte integer. */
        void writeInt8(long value);

        /** A 4-byte IEEE float. */
        void writeFloat4(float value);

        /** An 8-byte IEEE float. */
        void writeFloat8(double value);

        /** Raw bytes. */
        void writeBytes(byte[] bytes);

        /** Text as UTF-8 (no length, no terminator); NUL characters are rejected. */
        void writeText(String text);
    }
}
