package dev.blink.files.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file's bytes after what COPY must not see: a UTF-8 byte order mark, and the lines skipped
 * before the header (ending in LF, CR or CRLF; these bytes mean the same in every encoding
 * PostgreSQL reads).
 */
final class LineSkipper extends FilterInputStream {

    private final boolean utf8;
    private int linesLeft;
    private boolean started;

    LineSkipper(InputStream in, boolean utf8, int lines) {
        super(in.markSupported() ? in : new java.io.BufferedInputStream(in));
        this.utf8 = utf8;
        this.linesLeft = lines;
    }

    private void start() throws IOException {
        started = true;
        if (utf8) {
            in.mark(3);
            byte[] first = in.readNBytes(3);
            if (first.length < 3 || (first[0] & 0xff) != 0xef || (first[1] & 0xff) != 0xbb || (first[2] & 0xff) != 0xbf) {
                in.reset();
            }
        }
        while (linesLeft > 0) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            if (b == '\n') {
                linesLeft--;
            } else if (b == '\r') {
                linesLeft--;
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
            }
        }
    }

    @Override
    public int read() throws IOException {
        if (!started) {
            start();
        }
        return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (!started) {
            start();
        }
        return in.read(buffer, offset, length);
    }

    @Override
    public long skip(long n) throws IOException {
        throw new UnsupportedOperationException();
    }
}
