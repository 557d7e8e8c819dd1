package dev.blink.pg.internal;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * One reusable, unsynchronized, big-endian buffer for a binary COPY, handed to the driver in large
 * chunks. Variable-length values reserve their length word with {@link #begin()} and fill it in
 * with {@link #end()}; an open value is kept in the buffer (which grows if needed) until it ends.
 * Without a {@link CopyIn} it only collects bytes, for values encoded once (constant columns).
 */
final class CopyStream {

    static final int SIZE = 1 << 16;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};

    private final CopyIn copy;
    private byte[] buf;
    private int pos;
    private int[] marks = new int[8];
    private int depth;
    private long sent;

    CopyStream(CopyIn copy, int size) {
        this.copy = copy;
        this.buf = new byte[size];
    }

    /** A stream that only collects bytes in memory. */
    static CopyStream inMemory() {
        return new CopyStream(null, 256);
    }

    void header() {
        bytes(HEADER, 0, HEADER.length);
    }

    /** Makes room for {@code n} more bytes: flushes what is complete, or grows. */
    void ensure(int n) {
        if (buf.length - pos < n) {
            makeRoom(n);
        }
    }

    private void makeRoom(int n) {
        int complete = depth == 0 ? pos : marks[0];
        if (copy != null && complete > 0) {
            send(0, complete);
            System.arraycopy(buf, complete, buf, 0, pos - complete);
            pos -= complete;
            for (int i = 0; i < depth; i++) {
                marks[i] -= complete;
            }
        }
        if (buf.length - pos < n) {
            long want = Math.max((long) buf.length * 2, (long) pos + n);
            if (want > Integer.MAX_VALUE - 16) {
                throw BadValue.of("the value is larger than 2 GB");
            }
            byte[] bigger = new byte[(int) want];
            System.arraycopy(buf, 0, bigger, 0, pos);
            buf = bigger;
        }
    }

    private void send(int from, int length) {
        try {
            copy.writeToCopy(buf, from, length);
        } catch (SQLException e) {
            throw new CopyFailure(e);
        }
        sent += length;
    }

    /** Hands every complete byte to the driver (not those of a value still open). */
    void flush() {
        if (copy != null && depth == 0 && pos > 0) {
            send(0, pos);
            pos = 0;
        }
    }

    /** Bytes handed to the driver so far. */
    long sent() {
        return sent;
    }

    /** Bytes waiting in the buffer. */
    int buffered() {
        return pos;
    }

    /** The bytes collected (in-memory streams). */
    byte[] toByteArray() {
        return java.util.Arrays.copyOf(buf, pos);
    }

    /** Starts a value whose length is not known yet. */
    public void begin() {
        ensure(4);
        if (depth == marks.length) {
            marks = java.util.Arrays.copyOf(marks, depth * 2);
        }
        marks[depth++] = pos;
        pos += 4;
    }

    /** Ends the value started last, writing its length. */
    public void end() {
        int at = marks[--depth];
        putInt4(at, pos - at - 4);
    }

    /** Overwrites 4 bytes at {@code offset} bytes after the length word of the value open now. */
    void patchInt4(int offset, int value) {
        putInt4(marks[depth - 1] + 4 + offset, value);
    }

    /** Forgets open values (after a failure, before the stream is reused for nothing). */
    void reset() {
        depth = 0;
        pos = 0;
    }

    private void putInt4(int at, int v) {
        byte[] b = buf;
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** One byte. */
    public void int1(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    /** A big-endian 2-byte integer. */
    public void int2(int v) {
        ensure(2);
        byte[] b = buf;
        int p = pos;
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
        pos = p + 2;
    }

    /** A big-endian 4-byte integer. */
    public void int4(int v) {
        ensure(4);
        putInt4(pos, v);
        pos += 4;
    }

    /** A big-endian 8-byte integer. */
    public void int8(long v) {
        ensure(8);
        byte[] b = buf;
        int p = pos;
        b[p] = (byte) (v >>> 56);
        b[p + 1] = (byte) (v >>> 48);
        b[p + 2] = (byte) (v >>> 40);
        b[p + 3] = (byte) (v >>> 32);
        b[p + 4] = (byte) (v >>> 24);
        b[p + 5] = (byte) (v >>> 16);
        b[p + 6] = (byte) (v >>> 8);
        b[p + 7] = (byte) v;
        pos = p + 8;
    }

    /** A whole fixed-size value: length 2, then the int2. */
    void valueInt2(int v) {
        ensure(6);
        putInt4(pos, 2);
        buf[pos + 4] = (byte) (v >>> 8);
        buf[pos + 5] = (byte) v;
        pos += 6;
    }

    /** A whole fixed-size value: length 4, then the int4. */
    void valueInt4(int v) {
        ensure(8);
        putInt4(pos, 4);
        putInt4(pos + 4, v);
        pos += 8;
    }

    /** A whole fixed-size value: length 8, then the int8. */
    void valueInt8(long v) {
        ensure(12);
        putInt4(pos, 8);
        pos += 4;
        int8(v);
    }

    /** SQL NULL. */
    void nullValue() {
        int4(-1);
    }

    /** A 4-byte IEEE float (NaN canonical). */
    public void float4(float v) {
        int4(Float.floatToIntBits(v));
    }

    /** An 8-byte IEEE float (NaN canonical). */
    public void float8(double v) {
        int8(Double.doubleToLongBits(v));
    }

    /** Raw bytes. */
    public void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    /** Raw bytes from a slice; a large slice outside any open value goes to the driver directly. */
    public void bytes(byte[] b, int off, int len) {
        if (buf.length - pos < len) {
            if (copy != null && depth == 0 && len >= SIZE / 2) {
                flush();
                try {
                    copy.writeToCopy(b, off, len);
                } catch (SQLException e) {
                    throw new CopyFailure(e);
                }
                sent += len;
                return;
            }
            makeRoom(len);
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** A whole text value: its UTF-8 length, then the bytes. Rejects NUL and lone surrogates. */
    void textValue(CharSequence s) {
        int n = s.length();
        if (n > 8192) {
            byte[] bytes = utf8(s);
            int4(bytes.length);
            bytes(bytes, 0, bytes.length);
            return;
        }
        ensure(4 + 3 * n);
        int start = pos;
        pos = start + 4;
        utf8Into(s);
        putInt4(start, pos - start - 4);
    }

    /** UTF-8 text without a length word; the caller has opened a value or knows the length. */
    public void text(CharSequence s) {
        int n = s.length();
        if (n > 8192) {
            byte[] bytes = utf8(s);
            bytes(bytes, 0, bytes.length);
            return;
        }
        ensure(3 * n);
        utf8Into(s);
    }

    private void utf8Into(CharSequence s) {
        byte[] b = buf;
        int p = pos;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    throw nul();
                }
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                char low;
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(low = s.charAt(i + 1))) {
                    throw loneSurrogate(i);
                }
                int cp = Character.toCodePoint(c, low);
                i++;
                b[p++] = (byte) (0xf0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        pos = p;
    }

    /** Text as UTF-8 bytes, checked like {@link #textValue}. */
    static byte[] utf8(CharSequence s) {
        CopyStream scratch = new CopyStream(null, Math.max(16, s.length() * 3));
        scratch.utf8Into(s);
        return scratch.toByteArray();
    }

    private static BadValue nul() {
        return BadValue.of("it contains a NUL character (\\0), which PostgreSQL text cannot hold; remove it or use bytea");
    }

    private static BadValue loneSurrogate(int index) {
        return BadValue.of("it contains an unpaired UTF-16 surrogate at index " + index + ", which is not valid UTF-8");
    }
}
