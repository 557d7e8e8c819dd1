package dev.blink.pg.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Encoders for dates, times, timestamps and intervals: integer arithmetic from the java.time
 * fields, microseconds rounded half up from nanoseconds (as pgjdbc does), MAX/MIN as ±infinity.
 */
final class Times {

    private static final int OFFSET_OF_MAX = OffsetDateTime.MAX.getOffset().getTotalSeconds();
    private static final int OFFSET_OF_MIN = OffsetDateTime.MIN.getOffset().getTotalSeconds();

    private Times() {
    }

    // ---- date ----

    static int days(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (d.equals(LocalDate.MIN)) {
            return Integer.MIN_VALUE;
        }
        long days = d.toEpochDay() - TextForms.PG_EPOCH_DAY;
        if (days < TextForms.MIN_DATE || days >= TextForms.END_DATE) {
            throw BadValue.of("date out of range for PostgreSQL (4714-11-24 BC to 5874897-12-31); "
                    + "use LocalDate.MAX or LocalDate.MIN for ±infinity");
        }
        return (int) days;
    }

    static Encoder date(Class<?> c) {
        if (c == LocalDate.class) {
            return (out, v) -> out.valueInt4(days((LocalDate) v));
        }
        if (c == java.sql.Date.class) {
            return (out, v) -> out.valueInt4(days(((java.sql.Date) v).toLocalDate()));
        }
        if (c == String.class) {
            return (out, v) -> out.valueInt4(TextForms.date((String) v));
        }
        return null;
    }

    // ---- time ----

    private static long micros(long nanos) {
        return (nanos + 500) / 1000;
    }

    static Encoder time(Class<?> c) {
        if (c == LocalTime.class) {
            return (out, v) -> out.valueInt8(micros(((LocalTime) v).toNanoOfDay()));
        }
        if (c == String.class) {
            return (out, v) -> out.valueInt8(TextForms.time((String) v));
        }
        return null;
    }

    private static void timetz(CopyStream out, long micros, int offsetEast) {
        out.int4(12);
        out.int8(micros);
        out.int4(-offsetEast);
    }

    static Encoder timetz(Class<?> c) {
        if (c == OffsetTime.class) {
            return (out, v) -> {
                OffsetTime t = (OffsetTime) v;
                timetz(out, micros(t.toLocalTime().toNanoOfDay()), t.getOffset().getTotalSeconds());
            };
        }
        if (c == String.class) {
            return (out, v) -> {
                long[] parsed = TextForms.timetz((String) v);
                timetz(out, parsed[0], (int) parsed[1]);
            };
        }
        return null;
    }

    // ---- timestamp ----

    private static long fromEpoch(long epochSecond, int nano) {
        long seconds = epochSecond - TextForms.PG_EPOCH_SECOND;
        if (seconds < TextForms.MIN_TIMESTAMP / 1_000_000 - 1 || seconds > TextForms.END_TIMESTAMP / 1_000_000) {
            throw outOfRange();
        }
        long micros = seconds * 1_000_000 + micros(nano);
        if (micros < TextForms.MIN_TIMESTAMP || micros >= TextForms.END_TIMESTAMP) {
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

    static Encoder timestamp(Class<?> c) {
        if (c == LocalDateTime.class) {
            return (out, v) -> out.valueInt8(local((LocalDateTime) v));
        }
        if (c == LocalDate.class) {
            return (out, v) -> {
                LocalDate d = (LocalDate) v;
                out.valueInt8(d.equals(LocalDate.MAX) ? Long.MAX_VALUE : d.equals(LocalDate.MIN) ? Long.MIN_VALUE
                        : local(d.atStartOfDay()));
            };
        }
        if (c == java.sql.Timestamp.class) {
            return (out, v) -> out.valueInt8(local(((java.sql.Timestamp) v).toLocalDateTime()));
        }
        if (c == String.class) {
            return (out, v) -> out.valueInt8(TextForms.timestamp((String) v));
        }
        return null;
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

    static Encoder timestamptz(Class<?> c, ZoneId session) {
        if (c == Instant.class) {
            return (out, v) -> out.valueInt8(instant((Instant) v));
        }
        if (c == OffsetDateTime.class) {
            return (out, v) -> out.valueInt8(offsetDateTime((OffsetDateTime) v));
        }
        if (c == ZonedDateTime.class) {
            return (out, v) -> {
                ZonedDateTime t = (ZonedDateTime) v;
                out.valueInt8(fromEpoch(t.toEpochSecond(), t.getNano()));
            };
        }
        if (c == java.util.Date.class || c == java.sql.Timestamp.class) {
            return (out, v) -> out.valueInt8(instant(((java.util.Date) v).toInstant()));
        }
        if (c == LocalDateTime.class) {
            return (out, v) -> {
                LocalDateTime t = (LocalDateTime) v;
                if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
                    out.valueInt8(t.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
                    return;
                }
                if (session == null) {
                    throw BadValue.of("a LocalDateTime needs the session's TimeZone, which Java does not know; "
                            + "pass an Instant or OffsetDateTime");
                }
                ZonedDateTime z = t.atZone(session).withLaterOffsetAtOverlap();
                out.valueInt8(fromEpoch(z.toEpochSecond(), z.getNano()));
            };
        }
        if (c == String.class) {
            return (out, v) -> out.valueInt8(TextForms.timestamptz((String) v, session));
        }
        return null;
    }

    // ---- interval ----

    private static void interval(CopyStream out, long micros, int days, int months) {
        out.int4(16);
        out.int8(micros);
        out.int4(days);
        out.int4(months);
    }

    static Encoder interval(Class<?> c) {
        if (c == Duration.class) {
            return (out, v) -> {
                Duration d = (Duration) v;
                long micros;
                try {
                    micros = Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), micros(d.getNano()));
                } catch (ArithmeticException e) {
                    throw BadValue.of("interval out of range");
                }
                interval(out, micros, 0, 0);
            };
        }
        if (c == Period.class) {
            return (out, v) -> {
                Period p = (Period) v;
                long months = p.toTotalMonths();
                if (months != (int) months) {
                    throw BadValue.of("interval out of range");
                }
                interval(out, 0, p.getDays(), (int) months);
            };
        }
        if (c == String.class) {
            return (out, v) -> {
                long[] parsed = TextForms.interval((String) v);
                interval(out, parsed[0], (int) parsed[1], (int) parsed[2]);
            };
        }
        return null;
    }
}
