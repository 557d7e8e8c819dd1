package dev.blink.pg.internal;

import dev.blink.pg.PgEncoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Chooses the encoder for a PostgreSQL type and a Java class, and holds the scalar encoders. */
final class Encoders {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000};
    /** 10000^i: the place value of each base-10000 digit of a long. */
    private static final long[] BASE_10000 = {1, 10_000, 100_000_000, 1_000_000_000_000L, 10_000_000_000_000_000L};

    private Encoders() {
    }

    /** The encoder for values of class {@code c} in a column of {@code type}, or null if it takes no such values. */
    static Encoder resolve(PgType type, Class<?> c, Session session) {
        Encoder custom = custom(type, c, session);
        return custom != null ? custom : builtIn(type, c, session);
    }

    /** Blink's own encoder for values of class {@code c} in a column of {@code type}, or null. */
    static Encoder builtIn(PgType type, Class<?> c, Session session) {
        switch (type.kind) {
            case BOOL:
                return bool(c);
            case INT2:
                return integral(c, Short.MIN_VALUE, Short.MAX_VALUE, 2, "smallint");
            case INT4:
                return integral(c, Integer.MIN_VALUE, Integer.MAX_VALUE, 4, "integer");
            case INT8:
                return integral(c, Long.MIN_VALUE, Long.MAX_VALUE, 8, "bigint");
            case OID:
                return oid(c);
            case FLOAT4:
                return float4(c);
            case FLOAT8:
                return float8(c);
            case NUMERIC:
                return numeric(c);
            case TEXT:
            case ENUM:
                return text(c);
            case CHAR:
                return internalChar(c);
            case BYTEA:
                return bytea(c);
            case UUID:
                return uuid(c);
            case DATE:
                return Times.date(c);
            case TIME:
                return Times.time(c);
            case TIMETZ:
                return Times.timetz(c);
            case TIMESTAMP:
                return Times.timestamp(c);
            case TIMESTAMPTZ:
                return Times.timestamptz(c, session.zone);
            case INTERVAL:
                return Times.interval(c);
            case JSON:
                return json(c, false);
            case JSONB:
                return json(c, true);
            case INET:
                return inet(c, false);
            case CIDR:
                return inet(c, true);
            case MACADDR:
                return macaddr(c, 6);
            case MACADDR8:
                return macaddr(c, 8);
            case ARRAY:
                return Arrays.encoder(type, c, session);
            case RANGE:
                return c == String.class ? Arrays.range(type, session) : null;
            default:
                return null;
        }
    }

    /**
     * The encoder of the user's {@link PgEncoder} that takes values of class {@code c} in a column
     * of {@code type}, or null if none does.
     */
    static Encoder custom(PgType type, Class<?> c, Session session) {
        for (PgEncoder<?> encoder : session.custom) {
            if (!encoder.javaType().isAssignableFrom(c)) {
                continue;
            }
            String name = encoder.typeName();
            boolean matches = false;
            for (PgType t = type; t != null && !matches; t = t.base) {
                matches = t.named(name);
            }
            if (!matches) {
                continue;
            }
            if (encoder instanceof ConvertingEncoder<?> converting) {
                PgType plain = type;
                Session builtIn = new Session(session.zone, java.util.List.of());
                return new Encoder() {
                    private Class<?> lastClass;
                    private Encoder last;

                    @Override
                    public void write(CopyStream out, Object value) {
                        Object converted;
                        try {
                            converted = converting.convert(value);
                        } catch (RuntimeException e) {
                            throw BadValue.of("the encoder " + converting + " failed: " + e);
                        }
                        if (converted == null) {
                            out.nullValue();
                            return;
                        }
                        if (converted.getClass() != lastClass) {
                            Encoder next = resolve(plain, converted.getClass(), builtIn);
                            if (next == null) {
                                throw BadValue.of(converting + " returned a " + converted.getClass().getName()
                                        + ", which " + plain.display() + " does not take");
                            }
                            last = next;
                            lastClass = converted.getClass();
                        }
                        last.write(out, converted);
                    }
                };
            }
            return writing(encoder);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> Encoder writing(PgEncoder<T> encoder) {
        return (out, value) -> {
            out.begin();
            try {
                encoder.encode((T) value, new Output(out));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw BadValue.of(encoder + " rejected it: " + e.getMessage());
            }
            out.end();
        };
    }

    /** The public face of the buffer, for user encoders. */
    private static final class Output implements PgEncoder.Output {
        private final CopyStream out;

        Output(CopyStream out) {
            this.out = out;
        }

        @Override
        public void writeByte(int value) {
            out.int1(value);
        }

        @Override
        public void writeInt2(int value) {
            out.int2(value);
        }

        @Override
        public void writeInt4(int value) {
            out.int4(value);
        }

        @Override
        public void writeInt8(long value) {
            out.int8(value);
        }

        @Override
        public void writeFloat4(float value) {
            out.float4(value);
        }

        @Override
        public void writeFloat8(double value) {
            out.float8(value);
        }

        @Override
        public void writeBytes(byte[] bytes) {
            out.bytes(bytes);
        }

        @Override
        public void writeText(String text) {
            out.text(text);
        }
    }

    // ---- bool ----

    private static Encoder bool(Class<?> c) {
        if (c == Boolean.class) {
            return (out, v) -> bool(out, (Boolean) v);
        }
        if (c == String.class) {
            return (out, v) -> bool(out, TextForms.bool((String) v));
        }
        return null;
    }

    static void bool(CopyStream out, boolean b) {
        out.int4(1);
        out.int1(b ? 1 : 0);
    }

    // ---- integers ----

    private static BadValue outOfRange(Object v, String type, long min, long max) {
        return BadValue.of("out of range for " + type + " (" + min + " to " + max + ")");
    }

    private static void writeIntegral(CopyStream out, long v, int size) {
        switch (size) {
            case 2 -> out.valueInt2((int) v);
            case 4 -> out.valueInt4((int) v);
            default -> out.valueInt8(v);
        }
    }

    private static Encoder integral(Class<?> c, long min, long max, int size, String type) {
        if (c == Integer.class && size == 4 || c == Long.class && size == 8 || c == Short.class && size == 2) {
            return size == 4 ? (out, v) -> out.valueInt4((Integer) v)
                    : size == 8 ? (out, v) -> out.valueInt8((Long) v) : (out, v) -> out.valueInt2((Short) v);
        }
        if (c == Integer.class || c == Long.class || c == Short.class || c == Byte.class
                || c == java.util.concurrent.atomic.AtomicInteger.class
                || c == java.util.concurrent.atomic.AtomicLong.class) {
            return (out, v) -> {
                long l = ((Number) v).longValue();
                if (l < min || l > max) {
                    throw outOfRange(v, type, min, max);
                }
                writeIntegral(out, l, size);
            };
        }
        if (c == BigInteger.class) {
            return (out, v) -> {
                BigInteger b = (BigInteger) v;
                if (b.bitLength() > 63 || b.longValue() < min || b.longValue() > max) {
                    throw outOfRange(v, type, min, max);
                }
                writeIntegral(out, b.longValue(), size);
            };
        }
        if (c == BigDecimal.class) {
            return (out, v) -> {
                BigDecimal d = (BigDecimal) v;
                BigInteger b;
                try {
                    b = d.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    throw BadValue.of("it has a fractional part, and " + type + " holds whole numbers");
                }
                if (b.bitLength() > 63 || b.longValue() < min || b.longValue() > max) {
                    throw outOfRange(v, type, min, max);
                }
                writeIntegral(out, b.longValue(), size);
            };
        }
        if (c == String.class) {
            return (out, v) -> writeIntegral(out, TextForms.integer((String) v, min, max, type), size);
        }
        return null;
    }

    private static Encoder oid(Class<?> c) {
        if (c == Integer.class || c == Long.class || c == Short.class || c == Byte.class) {
            return (out, v) -> {
                long l = ((Number) v).longValue();
                if (l < 0 || l > 0xffffffffL) {
                    throw outOfRange(v, "oid", 0, 0xffffffffL);
                }
                out.valueInt4((int) l);
            };
        }
        if (c == String.class) {
            return (out, v) -> {
                long l = TextForms.integer((String) v, Integer.MIN_VALUE, 0xffffffffL, "oid");
                out.valueInt4((int) l);
            };
        }
        return null;
    }

    // ---- floats ----

    private static Encoder float4(Class<?> c) {
        if (c == Float.class) {
            return (out, v) -> {
                out.int4(4);
                out.float4((Float) v);
            };
        }
        if (c == String.class) {
            return (out, v) -> {
                float f = TextForms.float4((String) v);
                out.int4(4);
                out.float4(f);
            };
        }
        if (Number.class.isAssignableFrom(c)) {
            return (out, v) -> {
                double d = ((Number) v).doubleValue();
                float f = (float) d;
                if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                    throw BadValue.of("out of range for real");
                }
                out.int4(4);
                out.float4(f);
            };
        }
        return null;
    }

    private static Encoder float8(Class<?> c) {
        if (c == Double.class) {
            return (out, v) -> {
                out.int4(8);
                out.float8((Double) v);
            };
        }
        if (c == String.class) {
            return (out, v) -> {
                double d = TextForms.float8((String) v);
                out.int4(8);
                out.float8(d);
            };
        }
        if (Number.class.isAssignableFrom(c)) {
            return (out, v) -> {
                double d = ((Number) v).doubleValue();
                if (Double.isInfinite(d) && !(v instanceof Float)) {
                    throw BadValue.of("out of range for double precision");
                }
                out.int4(8);
                out.float8(d);
            };
        }
        return null;
    }

    // ---- numeric ----

    private static Encoder numeric(Class<?> c) {
        if (c == BigDecimal.class) {
            return (out, v) -> numeric(out, (BigDecimal) v);
        }
        if (c == Long.class || c == Integer.class || c == Short.class || c == Byte.class) {
            return (out, v) -> numeric(out, ((Number) v).longValue());
        }
        if (c == BigInteger.class) {
            return (out, v) -> numeric(out, new BigDecimal((BigInteger) v));
        }
        if (c == Double.class || c == Float.class) {
            return (out, v) -> {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    numericSpecial(out, d);
                } else {
                    numeric(out, v instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d));
                }
            };
        }
        if (c == String.class) {
            return (out, v) -> {
                Object parsed = TextForms.numeric((String) v);
                if (parsed instanceof BigDecimal d) {
                    numeric(out, d);
                } else {
                    numericSpecial(out, (Double) parsed);
                }
            };
        }
        return null;
    }

    private static void numericSpecial(CopyStream out, double d) {
        out.int4(8);
        out.int2(0);
        out.int2(0);
        out.int2(Double.isNaN(d) ? 0xC000 : d > 0 ? 0xD000 : 0xF000);
        out.int2(0);
    }

    /** A long as numeric with scale 0, without BigDecimal. */
    static void numeric(CopyStream out, long v) {
        if (v == Long.MIN_VALUE) {
            numeric(out, BigDecimal.valueOf(v));
            return;
        }
        writeNumeric(out, Math.abs(v), 0, v < 0 ? 0x4000 : 0, 0);
    }

    static void numeric(CopyStream out, BigDecimal d) {
        int scale = d.scale();
        BigInteger unscaled = d.unscaledValue();
        if (scale >= 0 && scale <= 0x3FFF && unscaled.bitLength() < 50) {
            // the common case: no precision checks, long arithmetic only
            int pad = (4 - scale % 4) % 4;
            long abs = Math.abs(unscaled.longValue()) * POW10[pad];
            writeNumeric(out, abs, (scale + pad) / 4, unscaled.signum() < 0 ? 0x4000 : 0, scale);
            return;
        }
        if ((long) d.precision() - scale > 131_072) {
            throw BadValue.of("value overflows numeric format (more than 131072 digits before the point)");
        }
        if (scale < 0) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(-scale));
            scale = 0;
        }
        if (scale > 0x3FFF) {
            throw BadValue.of("its scale " + scale + " exceeds numeric's maximum of 16383; round it first");
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
                    groups = java.util.Arrays.copyOf(groups, n * 2);
                }
                groups[n++] = (short) (low % 10_000);
                low /= 10_000;
            }
        }
        while (n > 0 && groups[n - 1] == 0) {
            n--;
        }
        writeNumeric(out, groups, n, n - 1 - fractionGroups, sign, scale);
    }

    /**
     * A numeric whose digits fit a long: {@code abs} in base-10000 digits (at most five, since it
     * is below 10^19), the last {@code fractionGroups} of them after the point. No array, so the
     * common value allocates nothing here.
     */
    private static void writeNumeric(CopyStream out, long abs, int fractionGroups, int sign, int dscale) {
        int n = 0;
        while (n < BASE_10000.length && abs >= BASE_10000[n]) {
            n++;
        }
        int low = 0;
        while (low < n && abs / BASE_10000[low] % 10_000 == 0) {
            low++;
        }
        int ndigits = n - low;
        out.int4(8 + 2 * ndigits);
        out.int2(ndigits);
        out.int2(ndigits == 0 ? 0 : n - 1 - fractionGroups);
        out.int2(ndigits == 0 ? 0 : sign);
        out.int2(dscale);
        for (int i = n - 1; i >= low; i--) {
            out.int2((int) (abs / BASE_10000[i] % 10_000));
        }
    }

    /** groups: base-10000 digits, least significant first; n of them; weight of the most significant. */
    private static void writeNumeric(CopyStream out, short[] groups, int n, int weight, int sign, int dscale) {
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

    // ---- text ----

    private static Encoder text(Class<?> c) {
        if (c == String.class) {
            return (out, v) -> out.textValue((String) v);
        }
        if (c == Character.class) {
            return (out, v) -> out.textValue(String.valueOf((char) (Character) v));
        }
        if (Enum.class.isAssignableFrom(c)) {
            return (out, v) -> out.textValue(((Enum<?>) v).name());
        }
        if (CharSequence.class.isAssignableFrom(c)) {
            return (out, v) -> out.textValue((CharSequence) v);
        }
        return null;
    }

    private static Encoder internalChar(Class<?> c) {
        if (c == Character.class) {
            return (out, v) -> {
                char ch = (Character) v;
                if (ch >= 0x80) {
                    throw BadValue.of("\"char\" holds one byte; use a character below U+0080");
                }
                out.int4(1);
                out.int1(ch);
            };
        }
        if (c == String.class) {
            return (out, v) -> {
                String s = (String) v;
                int b;
                if (s.length() == 4 && s.charAt(0) == '\\' && s.chars().skip(1).allMatch(x -> x >= '0' && x <= '7')) {
                    b = Integer.parseInt(s.substring(1), 8) & 0xff;
                } else {
                    byte[] bytes = CopyStream.utf8(s);
                    b = bytes.length == 0 ? 0 : bytes[0];
                }
                out.int4(1);
                out.int1(b);
            };
        }
        return null;
    }

    // ---- bytea ----

    private static Encoder bytea(Class<?> c) {
        if (c == byte[].class) {
            return (out, v) -> {
                byte[] b = (byte[]) v;
                out.int4(b.length);
                out.bytes(b, 0, b.length);
            };
        }
        if (ByteBuffer.class.isAssignableFrom(c)) {
            return (out, v) -> {
                ByteBuffer b = ((ByteBuffer) v).duplicate();
                out.int4(b.remaining());
                if (b.hasArray()) {
                    out.bytes(b.array(), b.arrayOffset() + b.position(), b.remaining());
                } else {
                    byte[] copy = new byte[b.remaining()];
                    b.get(copy);
                    out.bytes(copy, 0, copy.length);
                }
            };
        }
        if (c == String.class) {
            return (out, v) -> {
                byte[] b = TextForms.bytea((String) v);
                out.int4(b.length);
                out.bytes(b, 0, b.length);
            };
        }
        return null;
    }

    // ---- uuid ----

    static void uuid(CopyStream out, UUID u) {
        out.int4(16);
        out.int8(u.getMostSignificantBits());
        out.int8(u.getLeastSignificantBits());
    }

    private static Encoder uuid(Class<?> c) {
        if (c == UUID.class) {
            return (out, v) -> uuid(out, (UUID) v);
        }
        if (c == String.class) {
            return (out, v) -> uuid(out, TextForms.uuid((String) v));
        }
        return null;
    }

    // ---- json ----

    private static Encoder json(Class<?> c, boolean binary) {
        if (c == String.class) {
            return binary ? (out, v) -> jsonb(out, (String) v) : (out, v) -> out.textValue((String) v);
        }
        if (Json.writable(c)) {
            return binary ? (out, v) -> {
                String json = Json.write(v);
                out.begin();
                out.int1(1);
                out.text(json);
                out.end();
            } : (out, v) -> out.textValue(Json.write(v));
        }
        return null;
    }

    /** JSON text as jsonb: version 1, then the text. */
    static void jsonb(CopyStream out, String json) {
        out.begin();
        out.int1(1);
        out.text(json);
        out.end();
    }

    // ---- network ----

    private static void inet(CopyStream out, byte[] address, int bits, boolean cidr) {
        out.int4(4 + address.length);
        out.int1(address.length == 4 ? 2 : 3);
        out.int1(bits);
        out.int1(cidr ? 1 : 0);
        out.int1(address.length);
        out.bytes(address);
    }

    private static Encoder inet(Class<?> c, boolean cidr) {
        if (InetAddress.class.isAssignableFrom(c)) {
            return (out, v) -> {
                byte[] address = ((InetAddress) v).getAddress();
                inet(out, address, v instanceof Inet4Address ? 32 : 128, cidr);
            };
        }
        if (c == String.class) {
            return (out, v) -> {
                TextForms.Inet parsed = TextForms.inet((String) v, cidr);
                inet(out, parsed.address(), parsed.bits(), cidr);
            };
        }
        return null;
    }

    private static Encoder macaddr(Class<?> c, int size) {
        if (c == byte[].class) {
            return (out, v) -> writeMac(out, (byte[]) v, size);
        }
        if (c == String.class) {
            return (out, v) -> writeMac(out, TextForms.macaddr((String) v, size), size);
        }
        return null;
    }

    private static void writeMac(CopyStream out, byte[] b, int size) {
        if (b.length == size) {
            out.int4(size);
            out.bytes(b);
        } else if (size == 8 && b.length == 6) {
            out.int4(8);
            out.bytes(b, 0, 3);
            out.int1(0xff);
            out.int1(0xfe);
            out.bytes(b, 3, 3);
        } else {
            throw BadValue.of("a MAC address has " + size + " bytes" + (size == 8 ? " (or 6)" : "")
                    + ", this one has " + b.length);
        }
    }
}
