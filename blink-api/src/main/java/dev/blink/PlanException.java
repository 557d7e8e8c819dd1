package dev.blink;

/**
 * A plan that cannot run: a table added twice, a step the seeder does not answer, no inserter.
 * Thrown before anything is sent to the database, or, for a step a {@link Seeder} does not answer,
 * when the plan reaches it (the seed is then rolled back).
 */
public final class PlanException extends BlinkException {

    /** With a message that says what is wrong and how to fix it. */
    public PlanException(String message) {
        super(message, null);
    }

    /** With a message and the cause. */
    public PlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
