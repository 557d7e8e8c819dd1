package dev.blink.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes that must be valid in their charset. Unlike {@link java.io.InputStreamReader},
 * which drops the characters it decoded before a bad byte, it first returns every character before
 * the bad byte and throws only on the next read, so that the reader above knows the line of the bad
 * byte.
 */
final class StrictReader extends Reader {

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private IOException pending;
    private boolean endOfInput;
    private boolean flushed;

    StrictReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pending != null) {
            IOException failure = pending;
            pending = null;
            throw failure;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            if (flushed) {
                return out.position() > offset ? out.position() - offset : -1;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                IOException failure;
                try {
                    result.throwException();
                    throw new IllegalStateException(result.toString());
                } catch (IOException e) {
                    failure = e;
                }
                if (out.position() > offset) {
                    pending = failure;
                    return out.position() - offset;
                }
                throw failure;
            }
            if (result.isOverflow()) {
                return out.position() - offset;
            }
            if (endOfInput) {
                if (decoder.flush(out).isOverflow()) {
                    return out.position() - offset;
                }
                flushed = true;
                continue;
            }
            if (out.position() > offset && in.available() <= 0) {
                return out.position() - offset;
            }
            bytes.compact();
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
