package dev.blink;

/**
 * The root of every exception Blink throws. Unchecked.
 *
 * <ul>
 *   <li>{@link PlanException}: the plan or its setup is wrong; nothing was sent.</li>
 *   <li>{@link SeedException}: seeding failed at a {@link Location}; the transaction was rolled
 *       back. Its subclasses {@link ValueException} (a value does not fit its column) and
 *       {@link CallbackException} (a table or context callback threw) tell the common cases
 *       apart.</li>
 * </ul>
 */
public abstract class BlinkException extends RuntimeException {

    /** With a message and an optional cause. */
    protected BlinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
