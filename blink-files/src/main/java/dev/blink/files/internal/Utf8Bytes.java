package dev.blink.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * The characters of a reader as UTF-8 bytes, for text that PostgreSQL cannot decode itself (a
 * reader, UTF-16, UTF-32): Java decodes, the server gets UTF-8. An unpaired surrogate is an error,
 * never replaced.
 */
final class Utf8Bytes extends InputStream {

    private final Reader in;
    private final char[] chars = new char[16 * 1024];
    /** A high surrogate read last, waiting for its low half. */
    private int carried;
    private byte[] encoded = new byte[0];
    private int next;
    private boolean endOfInput;

    Utf8Bytes(Reader in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (next == encoded.length) {
            if (endOfInput) {
                return -1;
            }
            encodeMore();
        }
        int n = Math.min(length, encoded.length - next);
        System.arraycopy(encoded, next, buffer, offset, n);
        next += n;
        return n;
    }

    /** Reads the next characters and encodes them; a high surrogate at the end waits for the next read. */
    private void encodeMore() throws IOException {
        int n = in.read(chars, carried, chars.length - carried);
        int total = carried + Math.max(0, n);
        endOfInput = n < 0;
        int whole = !endOfInput && total > 0 && Character.isHighSurrogate(chars[total - 1]) ? total - 1 : total;
        for (int i = 0; i < whole; i++) {
            char c = chars[i];
            boolean paired = Character.isHighSurrogate(c) && i + 1 < whole && Character.isLowSurrogate(chars[i + 1]);
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedInputException(1);
            }
        }
        encoded = new String(chars, 0, whole).getBytes(StandardCharsets.UTF_8);
        next = 0;
        carried = total - whole;
        if (carried > 0) {
            chars[0] = chars[total - 1];
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
