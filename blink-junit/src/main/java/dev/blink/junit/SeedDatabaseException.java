package dev.blink.junit;

import dev.blink.BlinkException;

/**
 * The extension could not give a test its seeded database: a seed or script failed, the server
 * refused to create or copy a database, or {@link Seeded} is not filled in as it must be. The
 * message says which, and how to fix it; a server error is the cause.
 */
public final class SeedDatabaseException extends BlinkException {

    /** With a message that says what failed and how to fix it, and the cause, if any. */
    public SeedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
