package dev.blink;

/**
 * A table or context callback (a {@link Seeder} method, a {@link dev.blink.spi.TableSource} or
 * {@link dev.blink.spi.ContextSource}) threw, or the rows it returned failed while being read. The
 * callback's exception is the cause.
 */
public final class CallbackException extends SeedException {

    /** For a failure in the callback of {@code location}'s table or context step. */
    public CallbackException(Location location, String problem, Throwable cause) {
        super(location, problem, cause);
    }
}
