package dev.blink.pg.internal;

import java.sql.SQLException;

/** Carries an {@link SQLException} from the driver through the encoders to the copy loop. */
final class CopyFailure extends RuntimeException {

    CopyFailure(SQLException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    SQLException sqlException() {
        return (SQLException) getCause();
    }
}
