package dev.blink.pg.internal.encode;

import java.time.Duration;
import java.time.Period;

/**
 * interval: a Duration fills the time part (microseconds, rounded half up from nanoseconds), a
 * Period the months (years × 12 + months) and days. The text form is ISO 8601 with a sign on every
 * field ({@code PT-1H-2M-3.5S}, {@code P-14M3D}), which the server reads the same under every
 * IntervalStyle.
 */
final class Intervals {

    private Intervals() {
    }

    static Encoder binary(Class<?> c) {
        if (c == Duration.class) {
            return (out, v) -> {
                out.int4(16);
                out.int8(micros((Duration) v));
                out.int4(0);
                out.int4(0);
            };
        }
        if (c == Period.class) {
            return (out, v) -> {
                Period p = (Period) v;
                int months = months(p);
                out.int4(16);
                out.int8(0);
                out.int4(p.getDays());
                out.int4(months);
            };
        }
        return null;
    }

    static TextEncoder text(Class<?> c) {
        if (c == Duration.class) {
            return (out, v) -> {
                long micros = micros((Duration) v);
                // beyond 2^31-1 hours PostgreSQL 13 and 14 refuse it, as they refuse the same interval's text
                long hours = micros / 3_600_000_000L;
                long rest = Math.abs(micros % 3_600_000_000L);
                String sign = micros < 0 ? "-" : "";
                out.append("PT").append(hours).append('H')
                        .append(sign).append(rest / 60_000_000).append('M')
                        .append(sign).append(rest / 1_000_000 % 60).append('.');
                long fraction = rest % 1_000_000;
                for (long p = 100_000; p > fraction && p > 1; p /= 10) {
                    out.append('0');
                }
                out.append(fraction).append('S');
            };
        }
        if (c == Period.class) {
            return (out, v) -> {
                Period p = (Period) v;
                out.append('P').append(months(p)).append('M').append(p.getDays()).append('D');
            };
        }
        return null;
    }

    private static long micros(Duration d) {
        try {
            return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), (d.getNano() + 500) / 1000);
        } catch (ArithmeticException e) {
            throw BadValue.of("interval out of range (the time part holds up to 2^63-1 microseconds)");
        }
    }

    private static int months(Period p) {
        long months = p.toTotalMonths();
        if (months != (int) months) {
            throw BadValue.of("interval out of range (it holds up to 2^31-1 months)");
        }
        return (int) months;
    }
}
