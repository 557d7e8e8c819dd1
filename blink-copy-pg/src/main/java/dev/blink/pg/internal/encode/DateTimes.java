package dev.blink.pg.internal.encode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * date, time, timetz, timestamp and timestamptz: integer arithmetic from the java.time fields,
 * microseconds rounded half up from nanoseconds (as pgjdbc does), MAX/MIN as ±infinity. The text
 * form is made from the same microseconds, in ISO form with an explicit offset, which the server
 * reads the same under every DateStyle and TimeZone; so both forms store the same value.
 *
 * <p>A {@code LocalDateTime} for timestamptz means the wall time in the session's TimeZone. When
 * that zone is a fixed offset ({@link SessionTimeZone}) Blink applies it; otherwise the server's
 * own tzdata must, so the value is sent as text without an offset, in a table sent as COPY text.
 */
final class DateTimes {

    static final long PG_EPOCH_DAY = 10_957;
    static final long PG_EPOCH_SECOND = 946_684_800L;
    static final long MICROS_PER_DAY = 86_400_000_000L;
    /** 4714-11-24 BC, and the first day after date's range (5874897-12-31), in days since 2000-01-01. */
    static final int MIN_DATE = -2_451_545;
    static final int END_DATE = 2_147_483_494 - 2_451_545;
    /** 4714-11-24 BC 00:00 and 294277-01-01 00:00 in microseconds since 2000-01-01. */
    static final long MIN_TIMESTAMP = -211_813_488_000_000_000L;
    static final long END_TIMESTAMP = 9_223_371_331_200_000_000L;
    private static final int OFFSET_OF_MAX = OffsetDateTime.MAX.getOffset().getTotalSeconds();
    private static final int OFFSET_OF_MIN = OffsetDateTime.MIN.getOffset().getTotalSeconds();

    /** A LocalDateTime that only the server's tzdata can place. */
    static final Encoders.ServerReads NAMED_ZONE = new Encoders.ServerReads("a LocalDateTime for timestamptz in "
            + "a session whose TimeZone has rules (a region, or daylight-saving time)");

    private DateTimes() {
    }

    static Encoder binary(Kind kind, Class<?> c, EncoderContext context) {
        switch (kind) {
            case DATE:
                if (c == LocalDate.class) {
                    return Direct.DATE;
                }
                return c == java.sql.Date.class ? (out, v) -> out.valueInt4(days(((java.sql.Date) v).toLocalDate()))
                        : null;
            case TIME:
                return c == LocalTime.class ? (out, v) -> out.valueInt8(micros(((LocalTime) v).toNanoOfDay())) : null;
            case TIMETZ:
                return c == OffsetTime.class ? (out, v) -> {
                    OffsetTime t = (OffsetTime) v;
                    out.int4(12);
                    out.int8(micros(t.toLocalTime().toNanoOfDay()));
                    out.int4(-t.getOffset().getTotalSeconds());
                } : null;
            case TIMESTAMP:
                if (c == LocalDateTime.class) {
                    return Direct.TIMESTAMP;
                }
                if (c == LocalDate.class) {
                    return (out, v) -> out.valueInt8(midnight((LocalDate) v));
                }
                return c == java.sql.Timestamp.class
                        ? (out, v) -> out.valueInt8(local(((java.sql.Timestamp) v).toLocalDateTime())) : null;
            default:
                if (c == Instant.class) {
                    return Direct.TIMESTAMPTZ_INSTANT;
                }
                if (c == OffsetDateTime.class) {
                    return Direct.TIMESTAMPTZ_OFFSET;
                }
                if (c == LocalDateTime.class) {
                    ZoneOffset zone = context.fixedOffset;
                    return zone == null ? NAMED_ZONE : (out, v) -> out.valueInt8(atOffset((LocalDateTime) v, zone));
                }
                return c == ZonedDateTime.class || c == java.util.Date.class || c == java.sql.Timestamp.class
                        ? (out, v) -> out.valueInt8(utc(v)) : null;
        }
    }

    static TextEncoder text(Kind kind, Class<?> c, EncoderContext context) {
        switch (kind) {
            case DATE:
                if (c == LocalDate.class) {
                    return (out, v) -> date(out, days((LocalDate) v));
                }
                return c == java.sql.Date.class ? (out, v) -> date(out, days(((java.sql.Date) v).toLocalDate())) : null;
            case TIME:
                return c == LocalTime.class ? (out, v) -> time(out, micros(((LocalTime) v).toNanoOfDay())) : null;
            case TIMETZ:
                return c == OffsetTime.class ? (out, v) -> {
                    OffsetTime t = (OffsetTime) v;
                    time(out, micros(t.toLocalTime().toNanoOfDay()));
                    offset(out, t.getOffset().getTotalSeconds());
                } : null;
            case TIMESTAMP:
                if (c == LocalDateTime.class) {
                    return (out, v) -> timestamp(out, local((LocalDateTime) v), false);
                }
                if (c == LocalDate.class) {
                    return (out, v) -> timestamp(out, midnight((LocalDate) v), false);
                }
                return c == java.sql.Timestamp.class
                        ? (out, v) -> timestamp(out, local(((java.sql.Timestamp) v).toLocalDateTime()), false) : null;
            default:
                if (c == LocalDateTime.class) {
                    ZoneOffset zone = context.fixedOffset;
                    // a region's offsets are the server's to apply: the wall time without an offset
                    return zone == null ? (out, v) -> timestamp(out, local((LocalDateTime) v), false)
                            : (out, v) -> timestamp(out, atOffset((LocalDateTime) v, zone), true);
                }
                return c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class
                        || c == java.util.Date.class || c == java.sql.Timestamp.class
                        ? (out, v) -> timestamp(out, utc(v), true) : null;
        }
    }

