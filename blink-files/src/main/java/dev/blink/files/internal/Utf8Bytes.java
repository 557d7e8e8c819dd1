package dev.blink.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The characters of a reader as UTF-8 bytes, for text that PostgreSQL cannot decode itself (a
 * reader, UTF-16, UTF-32): Java decodes, the server gets UTF-8. An unpaired surrogate is an error.
 */
final class Utf8Bytes extends InputStream {

    private final Reader in;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private boolean endOfInput;
    private boolean flushed;

    Utf8Bytes(Reader in) {
        this.in = in;
        chars.flip();
        bytes.flip();
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
        while (!bytes.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            bytes.clear();
            if (!endOfInput) {
                chars.compact();
                int n = in.read(chars.array(), chars.position(), chars.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    chars.position(chars.position() + n);
                }
                chars.flip();
            }
            CoderResult result = encoder.encode(chars, bytes, endOfInput);
            if (result.isError()) {
                result.throwException();
            }
            if (endOfInput && !chars.hasRemaining() && !encoder.flush(bytes).isOverflow()) {
                flushed = true;
            }
            bytes.flip();
        }
        int n = Math.min(length, bytes.remaining());
        bytes.get(buffer, offset, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
