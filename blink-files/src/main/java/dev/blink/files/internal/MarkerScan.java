package dev.blink.files.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looks through the bytes going to COPY for a line that starts with {@code \.} and a line break:
 * a candidate for PostgreSQL 13–17's end-of-data marker (or a line inside a quoted value that
 * looks like one). Only a candidate makes Blink split the file.
 *
 * <p>Every candidate holds a backslash, and most files hold few or none: the bulk of a chunk is
 * searched for backslashes 32 bytes at a time with word arithmetic, and only a backslash found is
 * looked at closely (a line break before it, {@code .} and a line break after). A line break is in
 * every record, so searching for those instead cost several times more (a third of the client's
 * CPU on this path). The few bytes at a chunk's edges, whose lines go on in the chunk before or
 * after, go through a state machine a byte at a time.
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
    private static final long BACKSLASHES = ONES * '\\';

    private int state = LINE_START;

    /**
     * The high bit of each byte of {@code word} that may be a backslash: every backslash byte is
     * marked (the classic zero-byte test, after XOR); a byte just above one may be marked too
     * (the borrow), so a mark is checked, but no mark means no backslash.
     */
    private static long backslashes(long word) {
        long x = word ^ BACKSLASHES;
        return (x - ONES) & ~x & HIGHS;
    }

    private static boolean lineBreak(byte b) {
        return b == '\n' || b == '\r';
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
        // the bulk: a backslash at p in [i + 1, end - 2) with a line break before it and ". + line
        // break" after it, all within the chunk (a backslash at i follows a byte inside a line: the
        // state is INSIDE). A line break at end - 3 or later is left to the state machine below.
        int p = i + 1;
        int limit = end - 2;
        while (p + 32 <= limit) {
            long a = backslashes((long) WORDS.get(bytes, p));
            long b = backslashes((long) WORDS.get(bytes, p + 8));
            long c = backslashes((long) WORDS.get(bytes, p + 16));
            long d = backslashes((long) WORDS.get(bytes, p + 24));
            if ((a | b | c | d) != 0
                    && (marker(bytes, p, a) || marker(bytes, p + 8, b) || marker(bytes, p + 16, c)
                    || marker(bytes, p + 24, d))) {
                return true;
            }
            p += 32;
        }
        for (; p < limit; p++) {
            if (bytes[p] == '\\' && lineBreak(bytes[p - 1]) && bytes[p + 1] == '.' && lineBreak(bytes[p + 2])) {
                return true;
            }
        }
        // the last bytes, whose lines may go on in the next chunk (a line break before them was
        // checked whole above, so the state is still INSIDE here)
        for (i = Math.max(i, end - 3); i < end; i++) {
            if (step(bytes[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether a byte marked in {@code marks} (of the word at {@code at}) starts a {@code \.} line. */
    private static boolean marker(byte[] bytes, int at, long marks) {
        for (long m = marks; m != 0; m &= m - 1) {
            int p = at + (Long.numberOfTrailingZeros(m) >>> 3);
            if (bytes[p] == '\\' && lineBreak(bytes[p - 1]) && bytes[p + 1] == '.' && lineBreak(bytes[p + 2])) {
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