    // ---- binary values ----

    static int days(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (d.equals(LocalDate.MIN)) {
            return Integer.MIN_VALUE;
        }
        long days = d.toEpochDay() - PG_EPOCH_DAY;
        if (days < MIN_DATE || days >= END_DATE) {
            throw BadValue.of("date out of range for PostgreSQL (4714-11-24 BC to 5874897-12-31); "
                    + "use LocalDate.MAX or LocalDate.MIN for ±infinity");
        }
        return (int) days;
    }

    private static long micros(long nanos) {
        return (nanos + 500) / 1000;
    }

    private static long fromEpoch(long epochSecond, int nano) {
        long seconds = epochSecond - PG_EPOCH_SECOND;
        if (seconds < MIN_TIMESTAMP / 1_000_000 - 1 || seconds > END_TIMESTAMP / 1_000_000) {
            throw outOfRange();
        }
        long micros = seconds * 1_000_000 + micros(nano);
        if (micros < MIN_TIMESTAMP || micros >= END_TIMESTAMP) {
            throw outOfRange();
        }
        return micros;
    }

    private static BadValue outOfRange() {
        return BadValue.of("timestamp out of range for PostgreSQL (4714-11-24 BC to 294276 AD); use MAX or MIN "
                + "for ±infinity");
    }

    static long local(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        long days = t.toLocalDate().toEpochDay();
        if (days < -3_000_000 || days > 110_000_000) {
            throw outOfRange();
        }
        return fromEpoch(days * 86_400 + t.toLocalTime().toSecondOfDay(), t.getNano());
    }

    private static long midnight(LocalDate d) {
        return d.equals(LocalDate.MAX) ? Long.MAX_VALUE : d.equals(LocalDate.MIN) ? Long.MIN_VALUE
                : local(d.atStartOfDay());
    }

    private static long atOffset(LocalDateTime t, ZoneOffset zone) {
        if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
            return t.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        long days = t.toLocalDate().toEpochDay();
        if (days < -3_000_000 || days > 110_000_000) {
            throw outOfRange();
        }
        return fromEpoch(days * 86_400 + t.toLocalTime().toSecondOfDay() - zone.getTotalSeconds(), t.getNano());
    }

    static long instant(Instant i) {
        if (i.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        if (i.equals(Instant.MIN)) {
            return Long.MIN_VALUE;
        }
        return fromEpoch(i.getEpochSecond(), i.getNano());
    }

    static long offsetDateTime(OffsetDateTime t) {
        // MAX and MIN carry the extreme offsets, so other values skip the equals
        int offset = t.getOffset().getTotalSeconds();
        if (offset == OFFSET_OF_MAX && t.equals(OffsetDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (offset == OFFSET_OF_MIN && t.equals(OffsetDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return fromEpoch(t.toEpochSecond(), t.getNano());
    }

    /** An instant of any of the classes timestamptz takes but LocalDateTime. */
    private static long utc(Object v) {
        if (v instanceof Instant i) {
            return instant(i);
        }
        if (v instanceof OffsetDateTime t) {
            return offsetDateTime(t);
        }
        if (v instanceof ZonedDateTime t) {
            return fromEpoch(t.toEpochSecond(), t.getNano());
        }
        return instant(((java.util.Date) v).toInstant());
    }

    // ---- text forms ----

    private static void date(StringBuilder out, int days) {
        if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
            out.append(days > 0 ? "infinity" : "-infinity");
            return;
        }
        LocalDate d = LocalDate.ofEpochDay(days + PG_EPOCH_DAY);
        ymd(out, d);
        if (d.getYear() <= 0) {
            out.append(" BC");
        }
    }

    private static void ymd(StringBuilder out, LocalDate d) {
        int year = d.getYear();
        pad(out, year <= 0 ? 1 - year : year, 4);
        out.append('-');
        pad(out, d.getMonthValue(), 2);
        out.append('-');
        pad(out, d.getDayOfMonth(), 2);
    }

    /** HH:MM:SS.ffffff; 24:00:00 for the end of the day. */
    private static void time(StringBuilder out, long micros) {
        long seconds = micros / 1_000_000;
        pad(out, seconds / 3600, 2);
        out.append(':');
        pad(out, seconds / 60 % 60, 2);
        out.append(':');
        pad(out, seconds % 60, 2);
        out.append('.');
        pad(out, micros % 1_000_000, 6);
    }

    /** +HH:MM:SS east of UTC, as PostgreSQL writes an offset with seconds. */
    private static void offset(StringBuilder out, int east) {
        out.append(east < 0 ? '-' : '+');
        int abs = Math.abs(east);
        pad(out, abs / 3600, 2);
        out.append(':');
        pad(out, abs / 60 % 60, 2);
        out.append(':');
        pad(out, abs % 60, 2);
    }

    /** A timestamp's microseconds since 2000-01-01, in UTC ({@code +00}) if {@code utc}. */
    private static void timestamp(StringBuilder out, long micros, boolean utc) {
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            out.append(micros > 0 ? "infinity" : "-infinity");
            return;
        }
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        LocalDate d = LocalDate.ofEpochDay(days + PG_EPOCH_DAY);
        ymd(out, d);
        out.append(' ');
        time(out, Math.floorMod(micros, MICROS_PER_DAY));
        if (utc) {
            out.append("+00");
        }
        if (d.getYear() <= 0) {
            out.append(" BC");
        }
    }

    private static void pad(StringBuilder out, long value, int width) {
        int at = out.length();
        out.append(value);
        for (int digits = out.length() - at; digits < width; digits++) {
            out.insert(at, '0');
        }
    }
}
