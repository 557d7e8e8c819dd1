package dev.blink.pg.internal;

import dev.blink.pg.PgEncoder;
import java.time.ZoneId;
import java.util.List;

/** What encoders need beyond the column type: the session's time zone and the user's encoders. */
final class Session {

    final ZoneId zone;
    /** Last registered first. */
    final List<PgEncoder<?>> custom;

    Session(ZoneId zone, List<PgEncoder<?>> custom) {
        this.zone = zone;
        this.custom = custom;
    }
}
