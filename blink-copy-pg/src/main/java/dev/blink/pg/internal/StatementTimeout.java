package dev.blink.pg.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs Blink's statements under the seed's {@code statement_timeout}, and puts the session's own
 * value back after them, so that the caller's later statements (in the caller's transaction) run
 * under the caller's setting. The value is set with {@code SET LOCAL} semantics: if the work fails,
 * the seed's rollback undoes it.
 */
public final class StatementTimeout {

    /** The current value and the change, in one round trip (the subquery is read before set_config runs). */
    private static final String SET = "SELECT s.was, set_config('statement_timeout', ?, true)"
            + " FROM (SELECT current_setting('statement_timeout') AS was OFFSET 0) s";
    private static final String RESTORE = "SELECT set_config('statement_timeout', ?, true)";

    private StatementTimeout() {
    }

    /** Work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work. */
        T run() throws SQLException;
    }

    /** Runs {@code work} with {@code statement_timeout} at {@code timeout} (zero: as it is), then restores it. */
    public static <T> T around(Connection connection, Duration timeout, Work<T> work) throws SQLException {
        if (timeout.isZero()) {
            return work.run();
        }
        String was;
        try (PreparedStatement statement = connection.prepareStatement(SET)) {
            statement.setString(1, Math.max(1, timeout.toMillis()) + "ms");
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                was = rs.getString(1);
            }
        }
        T result = work.run();
        try (PreparedStatement statement = connection.prepareStatement(RESTORE)) {
            statement.setString(1, was);
            statement.execute();
        }
        return result;
    }
}
