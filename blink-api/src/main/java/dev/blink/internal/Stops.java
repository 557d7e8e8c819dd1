package dev.blink.internal;

import dev.blink.Location;
import dev.blink.StoppedException;
import dev.blink.StoppedException.Reason;
import java.math.BigDecimal;
import java.time.Duration;

/** The {@link StoppedException}s of a seed, worded in one place. */
public final class Stops {

    private Stops() {
    }

    /**
     * Throws if the seed should stop now: its cancellation was cancelled or its thread interrupted.
     */
    static void check(CancelToken token, Location where) {
        if (asked(token)) {
            throw now(token, where);
        }
    }

    /** Whether the seed should stop now; for a caller that makes the {@link Location} only then. */
    static boolean asked(CancelToken token) {
        return token.cancelled() || Thread.currentThread().isInterrupted();
    }

    /**
     * Why the seed stops now, its cancellation cancelled or its thread interrupted. An interrupt
     * flag is cleared, so that the rollback runs on an uninterrupted thread; the seed sets it again
     * before it throws.
     */
    static StoppedException now(CancelToken token, Location where) {
        if (Thread.interrupted()) {
            return interrupted(where);
        }
        return cancelled(where, null);
    }

    /**
     * The statement ran out of time.
     *
     * @param cause the server's error if it cancelled the statement, or null if the client noticed first
     */
    public static StoppedException timeout(Location where, Duration timeout, Throwable cause) {
        return new StoppedException(where, Reason.TIMEOUT, "timed out after " + seconds(timeout)
                + " (InsertOptions.statementTimeout): the statement was cancelled and the seed rolled back", cause);
    }

    static StoppedException interrupted(Location where) {
        return new StoppedException(where, Reason.INTERRUPT, "interrupted (Thread.interrupt()): the seed stopped and "
                + "rolled back, and the thread's interrupt flag is set again", null);
    }

    static StoppedException cancelled(Location where, Throwable cause) {
        return new StoppedException(where, Reason.CANCEL, "cancelled (Cancellation.cancel()): the seed stopped and "
                + "rolled back", cause);
    }

    /** For example {@code 1 s}, {@code 0.25 s}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}
