package dev.blink;

import dev.blink.internal.CancelToken;

/**
 * Cancels running seeds from another thread. Give it to the seeds with
 * {@link InsertOptions.Builder#cancellation(Cancellation)}; {@link #cancel()} then stops every seed
 * running with it: the seed stops at the next row it reads, the database is asked to cancel the
 * statement the seed is waiting on (a lock, a slow trigger: what an interrupt cannot reach), and
 * the seed rolls back and throws a {@link StoppedException} with reason
 * {@link StoppedException.Reason#CANCEL CANCEL}.
 *
 * <pre>{@code
 * Cancellation cancellation = Cancellation.create();
 * Future<SeedResult> seed = executor.submit(() -> plan.insert(dataSource,
 *     InsertOptions.builder().cancellation(cancellation).build()));
 * ...
 * cancellation.cancel(); // from any thread
 * }</pre>
 *
 * <p>A cancellation stays cancelled: a seed started with it afterwards stops before its first step.
 * Use a new one for each seed you may want to cancel. Thread-safe.
 */
public final class Cancellation {

    private final CancelToken token = new CancelToken();

    private Cancellation() {
    }

    /** A cancellation that has not been cancelled. */
    public static Cancellation create() {
        return new Cancellation();
    }

    /** Stops every seed running with this cancellation, and every seed started with it later. Idempotent. */
    public void cancel() {
        token.cancel();
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return token.cancelled();
    }

    CancelToken token() {
        return token;
    }

    @Override
    public String toString() {
        return "Cancellation[" + (isCancelled() ? "cancelled" : "not cancelled") + "]";
    }
}
