package dev.blink.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The state behind a {@link dev.blink.Cancellation}: a flag that the seeds read per row, and the
 * seeds running with it, each of which is asked to cancel its database statement.
 */
public final class CancelToken {

    /** A token that is never cancelled. */
    static final CancelToken NEVER = new CancelToken();

    private volatile boolean cancelled;
    private final List<Registration> running = new ArrayList<>();

    /** Cancels: sets the flag, then asks every running seed to cancel its statement. */
    public void cancel() {
        List<Registration> toCancel;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toCancel = List.copyOf(running);
        }
        for (Registration registration : toCancel) {
            registration.fire();
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Registers a running seed: {@code onCancel} is run (on the cancelling thread) if the token is
     * cancelled before the registration is closed, never after.
     */
    Registration register(Runnable onCancel) {
        Registration registration = new Registration(this, onCancel);
        synchronized (this) {
            if (this != NEVER) {
                running.add(registration);
            }
        }
        return registration;
    }

    private synchronized void remove(Registration registration) {
        running.remove(registration);
    }

    /** One running seed's place on the token. */
    static final class Registration {
        private final CancelToken token;
        private final Runnable onCancel;
        private boolean closed;
        private boolean fired;

        private Registration(CancelToken token, Runnable onCancel) {
            this.token = token;
            this.onCancel = onCancel;
        }

        private synchronized void fire() {
            if (!closed) {
                fired = true;
                onCancel.run();
            }
        }

        /** Whether the seed was asked to cancel its statement. */
        synchronized boolean fired() {
            return fired;
        }

        /** Ends the registration; waits for a cancellation that is being sent, so that none is sent later. */
        synchronized void close() {
            if (!closed) {
                closed = true;
                token.remove(this);
            }
        }
    }
}
