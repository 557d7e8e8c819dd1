package dev.blink.pg;

import dev.blink.pg.internal.ConvertingEncoder;
import dev.blink.pg.internal.WritingEncoder;
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
 * <p>Implementations must be thread-safe; encoders made by the factories here are, if their
 * functions are.
 *
 * @param <T> the Java type
 */
public interface PgEncoder<T> {

    /** The PostgreSQL type this encoder writes, e.g. {@code "point"} or {@code "myschema.mytype"}. */
    String typeName();

    /** The Java type it takes (subclasses too). */
    Class<T> javaType();

    /**
     * Writes {@code value} (never null) in the type's binary format, without the length word,
     * which Blink adds. Throw {@link IllegalArgumentException} for a value that does not fit; Blink
     * reports it with the table, row and column.
     */
    void encode(T value, Output out);

    /**
     * An encoder that writes bytes itself.
     *
     * @param typeName the PostgreSQL type name
     * @param javaType the Java type
     * @param writer writes one value's binary form
     */
    static <T> PgEncoder<T> of(String typeName, Class<T> javaType, BiConsumer<? super T, Output> writer) {
        return new WritingEncoder<>(Objects.requireNonNull(typeName, "null typeName"),
                Objects.requireNonNull(javaType, "null javaType"), Objects.requireNonNull(writer, "null writer"));
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
        return new ConvertingEncoder<>(Objects.requireNonNull(typeName, "null typeName"),
                Objects.requireNonNull(javaType, "null javaType"), Objects.requireNonNull(converter, "null converter"));
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
