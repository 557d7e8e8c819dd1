package dev.blink.pg.internal;

import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.copy.CopyIn;

/**
 * Decides, between the chunks (and every few rows) of a running COPY, whether it must stop: its
 * deadline, the statement timeout measured on the client, has passed, or the server has already
 * failed it ({@link ServerMessages}). Either way the COPY loop ends at once instead of streaming
 * into a COPY that the server is discarding.
 */
final class CopyWatch {

    /** A watch that never stops anything (in-memory streams). */
    static final CopyWatch NONE = new CopyWatch(null, false, 0);

    /** The watch looks at the server's messages at most this often. */
    private static final long LOOK_EVERY_NANOS = 10_000_000;
    /**
     * Even when no byte seems to wait, the server's messages are read this often (a read that finds
     * none costs pgjdbc 1 ms; over TLS, waiting bytes may not show before a read).
     */
    private static final long READ_EVERY_NANOS = 250_000_000;

    private final CopyIn copy;
    private final boolean timed;
    private final long deadline;
    private long lastLook = System.nanoTime();
    private long lastRead = lastLook;

    private CopyWatch(CopyIn copy, boolean timed, long deadline) {
        this.copy = copy;
        this.timed = timed;
        this.deadline = deadline;
    }

    /** A watch over {@code copy}, started now, with {@code timeout} (zero: none). */
    static CopyWatch of(CopyIn copy, Duration timeout) {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        boolean timed = nanos > 0 && nanos < Long.MAX_VALUE / 2;
        return new CopyWatch(copy, timed, System.nanoTime() + (timed ? nanos : 0));
    }

    /**
     * Before a chunk goes to the driver: the deadline every time, the server's messages at most
     * every {@link #LOOK_EVERY_NANOS} (asking the socket what waits is a system call and two locks;
     * a chunk of raw CSV goes every few microseconds of client time).
     */
    void beforeChunk() {
        betweenRows();
    }

    /** Between rows: as before a chunk. */
    void betweenRows() {
        if (copy != null) {
            long now = System.nanoTime();
            if (now - lastLook >= LOOK_EVERY_NANOS) {
                look(now);
            } else {
                checkDeadline(now);
            }
        }
    }

    private void look(long now) {
        lastLook = now;
        checkDeadline(now);
        if (ServerMessages.pending(copy) > 0 || now - lastRead >= READ_EVERY_NANOS) {
            read(now);
        }
    }

    private void checkDeadline(long now) {
        if (timed && now - deadline >= 0) {
            throw TimedOut.INSTANCE;
        }
    }

    private void read(long now) {
        lastRead = now;
        try {
            ServerMessages.read(copy);
        } catch (SQLException e) {
            throw new CopyFailure(e);
        }
    }

    /** The deadline passed; the COPY loop turns it into a timeout at its row. */
    static final class TimedOut extends RuntimeException {
        private static final TimedOut INSTANCE = new TimedOut();

        private TimedOut() {
            super("the statement timeout passed", null, false, false);
        }
    }
}
