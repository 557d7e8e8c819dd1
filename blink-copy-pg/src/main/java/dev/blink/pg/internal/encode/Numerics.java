package dev.blink.pg.internal.encode;

import dev.blink.pg.internal.CopyStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * numeric. A BigDecimal is exact (its scale kept, up to 16383 digits after the point); a Double or
 * Float is what the server stores for {@code $1::float8::numeric} ({@code ::float4::numeric}): its
 * exact value rounded to 15 (6) significant digits, as PostgreSQL 13 to 18 print it with
 * {@code %.15g}, trailing zeros dropped, so {@code 100.0} is {@code 100} and {@code 0.1} is
 * {@code 0.1}. NaN is NaN; ±Infinity exists from PostgreSQL 14 on.
 */
final class Numerics {

    private static final long[] POW10 = {1, 10, 100, 1000, 10_000};
    /** 10000^i: the place value of each base-10000 digit of a long. */
    private static final long[] BASE_10000 = {1, 10_000, 100_000_000, 1_000_000_000_000L, 10_000_000_000_000_000L};
    private static final MathContext DOUBLE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final MathContext FLOAT_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    private Numerics() {
    }

    static Encoder binary(Class<?> c, EncoderContext context) {
        if (c == BigDecimal.class) {
            return Direct.NUMERIC;
        }
        if (c == Long.class || c == Integer.class || c == Short.class || c == Byte.class) {
            return (out, v) -> write(out, ((Number) v).longValue());
        }
        if (c == BigInteger.class) {
            return (out, v) -> write(out, new BigDecimal((BigInteger) v));
        }
        if (c == Double.class || c == Float.class) {
            return (out, v) -> {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    special(out, d, context);
                } else {
                    write(out, ofFloat(v));
                }
            };
        }
        return null;
    }

    static TextEncoder text(Class<?> c, EncoderContext context) {
        if (c == BigDecimal.class) {
            return (out, v) -> out.append(checked((BigDecimal) v).toPlainString());
        }
        if (c == Long.class || c == Integer.class || c == Short.class || c == Byte.class || c == BigInteger.class) {
            return (out, v) -> out.append(v);
        }
        if (c == Double.class || c == Float.class) {
            return (out, v) -> {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d)) {
                    out.append("NaN");
                } else if (Double.isInfinite(d)) {
                    checkInfinity(context);
                    out.append(d > 0 ? "Infinity" : "-Infinity");
                } else {
                    out.append(checked(ofFloat(v)).toPlainString());
                }
            };
        }
        return null;
    }

    /** A finite Double's or Float's value as the server's float-to-numeric cast stores it. */
    static BigDecimal ofFloat(Object v) {
        BigDecimal exact = v instanceof Float f ? new BigDecimal(f) : new BigDecimal((Double) v);
        BigDecimal rounded = exact.round(v instanceof Float ? FLOAT_DIGITS : DOUBLE_DIGITS).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    private static void checkInfinity(EncoderContext context) {
        if (!context.numericHasInfinity()) {
            throw BadValue.of("numeric has no Infinity before PostgreSQL 14; use float8, or NaN");
        }
    }

    private static void special(CopyStream out, double d, EncoderContext context) {
        if (!Double.isNaN(d)) {
            checkInfinity(context);
        }
        out.int4(8);
        out.int2(0);
        out.int2(0);
        out.int2(Double.isNaN(d) ? 0xC000 : d > 0 ? 0xD000 : 0xF000);
        out.int2(0);
    }

    /** The value, if numeric can hold it. */
    private static BigDecimal checked(BigDecimal d) {
        if (d.scale() > 0x3FFF) {
            throw BadValue.of("its scale " + d.scale() + " exceeds numeric's maximum of 16383; round it first");
        }
        if ((long) d.precision() - d.scale() > 131_072) {
            throw BadValue.of("value overflows numeric format (more than 131072 digits before the point)");
        }
        return d;
    }

    /** A long as numeric with scale 0, without BigDecimal. */
    static void write(CopyStream out, long v) {
        if (v == Long.MIN_VALUE) {
            write(out, BigDecimal.valueOf(v));
            return;
        }
        write(out, Math.abs(v), 0, v < 0 ? 0x4000 : 0, 0);
    }

    static void write(CopyStream out, BigDecimal d) {
        int scale = d.scale();
        BigInteger unscaled = d.unscaledValue();
        if (scale >= 0 && scale <= 0x3FFF && unscaled.bitLength() < 50) {
            // the common case: no precision checks, long arithmetic only
            int pad = (4 - scale % 4) % 4;
            long abs = Math.abs(unscaled.longValue()) * POW10[pad];
            write(out, abs, (scale + pad) / 4, unscaled.signum() < 0 ? 0x4000 : 0, scale);
            return;
        }
        checked(d);
        if (scale < 0) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(-scale));
            scale = 0;
        }
        int sign = unscaled.signum() < 0 ? 0x4000 : 0;
        int pad = (4 - scale % 4) % 4;
        int fractionGroups = (scale + pad) / 4;
        int n = 0;
        BigInteger abs = unscaled.abs();
        if (pad > 0) {
            abs = abs.multiply(BigInteger.valueOf(POW10[pad]));
        }
        short[] groups = new short[abs.bitLength() / 13 + 6];
        BigInteger chunk = BigInteger.valueOf(10_000_000_000_000_000L);
        while (abs.signum() != 0) {
            BigInteger[] qr = abs.divideAndRemainder(chunk);
            long low = qr[1].longValue();
            abs = qr[0];
            for (int k = 0; k < 4; k++) {
                if (n == groups.length) {
                    groups = Arrays.copyOf(groups, n * 2);
                }
                groups[n++] = (short) (low % 10_000);
                low /= 10_000;
            }
        }
        while (n > 0 && groups[n - 1] == 0) {
            n--;
        }
        write(out, groups, n, n - 1 - fractionGroups, sign, scale);
    }

    /**
     * A numeric whose digits fit a long: {@code abs} in base-10000 digits (at most five, since it
     * is below 10^19), the last {@code fractionGroups} of them after the point. No array, so the
     * common value allocates nothing here.
     */
    private static void write(CopyStream out, long abs, int fractionGroups, int sign, int dscale) {
        int n = 0;
        while (n < BASE_10000.length && abs >= BASE_10000[n]) {
            n++;
        }
        int low = 0;
        while (low < n && abs / BASE_10000[low] % 10_000 == 0) {
            low++;
        }
        int ndigits = n - low;
        out.room(12 + 2 * ndigits); // the whole field: one bounds check
        out.int4InRoom(8 + 2 * ndigits);
        out.int2InRoom(ndigits);
        out.int2InRoom(ndigits == 0 ? 0 : n - 1 - fractionGroups);
        out.int2InRoom(ndigits == 0 ? 0 : sign);
        out.int2InRoom(dscale);
        for (int i = n - 1; i >= low; i--) {
            out.int2InRoom((int) (abs / BASE_10000[i] % 10_000));
        }
    }

    /** groups: base-10000 digits, least significant first; n of them; weight of the most significant. */
    private static void write(CopyStream out, short[] groups, int n, int weight, int sign, int dscale) {
        int low = 0;
        while (low < n && groups[low] == 0) {
            low++;
        }
        int ndigits = n - low;
        if (ndigits == 0) {
            weight = 0;
            sign = 0;
        }
        out.int4(8 + 2 * ndigits);
        out.int2(ndigits);
        out.int2(weight);
        out.int2(sign);
        out.int2(dscale);
        for (int i = n - 1; i >= low; i--) {
            out.int2(groups[i]);
        }
    }
}
