package dev.blink.files.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Keeps the characters read through it from a given offset on, so that the text of one JSON
 * object can be taken exactly as it stands in the file once the parser (which reads ahead) has
 * passed its end. Holds one object and the parser's read-ahead.
 */
final class TextWindow extends FilterReader {

    private final StringBuilder kept = new StringBuilder();
    /** The offset of {@code kept}'s first character in the text. */
    private long base;

    TextWindow(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            kept.append((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            kept.append(buffer, offset, n);
        }
        return n;
    }

    /** Forgets what comes before offset {@code from}. */
    void keepFrom(long from) {
        int drop = (int) (from - base);
        kept.delete(0, drop);
        base = from;
    }

    /** The text from offset {@code from} (at or after the one kept from) to {@code to}, exclusive. */
    String text(long from, long to) {
        return kept.substring((int) (from - base), (int) (to - base));
    }
}
