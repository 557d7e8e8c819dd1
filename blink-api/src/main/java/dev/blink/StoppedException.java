package dev.blink;

/**
 * The seed was stopped before it finished, and rolled back: its statement ran out of time
 * ({@link InsertOptions#statementTimeout()}), its thread was interrupted, or it was cancelled
 * ({@link Cancellation#cancel()}). {@link #location()} names the table and the row it had
 * reached; {@link #reason()} says which. After an interrupt, the thread's interrupt flag is set
 * again when this is thrown.
 */
public final class StoppedException extends SeedException {

    /** Why a seed stopped. */
    public enum Reason {
        /** A statement ran longer than {@link InsertOptions#statementTimeout()}. */
        TIMEOUT,
        /** The seeding thread was interrupted. */
        INTERRUPT,
        /** {@link Cancellation#cancel()} was called. */
        CANCEL
    }

    private final Reason reason;

    /**
     * @param location where the seed was when it stopped
     * @param reason why it stopped
     * @param problem what happened, without the location (it is prepended)
     * @param cause the server's error, if it stopped the statement, or null
     */
    public StoppedException(Location location, Reason reason, String problem, Throwable cause) {
        super(location, problem, cause);
        this.reason = java.util.Objects.requireNonNull(reason, "null reason");
    }

    /** Why the seed stopped. */
    public Reason reason() {
        return reason;
    }
}
