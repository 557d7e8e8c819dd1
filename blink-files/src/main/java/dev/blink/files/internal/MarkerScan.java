package dev.blink.files.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looks through the bytes going to COPY for a line that starts with {@code \.} and a line break:
 * a candidate for PostgreSQL 13–17's end-of-data marker (or a line inside a quoted value that
 * looks like one). The bulk of the bytes costs one comparison each, against the line breaks; only
 * the few around a chunk's edges go through the state machine. Only a candidate makes Blink split
 * the file.
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

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private int state = LINE_START;

    /** Whether one of the eight bytes of {@code word} is LF or CR (the classic zero-byte test, after XOR). */
    private static boolean hasLineBreak(long word) {
        long lf = word ^ (ONES * '\n');
        long cr = word ^ (ONES * '\r');
        return ((((lf - ONES) & ~lf) | ((cr - ONES) & ~cr)) & HIGHS) != 0;
    }

    /** Scans the next bytes; true if a candidate ends in them. */
    boolean candidate(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        // finish what the last chunk left open, a byte at a time
        while (i < end && state != INSIDE) {
            if (step(bytes[i++])) {
                return true;
            }
        }
        // the bulk: a line break followed by \ . and a line break, all within the chunk; eight bytes
        // at a time are tested for a line break with word arithmetic, most words have none
        int fast = end - 3;
        while (i < fast) {
            if (i + 8 <= fast && !hasLineBreak((long) WORDS.get(bytes, i))) {
                i += 8;
                continue;
            }
            byte b = bytes[i];
            if ((b == '\n' || b == '\r') && bytes[i + 1] == '\\' && bytes[i + 2] == '.'
                    && (bytes[i + 3] == '\n' || bytes[i + 3] == '\r')) {
                return true;
            }
            i++;
        }
        // the last bytes, whose lines may go on in the next chunk (a line break before them was
        // checked whole above, so the state is still INSIDE here)
        for (; i < end; i++) {
            if (step(bytes[i])) {
                return true;
            }
        }
        return false;
    }

    /** One byte through the state machine; true if it completes a candidate. */
    private boolean step(byte b) {
        if (b == '\n' || b == '\r') {
            if (state == DOT) {
                state = LINE_START;
                return true;
            }
            state = LINE_START;
        } else if (state == LINE_START) {
            state = b == '\\' ? BACKSLASH : INSIDE;
        } else if (state == BACKSLASH) {
            state = b == '.' ? DOT : INSIDE;
        } else {
            state = INSIDE;
        }
        return false;
    }
}
