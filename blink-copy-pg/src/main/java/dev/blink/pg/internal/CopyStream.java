package dev.blink.pg.internal;

import dev.blink.pg.internal.encode.BadValue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/**
 * One reusable, unsynchronized, big-endian buffer for a binary COPY, handed to the driver in large
 * chunks. Variable-length values reserve their length word with {@link #begin()} and fill it in
 * with {@link #end()}; an open value is kept in the buffer (which grows if needed) until it ends.
 * A whole text or bytea value ({@link #textValue}, {@link #byteaValue}) knows its length first and
 * streams from the String, array or ByteBuffer in chunks, so it costs no copy of its own size; one
 * over PostgreSQL's field limit ({@link #MAX_FIELD}) is refused before any byte of it is sent.
 * Bytes go to the driver in CopyData messages of at most {@link #SIZE} bytes; before each, the
 * {@link CopyWatch} may stop the COPY. Without a {@link CopyIn} it only collects bytes, for values
 * encoded once (constant columns).
 *
 * <p>A table sent as COPY text uses the same buffer: {@link #copyText} writes a field's text with
 * COPY's escapes, {@link #textNull} the NULL marker, {@link #int1} the tab and newline between.
 */
public final class CopyStream {

    static final int SIZE = 1 << 16;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    // Views that read and write 2, 4 or 8 bytes in one instruction; byte-by-byte stores are not merged by C2 on 17
    private static final VarHandle INT2 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT4 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT8 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /**
     * The most bytes PostgreSQL stores in one field: a varlena is at most 1 GB with its 4-byte
     * length header ({@code MaxAllocSize}, 2^30 - 1 bytes, limits every value the server allocates).
     */
    static final int MAX_FIELD = (1 << 30) - 1 - 4;
    /** Longer text is measured first, then encoded in chunks of this many chars. */
    private static final int MAX_INLINE_CHARS = 8192;

    /** A COPY's first buffer. */
    private static final int START = 4096;

    private final CopyIn copy;
    private final CopyWatch watch;
    /** What the buffer grows to before it sends. */
    private final int limit;
    private byte[] buf;
    private int pos;
    private int[] marks = new int[8];
    private int depth;
    private long sent;
    private char[] chars = new char[64];

    /**
     * @param size the buffer's size before it sends: a COPY's buffer starts at {@value #START} bytes
     *     and grows to {@code size} before it first sends (a table of a few rows then never clears
     *     64 KiB: for a seed of many small tables that was a third of its client CPU)
     */
    CopyStream(CopyIn copy, int size, CopyWatch watch) {
        this.copy = copy;
        this.watch = watch;
        this.limit = size;
        this.buf = new byte[copy == null ? size : Math.min(size, START)];
    }

    /** A stream that only collects bytes in memory. */
    public static CopyStream inMemory() {
        return new CopyStream(null, 256, CopyWatch.NONE);
    }

    public void header() {
        bytes(HEADER, 0, HEADER.length);
    }

    /** Makes room for {@code n} more bytes: flushes what is complete, or grows. */
    void ensure(int n) {
        if (buf.length - pos < n) {
            makeRoom(n);
        }
    }

