package dev.blink;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Seeding failed; the transaction was rolled back. {@link #location()} says where; a server error
 * is the cause, with its SQLSTATE also in {@link #sqlState()}.
 */
public class SeedException extends BlinkException {

    private final Location location;

    /**
     * @param location where it failed
     * @param problem what failed, without the location (it is prepended)
     * @param cause the underlying error, or null
     */
    public SeedException(Location location, String problem, Throwable cause) {
        super(Objects.requireNonNull(location, "null location") + ": " + problem, cause);
        this.location = location;
    }

    /** Where it failed. */
    public Location location() {
        return location;
    }

    /** The SQLSTATE of the server error that caused this, if any (e.g. {@code 23505}). */
    public Optional<String> sqlState() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
