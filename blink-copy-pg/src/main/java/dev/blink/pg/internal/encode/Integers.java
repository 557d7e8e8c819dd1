package dev.blink.pg.internal.encode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** int2, int4, int8 and oid: Java integers within the type's range, never wrapped. */
final class Integers {

    private Integers() {
    }

    /** A type's range and name. */
    private record Range(long min, long max, String name) {

        static Range of(Kind kind) {
            return switch (kind) {
                case INT2 -> new Range(Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
                case INT4 -> new Range(Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
                case INT8 -> new Range(Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
                default -> new Range(0, 0xffffffffL, "oid");
            };
        }

        long check(long l) {
            if (l < min || l > max) {
                throw outOfRange();
            }
            return l;
        }

        BadValue outOfRange() {
            return BadValue.of("out of range for " + name + " (" + min + " to " + max + ")");
        }

        /** Any integer the type takes, as a long within the range. */
        long value(Object v) {
            if (v instanceof BigDecimal d) {
                try {
                    return big(d.toBigIntegerExact());
                } catch (ArithmeticException e) {
                    throw BadValue.of("it has a fractional part, and " + name + " holds whole numbers");
                }
            }
            if (v instanceof BigInteger b) {
                return big(b);
            }
            return check(((Number) v).longValue());
        }

        private long big(BigInteger b) {
            if (b.bitLength() > 63) {
                throw outOfRange();
            }
            return check(b.longValue());
        }
    }

    static Encoder binary(Kind kind, Class<?> c) {
        if (kind == Kind.INT2 && c == Short.class) {
            return Direct.INT2;
        }
        if (kind == Kind.INT4 && c == Integer.class) {
            return Direct.INT4;
        }
        if (kind == Kind.INT8 && c == Long.class) {
            return Direct.INT8;
        }
        if (!takes(kind, c)) {
            return null;
        }
        Range range = Range.of(kind);
        boolean small = c == Integer.class || c == Long.class || c == Short.class || c == Byte.class;
        return switch (kind) {
            case INT2 -> small ? (out, v) -> out.valueInt2((int) range.check(((Number) v).longValue()))
                    : (out, v) -> out.valueInt2((int) range.value(v));
            case INT8 -> small ? (out, v) -> out.valueInt8(((Number) v).longValue())
                    : (out, v) -> out.valueInt8(range.value(v));
            // int4, and oid: the unsigned value's 4 bytes
            default -> small ? (out, v) -> out.valueInt4((int) range.check(((Number) v).longValue()))
                    : (out, v) -> out.valueInt4((int) range.value(v));
        };
    }

    static TextEncoder text(Kind kind, Class<?> c) {
        if (!takes(kind, c)) {
            return null;
        }
        Range range = Range.of(kind);
        return (out, v) -> out.append(range.value(v));
    }

    private static boolean takes(Kind kind, Class<?> c) {
        return c == Integer.class || c == Long.class || c == Short.class || c == Byte.class
                || c == AtomicInteger.class || c == AtomicLong.class
                || kind != Kind.OID && (c == BigInteger.class || c == BigDecimal.class);
    }
}
