package dev.blink.files.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the characters read through it, and fails once the reader above has taken more than a
 * limit past a mark: this stops a record that never ends (an unclosed quote in a large file) long
 * before it fills the heap.
 */
final class CountingReader extends FilterReader {

    /** Characters the reader above may hold in its buffer beyond what it has parsed. */
    private static final long SLACK = 64 * 1024;

    private final long limit;
    private long count;
    private long mark;
    private long markLine;

    CountingReader(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Starts a new record at character {@code position}, on line {@code line}. */
    void markRecord(long position, long line) {
        this.mark = position;
        this.markLine = line;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            advance(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) throws IOException {
        count += n;
        if (count - mark > limit + SLACK) {
            throw new RecordTooLongException(limit, markLine);
        }
    }

    /** A record longer than the limit. */
    static final class RecordTooLongException extends IOException {

        private static final long serialVersionUID = 1L;

        private final long line;

        RecordTooLongException(long limit, long line) {
            super("a record starting on or after line " + line + " is longer than " + limit + " characters");
            this.line = line;
        }

        /** The line on or after which the long record starts. */
        long line() {
            return line;
        }
    }
}
