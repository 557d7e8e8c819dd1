package dev.blink.pg.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes one column's values: the encoder is chosen for the column's type and the Java class of
 * the first value, and chosen again only when a value of another class comes.
 *
 * <p>The common pairs of type and class are written through a switch rather than the
 * {@link Encoder}: every column shares the one call site of {@code Encoder.write}, so the JIT sees
 * it megamorphic and dispatches through an interface table per value; the switch's branches are
 * plain static calls that it inlines into the row loop.
 */
final class ColumnWriter {

    /** The pairs the switch writes directly; {@code ENCODER} defers to the chosen {@link Encoder}. */
    private enum Direct { ENCODER, INT2, INT4, INT8, FLOAT8, BOOL, TEXT, JSONB, NUMERIC, UUID, DATE, TIMESTAMP,
        TIMESTAMPTZ_INSTANT, TIMESTAMPTZ_OFFSET }

    final String column;
    final PgType type;
    private final Session session;
    private Class<?> lastClass;
    private Encoder last;
    private Direct direct = Direct.ENCODER;

    ColumnWriter(String column, PgType type, Session session) {
        this.column = column;
        this.type = type;
        this.session = session;
    }

    void write(CopyStream out, Object value) {
        Class<?> c = value.getClass();
        if (c != lastClass) {
            choose(c);
        }
        switch (direct) {
            case INT2 -> out.valueInt2((Short) value);
            case INT4 -> out.valueInt4((Integer) value);
            case INT8 -> out.valueInt8((Long) value);
            case FLOAT8 -> out.valueInt8(Double.doubleToLongBits((Double) value));
            case BOOL -> Encoders.bool(out, (Boolean) value);
            case TEXT -> out.textValue((String) value);
            case JSONB -> Encoders.jsonb(out, (String) value);
            case NUMERIC -> Encoders.numeric(out, (BigDecimal) value);
            case UUID -> Encoders.uuid(out, (UUID) value);
            case DATE -> out.valueInt4(Times.days((LocalDate) value));
            case TIMESTAMP -> out.valueInt8(Times.local((LocalDateTime) value));
            case TIMESTAMPTZ_INSTANT -> out.valueInt8(Times.instant((Instant) value));
            case TIMESTAMPTZ_OFFSET -> out.valueInt8(Times.offsetDateTime((OffsetDateTime) value));
            default -> last.write(out, value);
        }
    }

    private void choose(Class<?> c) {
        Encoder custom = Encoders.custom(type, c, session);
        Encoder encoder = custom != null ? custom : Encoders.builtIn(type, c, session);
        if (encoder == null) {
            throw BadValue.wrongType();
        }
        last = encoder;
        lastClass = c;
        direct = custom != null ? Direct.ENCODER : direct(type.kind, c);
    }

    /** The direct branch for a built-in encoder: what {@link Encoders#builtIn} picks, as a static call. */
    private static Direct direct(Kind kind, Class<?> c) {
        return switch (kind) {
            case INT2 -> c == Short.class ? Direct.INT2 : Direct.ENCODER;
            case INT4 -> c == Integer.class ? Direct.INT4 : Direct.ENCODER;
            case INT8 -> c == Long.class ? Direct.INT8 : Direct.ENCODER;
            case FLOAT8 -> c == Double.class ? Direct.FLOAT8 : Direct.ENCODER;
            case BOOL -> c == Boolean.class ? Direct.BOOL : Direct.ENCODER;
            case TEXT, ENUM -> c == String.class ? Direct.TEXT : Direct.ENCODER;
            case JSONB -> c == String.class ? Direct.JSONB : Direct.ENCODER;
            case NUMERIC -> c == BigDecimal.class ? Direct.NUMERIC : Direct.ENCODER;
            case UUID -> c == UUID.class ? Direct.UUID : Direct.ENCODER;
            case DATE -> c == LocalDate.class ? Direct.DATE : Direct.ENCODER;
            case TIMESTAMP -> c == LocalDateTime.class ? Direct.TIMESTAMP : Direct.ENCODER;
            case TIMESTAMPTZ -> c == Instant.class ? Direct.TIMESTAMPTZ_INSTANT
                    : c == OffsetDateTime.class ? Direct.TIMESTAMPTZ_OFFSET : Direct.ENCODER;
            default -> Direct.ENCODER;
        };
    }

    /** What the column takes, for messages. */
    String expected() {
        if (type.kind == Kind.UNSUPPORTED) {
            return type.display() + ", which has no built-in encoder: register a PgEncoder for \"" + type.name
                    + "\" with PgCopyInserter.builder().encoder(...)";
        }
        return type.display() + " (" + type.kind.javaTypes() + ", or a String in PostgreSQL's text form)";
    }
}