    private void makeRoom(int n) {
        if (copy != null && buf.length < limit && (long) pos + n <= limit) {
            buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(4L * buf.length, (long) pos + n)));
            return;
        }
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
        write(buf, from, length);
    }

    /** Hands bytes to the driver, in messages of at most {@link #SIZE}, each after asking the watch. */
    private void write(byte[] b, int off, int len) {
        int end = off + len;
        for (int at = off; at < end; at += SIZE) {
            int n = Math.min(SIZE, end - at);
            watch.beforeChunk();
            try {
                copy.writeToCopy(b, at, n);
            } catch (SQLException e) {
                throw new CopyFailure(e);
            }
            sent += n;
        }
    }

    /**
     * Raw bytes outside any value as one CopyData message, after what is buffered and one look of
     * the watch: for text read from a file in large chunks, which needs no buffering.
     */
    void message(byte[] b, int off, int len) {
        flush();
        watch.beforeChunk();
        try {
            copy.writeToCopy(b, off, len);
        } catch (SQLException e) {
            throw new CopyFailure(e);
        }
        sent += len;
    }

    /** Lets the watch look at the COPY between rows (the row loop calls it every few rows). */
    void betweenRows() {
        watch.betweenRows();
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
    public byte[] toByteArray() {
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
    public void patchInt4(int offset, int value) {
        putInt4(marks[depth - 1] + 4 + offset, value);
    }

    /** Forgets open values (after a failure, before the stream is reused for nothing). */
    void reset() {
        depth = 0;
        pos = 0;
    }

    private void putInt4(int at, int v) {
        INT4.set(buf, at, v);
    }

    /**
     * Makes room for a field of {@code n} bytes at most, written then by the {@code …InRoom} puts:
     * one check per field instead of one per word. (A put past the room still fails, on the array's
     * own bounds check, rather than writing anywhere.)
     */
    public void room(int n) {
        ensure(n);
    }

    /** One byte, into the {@link #room}. */
    public void int1InRoom(int v) {
        buf[pos++] = (byte) v;
    }

    /** A big-endian 2-byte integer, into the {@link #room}. */
    public void int2InRoom(int v) {
        INT2.set(buf, pos, (short) v);
        pos += 2;
    }

    /** A big-endian 4-byte integer, into the {@link #room}. */
    public void int4InRoom(int v) {
        putInt4(pos, v);
        pos += 4;
    }

    /** A big-endian 8-byte integer, into the {@link #room}. */
    public void int8InRoom(long v) {
        INT8.set(buf, pos, v);
        pos += 8;
    }

    /** One byte. */
    public void int1(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    /** A big-endian 2-byte integer. */
    public void int2(int v) {
        ensure(2);
        INT2.set(buf, pos, (short) v);
        pos += 2;
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
        INT8.set(buf, pos, v);
        pos += 8;
    }

    /** A whole fixed-size value: length 2, then the int2. */
    public void valueInt2(int v) {
        ensure(6);
        putInt4(pos, 2);
        INT2.set(buf, pos + 4, (short) v);
        pos += 6;
    }

    /** A whole fixed-size value: length 4, then the int4. */
    public void valueInt4(int v) {
        ensure(8);
        putInt4(pos, 4);
        putInt4(pos + 4, v);
        pos += 8;
    }

    /** A whole fixed-size value: length 8, then the int8. */
    public void valueInt8(long v) {
        ensure(12);
        putInt4(pos, 8);
        INT8.set(buf, pos + 4, v);
        pos += 12;
    }

    /** SQL NULL. */
    public void nullValue() {
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
                write(b, off, len);
                return;
            }
            makeRoom(len);
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /**
     * A whole text value: its UTF-8 length, then the bytes. Rejects NUL and lone surrogates. Long
     * text is measured first and then encoded chunk by chunk from the sequence itself.
     */
    public void textValue(CharSequence s) {
        int n = s.length();
        if (n > MAX_INLINE_CHARS) {
            longValue(s, false);
            return;
        }
        String string = s.toString();
        ensure(4 + 3 * n);
        int start = pos;
        pos = start + 4;
        utf8Into(string);
        putInt4(start, pos - start - 4);
    }

    /** A whole jsonb value: its length, version 1, then the JSON text's UTF-8. */
    public void jsonbValue(CharSequence json) {
        if (json.length() > MAX_INLINE_CHARS) {
            longValue(json, true);
            return;
        }
        begin();
        int1(1);
        text(json);
        end();
    }

    /** UTF-8 text without a length word; the caller has opened a value or knows the length. */
    public void text(CharSequence s) {
        int n = s.length();
        if (n > MAX_INLINE_CHARS) {
            utf8Chunks(s);
            return;
        }
        ensure(3 * n);
        utf8Into(s.toString());
    }

    /**
     * Long text as a whole value: measured (and checked) first, so that its length word goes
     * before it and no byte of it is sent if it is refused, then encoded in chunks through the
     * buffer (which flushes as it fills): no copy of the text's size is made.
     */
    private void longValue(CharSequence s, boolean jsonb) {
        int extra = jsonb ? 1 : 0;
        if ((long) s.length() + extra > MAX_FIELD) { // a char is at least a byte: no need to measure
            throw tooLarge("at least " + ((long) s.length() + extra));
        }
        long length = utf8Length(s) + extra;
        checkField(length);
        int4((int) length);
        if (jsonb) {
            int1(1);
        }
        long written = utf8Chunks(s) + extra;
        if (written != length) {
            throw BadValue.of("the text changed while it was written (" + length + " bytes measured, " + written
                    + " written); do not change a CharSequence during the seed");
        }
    }

    /** A whole bytea value from a slice of an array, sent from the array itself. */
    public void byteaValue(byte[] b, int off, int len) {
        checkField(len);
        int4(len);
        bytes(b, off, len);
    }

    /**
     * A whole bytea value: the buffer's remaining bytes (its position is not moved). A direct or
     * mapped buffer is copied in chunks through the stream's buffer, never whole onto the heap.
     */
    public void byteaValue(ByteBuffer value) {
        int len = value.remaining();
        if (value.hasArray()) {
            byteaValue(value.array(), value.arrayOffset() + value.position(), len);
            return;
        }
        checkField(len);
        int4(len);
        ByteBuffer from = value.duplicate();
        while (from.hasRemaining()) {
            int n = Math.min(from.remaining(), SIZE);
            ensure(n);
            from.get(buf, pos, n);
            pos += n;
        }
    }

    private static void checkField(long length) {
        if (length > MAX_FIELD) {
            throw tooLarge(String.valueOf(length));
        }
    }

    private static BadValue tooLarge(String bytes) {
        return BadValue.of("it is " + bytes + " bytes, more than the " + MAX_FIELD + " bytes PostgreSQL stores in "
                + "one field (1 GB, with its length header); nothing of it was sent. Split it, or keep it outside "
                + "the row (a large object, a file)");
    }

    /** The UTF-8 length of {@code s}, checked like {@link #textValue}: in chunks, without a copy of {@code s}. */
    private long utf8Length(CharSequence s) {
        int n = s.length();
        char[] cs = chunkChars();
        long length = 0;
        for (int from = 0; from < n; ) {
            int to = chunkEnd(s, from, n);
            getChars(s, from, to, cs);
            for (int i = 0, k = to - from; i < k; i++) {
                char c = cs[i];
                if (c < 0x80) {
                    if (c == 0) {
                        throw nul();
                    }
                    length++;
                } else if (c < 0x800) {
                    length += 2;
                } else if (Character.isSurrogate(c)) {
                    if (!Character.isHighSurrogate(c) || i + 1 >= k || !Character.isLowSurrogate(cs[i + 1])) {
                        throw loneSurrogate(from + i);
                    }
                    i++;
                    length += 4;
                } else {
                    length += 3;
                }
            }
            from = to;
        }
        return length;
    }

    /** Encodes {@code s} chunk by chunk through the buffer; returns the bytes written. */
    private long utf8Chunks(CharSequence s) {
        int n = s.length();
        char[] cs = chunkChars();
        long written = 0;
        for (int from = 0; from < n; ) {
            int to = chunkEnd(s, from, n);
            int k = to - from;
            getChars(s, from, to, cs);
            ensure(3 * k);
            int start = pos;
            utf8Into(cs, k, from);
            written += pos - start;
            from = to;
        }
        return written;
    }

    private char[] chunkChars() {
        if (chars.length < MAX_INLINE_CHARS) {
            chars = new char[MAX_INLINE_CHARS];
        }
        return chars;
    }

    /** Where the chunk from {@code from} ends: never between the two chars of a surrogate pair. */
    private static int chunkEnd(CharSequence s, int from, int n) {
        int to = (int) Math.min(n, (long) from + MAX_INLINE_CHARS);
        if (to < n && Character.isHighSurrogate(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static void getChars(CharSequence s, int from, int to, char[] into) {
        if (s instanceof String string) {
            string.getChars(from, to, into, 0);
        } else if (s instanceof StringBuilder builder) {
            builder.getChars(from, to, into, 0);
        } else if (s instanceof StringBuffer buffer) {
            buffer.getChars(from, to, into, 0);
        } else if (s instanceof CharBuffer buffer) {
            buffer.duplicate().position(buffer.position() + from).get(into, 0, to - from);
        } else {
            for (int i = from; i < to; i++) {
                into[i - from] = s.charAt(i);
            }
        }
    }

    /**
     * Writes the UTF-8 of {@code s} at {@code pos}; the buffer has room for 3 bytes per char. The
     * chars are copied out in bulk (vectorized for Latin-1 strings) into a reused array, then
     * written by {@link #utf8Into(char[], int, int)}.
     */
    private void utf8Into(String s) {
        int n = s.length();
        char[] cs = chars;
        if (cs.length < n) {
            cs = chars = new char[Math.max(n, cs.length * 2)];
        }
        s.getChars(0, n, cs, 0);
        utf8Into(cs, n, 0);
    }

    /**
     * Writes the UTF-8 of {@code cs[0..n)} at {@code pos}; the buffer has room for 3 bytes per char.
     * One branch-free pass stores each char as a byte while OR-ing into {@code bits} what would
     * make that wrong: {@code c | (c - 1)} stays below 0x80 only for 1..0x7F, so NUL and non-ASCII
     * both show. Only then does the careful loop run, overwriting the same bytes.
     *
     * @param base the index of {@code cs[0]} in the whole text, for errors
     */
    private void utf8Into(char[] cs, int n, int base) {
        byte[] b = buf;
        int p = pos;
        int bits = 0;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            bits |= c | (c - 1);
            b[p + i] = (byte) c;
        }
        if ((bits & ~0x7F) == 0) {
            pos = p + n;
        } else {
            utf8Careful(cs, 0, n, base);
        }
    }

    /** The careful loop: writes the UTF-8 of {@code cs[from..to)} at {@code pos}. */
    private void utf8Careful(char[] cs, int from, int to, int base) {
        byte[] b = buf;
        int p = pos;
        for (int i = from; i < to; i++) {
            char c = cs[i];
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
                if (!Character.isHighSurrogate(c) || i + 1 >= to || !Character.isLowSurrogate(low = cs[i + 1])) {
                    throw loneSurrogate(base + i);
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

    /** The NULL of COPY text: {@code \N}. */
    public void textNull() {
        ensure(2);
        buf[pos++] = '\\';
        buf[pos++] = 'N';
    }

    /**
     * A field of COPY text: the UTF-8 of {@code s} with backslash, newline, carriage return and
     * tab escaped, so that the server's COPY reader hands the input function exactly {@code s}.
     * Rejects NUL and lone surrogates, as {@link #textValue} does, and text whose UTF-8 is over
     * PostgreSQL's field limit, before any byte of it is sent. Long text goes through the buffer in
     * chunks.
     */
    public void copyText(CharSequence s) {
        String string = s.toString();
        int n = string.length();
        if (3L * n > MAX_FIELD) { // could be over the limit (3 bytes per char at most): measure it
            checkField(n > MAX_FIELD ? n : utf8Length(string));
        }
        int from = 0;
        while (n - from > MAX_INLINE_CHARS) {
            int to = from + MAX_INLINE_CHARS;
            if (Character.isHighSurrogate(string.charAt(to - 1))) {
                to--; // keep a surrogate pair in one piece
            }
            copyText(string, from, to);
            from = to;
        }
        copyText(string, from, n);
    }

    private void copyText(String s, int from, int to) {
        int n = to - from;
        ensure(3 * n);
        char[] cs = chars;
        if (cs.length < n) {
            cs = chars = new char[Math.max(n, cs.length * 2)];
        }
        s.getChars(from, to, cs, 0);
        byte[] b = buf;
        int p = pos;
        boolean plain = true;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            plain &= c >= 0x20 && c < 0x7F && c != '\\';
            b[p + i] = (byte) c;
        }
        if (plain) {
            pos = p + n;
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            char escape = switch (c) {
                case '\\' -> '\\';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (escape != 0) {
                b[p++] = '\\';
                b[p++] = (byte) escape;
                continue;
            }
            int at = i;
            while (i + 1 < n && cs[i + 1] != '\\' && cs[i + 1] != '\n' && cs[i + 1] != '\r' && cs[i + 1] != '\t') {
                i++;
            }
            pos = p;
            utf8Careful(cs, at, i + 1, from);
            p = pos;
        }
        pos = p;
    }

    /** Text as UTF-8 bytes, checked like {@link #textValue}. */
    public static byte[] utf8(CharSequence s) {
        CopyStream scratch = new CopyStream(null, (int) Math.min(3L * s.length() + 16, SIZE), CopyWatch.NONE);
        scratch.text(s);
        return scratch.toByteArray();
    }

    private static BadValue nul() {
        return BadValue.of("it contains a NUL character (\\0), which PostgreSQL text cannot hold; remove it or use bytea");
    }

    private static BadValue loneSurrogate(int index) {
        return BadValue.of("it contains an unpaired UTF-16 surrogate at index " + index + ", which is not valid UTF-8");
    }
}
