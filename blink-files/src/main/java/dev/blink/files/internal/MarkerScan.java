package dev.blink.files.internal;

/**
 * Looks through the bytes going to COPY for a line that starts with {@code \.} and a line break:
 * a candidate for PostgreSQL 13–17's end-of-data marker (or a line inside a quoted value that
 * looks like one). Costs a comparison or two per byte; only a candidate makes Blink split the file.
 */
final class MarkerScan {

    /** Expecting a line's first byte. */
    private static final int LINE_START = 0;
    /** Inside a line. */
    private static final int INSIDE = 1;
    /** After {@code \} at a line's start. */
    private static final int BACKSLASH = 2;
    /** After {@code \.} at a line's start. */
    private static final int DOT = 3;

    private int state = LINE_START;

    /** Scans the next bytes; true if a candidate ends in them. */
    boolean candidate(byte[] bytes, int offset, int length) {
        int s = state;
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                if (s == DOT) {
                    state = LINE_START;
                    return true;
                }
                s = LINE_START;
            } else if (s == LINE_START) {
                s = b == '\\' ? BACKSLASH : INSIDE;
            } else if (s == BACKSLASH) {
                s = b == '.' ? DOT : INSIDE;
            } else if (s == DOT) {
                s = INSIDE;
            }
        }
        state = s;
        return false;
    }
}
