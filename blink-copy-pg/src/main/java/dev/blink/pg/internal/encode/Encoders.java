package dev.blink.pg.internal.encode;

import dev.blink.pg.PgEncoder;
import dev.blink.pg.internal.CopyStream;

/**
 * Chooses how values of one Java class are written into columns of one PostgreSQL type: the
 * user's {@link PgEncoder} if one matches, else Blink's own, in binary or in text form. The rules
 * of each type family live in their own file ({@link Integers}, {@link DateTimes}, …); this file
 * only dispatches.
 */
final class Encoders {

    private Encoders() {
    }

    /**
     * The binary encoder that a String in PostgreSQL's text form gets for a column whose type's
     * input function must read it: writing it fails, since only a table sent as COPY text can carry
     * it. Decided per table from the first row; see {@link ColumnWriter}.
     */
    static final class ServerReads implements Encoder {
        /** What the server would read, for messages: "a String in PostgreSQL's text form". */
        final String what;

        ServerReads(String what) {
            this.what = what;
        }

        @Override
        public void write(CopyStream out, Object value) {
            throw BadValue.of(what + ", which only the server can read (in a table sent as COPY text)");
        }
    }

    static final ServerReads TEXT_FORM = new ServerReads("a String in PostgreSQL's text form");

    /** Blink's binary encoder for values of class {@code c} in a column of {@code type}, or null. */
    static Encoder binary(PgType type, Class<?> c, EncoderContext context) {
        if (c == String.class && !type.kind.takesStringInBinary()) {
            return TEXT_FORM;
        }
        return switch (type.kind) {
            case BOOL -> Booleans.binary(c);
            case INT2, INT4, INT8, OID -> Integers.binary(type.kind, c);
            case FLOAT4, FLOAT8 -> Floats.binary(type.kind, c);
            case NUMERIC -> Numerics.binary(c, context);
            case TEXT, NAME, XML, CHAR, ENUM -> Texts.binary(type.kind, c);
            case BYTEA -> Bytea.binary(c);
            case UUID -> Uuids.binary(c);
            case DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ -> DateTimes.binary(type.kind, c, context);
            case INTERVAL -> Intervals.binary(c);
            case JSON, JSONB -> JsonValues.binary(type.kind, c);
            case INET, CIDR, MACADDR, MACADDR8 -> Network.binary(type.kind, c);
            case ARRAY -> ArrayValues.binary(type, c, context);
            case RANGE, UNSUPPORTED -> null;
        };
    }

    /** Blink's text form for values of class {@code c} in a column of {@code type}, or null. */
    static TextEncoder text(PgType type, Class<?> c, EncoderContext context) {
        if (c == String.class) {
            return Texts.AS_IS;
        }
        return switch (type.kind) {
            case BOOL -> Booleans.text(c);
            case INT2, INT4, INT8, OID -> Integers.text(type.kind, c);
            case FLOAT4, FLOAT8 -> Floats.text(type.kind, c);
            case NUMERIC -> Numerics.text(c, context);
            case TEXT, NAME, XML, CHAR, ENUM -> Texts.text(type.kind, c);
            case BYTEA -> Bytea.text(c);
            case UUID -> Uuids.text(c);
            case DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ -> DateTimes.text(type.kind, c, context);
            case INTERVAL -> Intervals.text(c);
            case JSON, JSONB -> JsonValues.text(c);
            case INET, CIDR, MACADDR, MACADDR8 -> Network.text(type.kind, c);
            case ARRAY -> ArrayValues.text(type, c, context);
            case RANGE, UNSUPPORTED -> null;
        };
    }

    /** The user's encoder that takes values of class {@code c} in a column of {@code type}, or null. */
    static PgEncoder<?> custom(PgType type, Class<?> c, EncoderContext context) {
        for (PgEncoder<?> encoder : context.custom) {
            if (!encoder.javaType().isAssignableFrom(c)) {
                continue;
            }
            for (PgType t = type; t != null; t = t.base) {
                if (t.named(encoder.typeName())) {
                    return encoder;
                }
            }
        }
        return null;
    }

    /** The binary encoder for class {@code c}: the user's, else the built-in one; null if none takes it. */
    static Encoder resolveBinary(PgType type, Class<?> c, EncoderContext context) {
        PgEncoder<?> custom = custom(type, c, context);
        if (custom instanceof PgEncoder.Writer<?> writer) {
            return CustomEncoders.writing(writer);
        }
        if (custom instanceof PgEncoder.Converter<?> converter) {
            return CustomEncoders.converting(converter, type, context.builtInOnly());
        }
        return binary(type, c, context);
    }

    /**
     * The text form for class {@code c}: a user's converter then the built-in form, else the
     * built-in form; null if none takes it. A user's binary writer has no text form and fails,
     * with {@code why} the table goes as text.
     */
    static TextEncoder resolveText(PgType type, Class<?> c, EncoderContext context, String why) {
        PgEncoder<?> custom = custom(type, c, context);
        if (custom instanceof PgEncoder.Writer<?> writer) {
            return CustomEncoders.writerInText(writer, why);
        }
        if (custom instanceof PgEncoder.Converter<?> converter) {
            return CustomEncoders.convertingText(converter, type, context.builtInOnly());
        }
        return text(type, c, context);
    }
}
