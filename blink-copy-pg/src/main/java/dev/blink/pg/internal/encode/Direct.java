package dev.blink.pg.internal.encode;

import dev.blink.pg.internal.CopyStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The built-in encoders of the most common pairs of column type and Java class, as constants that
 * the family files return (so the choice is made in one place) and that {@link ColumnWriter}
 * recognizes: it calls {@link #write} on the enum itself, a final class, so the JIT inlines the
 * switch into the row loop instead of dispatching through the interface table of the one
 * {@link Encoder#write} call site that every column shares.
 */
enum Direct implements Encoder {
    INT2, INT4, INT8, FLOAT8, BOOL, TEXT, JSONB, NUMERIC, UUID, DATE, TIMESTAMP, TIMESTAMPTZ_INSTANT,
    TIMESTAMPTZ_OFFSET;

    @Override
    public void write(CopyStream out, Object value) {
        switch (this) {
            case INT2 -> out.valueInt2((Short) value);
            case INT4 -> out.valueInt4((Integer) value);
            case INT8 -> out.valueInt8((Long) value);
            case FLOAT8 -> out.valueInt8(Double.doubleToLongBits((Double) value));
            case BOOL -> Booleans.write(out, (Boolean) value);
            case TEXT -> out.textValue((String) value);
            case JSONB -> JsonValues.jsonb(out, (String) value);
            case NUMERIC -> Numerics.write(out, (BigDecimal) value);
            case UUID -> Uuids.write(out, (UUID) value);
            case DATE -> out.valueInt4(DateTimes.days((LocalDate) value));
            case TIMESTAMP -> out.valueInt8(DateTimes.local((LocalDateTime) value));
            case TIMESTAMPTZ_INSTANT -> out.valueInt8(DateTimes.instant((Instant) value));
            case TIMESTAMPTZ_OFFSET -> out.valueInt8(DateTimes.offsetDateTime((OffsetDateTime) value));
            default -> throw new AssertionError(this);
        }
    }
}
