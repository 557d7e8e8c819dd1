package dev.blink.pg.internal.encode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * float4 and float8. A number of another type is rounded once, from its exact value to the nearest
 * float or double (a long is not rounded to a double first), and refused where the server refuses
 * the same value: beyond the type's range, or a non-zero value that would underflow to zero.
 */
final class Floats {

    private Floats() {
    }

    static Encoder binary(Kind kind, Class<?> c) {
        if (!takes(c)) {
            return null;
        }
        if (kind == Kind.FLOAT8) {
            return c == Double.class ? Direct.FLOAT8 : (out, v) -> out.valueInt8(Double.doubleToLongBits(float8(v)));
        }
        return (out, v) -> out.valueInt4(Float.floatToIntBits(float4(v)));
    }

    static TextEncoder text(Kind kind, Class<?> c) {
        if (!takes(c)) {
            return null;
        }
        return kind == Kind.FLOAT8 ? (out, v) -> appendDouble(out, float8(v)) : (out, v) -> appendFloat(out, float4(v));
    }

    private static boolean takes(Class<?> c) {
        return c == Double.class || c == Float.class || c == Long.class || c == Integer.class || c == Short.class
                || c == Byte.class || c == BigDecimal.class || c == BigInteger.class || c == AtomicInteger.class
                || c == AtomicLong.class;
    }

    static float float4(Object v) {
        if (v instanceof Float f) {
            return f;
        }
        float f;
        boolean zero;
        if (v instanceof Double d) {
            f = (float) (double) d;
            zero = d == 0;
        } else if (v instanceof BigDecimal d) {
            f = d.floatValue();
            zero = d.signum() == 0;
        } else if (v instanceof BigInteger b) {
            f = b.floatValue();
            zero = b.signum() == 0;
        } else {
            long l = ((Number) v).longValue();
            f = l;
            zero = l == 0;
        }
        if (Float.isInfinite(f) && !(v instanceof Double d && d.isInfinite())) {
            throw BadValue.of("out of range for type real");
        }
        if (f == 0 && !zero) {
            throw BadValue.of("out of range for type real (it is too close to zero)");
        }
        return f;
    }

    static double float8(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return f;
        }
        double d;
        boolean zero;
        if (v instanceof BigDecimal b) {
            d = b.doubleValue();
            zero = b.signum() == 0;
        } else if (v instanceof BigInteger b) {
            d = b.doubleValue();
            zero = b.signum() == 0;
        } else {
            long l = ((Number) v).longValue();
            d = l;
            zero = l == 0;
        }
        if (Double.isInfinite(d)) {
            throw BadValue.of("out of range for type double precision");
        }
        if (d == 0 && !zero) {
            throw BadValue.of("out of range for type double precision (it is too close to zero)");
        }
        return d;
    }

    /**
     * A double's text that the server's strtod reads back as the same double: Java's shortest
     * form where it reads back (Java's and the C library's parsers both round correctly), else
     * the exact decimal expansion.
     */
    static void appendDouble(StringBuilder out, double d) {
        if (Double.isNaN(d)) {
            out.append("NaN");
        } else if (Double.isInfinite(d)) {
            out.append(d > 0 ? "Infinity" : "-Infinity");
        } else {
            String s = Double.toString(d);
            out.append(Double.doubleToRawLongBits(Double.parseDouble(s)) == Double.doubleToRawLongBits(d) ? s
                    : new BigDecimal(d).toString());
        }
    }

    /** A float's text that the server's strtof reads back as the same float. */
    static void appendFloat(StringBuilder out, float f) {
        if (Float.isNaN(f)) {
            out.append("NaN");
        } else if (Float.isInfinite(f)) {
            out.append(f > 0 ? "Infinity" : "-Infinity");
        } else {
            String s = Float.toString(f);
            out.append(Float.floatToRawIntBits(Float.parseFloat(s)) == Float.floatToRawIntBits(f) ? s
                    : new BigDecimal(f).toString());
        }
    }
}
