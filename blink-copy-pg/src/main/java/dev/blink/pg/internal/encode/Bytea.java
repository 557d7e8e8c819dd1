package dev.blink.pg.internal.encode;

import java.nio.ByteBuffer;

/** bytea: a byte[], or a ByteBuffer's remaining bytes (its position is not moved). Text: hex. */
final class Bytea {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytea() {
    }

    static Encoder binary(Class<?> c) {
        // streamed from the array or buffer, never copied whole, and refused over the field limit
        if (c == byte[].class) {
            return (out, v) -> out.byteaValue((byte[]) v, 0, ((byte[]) v).length);
        }
        if (ByteBuffer.class.isAssignableFrom(c)) {
            return (out, v) -> out.byteaValue((ByteBuffer) v);
        }
        return null;
    }

    static TextEncoder text(Class<?> c) {
        if (c == byte[].class) {
            return (out, v) -> hex(out, ByteBuffer.wrap((byte[]) v));
        }
        if (ByteBuffer.class.isAssignableFrom(c)) {
            return (out, v) -> hex(out, ((ByteBuffer) v).duplicate());
        }
        return null;
    }

    /** bytea's hex form, {@code \x0102ff}, read the same whatever {@code bytea_output} says. */
    private static void hex(StringBuilder out, ByteBuffer b) {
        out.ensureCapacity(out.length() + 2 + 2 * b.remaining());
        out.append("\\x");
        while (b.hasRemaining()) {
            int x = b.get() & 0xff;
            out.append(HEX[x >>> 4]).append(HEX[x & 0xf]);
        }
    }

    /** Hex digits of bytes, for MAC addresses. */
    static char[] hexDigits() {
        return HEX;
    }
}
