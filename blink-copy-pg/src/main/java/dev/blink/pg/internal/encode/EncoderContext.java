package dev.blink.pg.internal.encode;

import dev.blink.pg.PgEncoder;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What encoders need beyond the column type: the user's encoders, the session's TimeZone and the
 * server's version. One per table copy; immutable.
 */
public final class EncoderContext {

    /** Last registered first. */
    final List<PgEncoder<?>> custom;
    /** The session's {@code TimeZone} setting, as the server shows it. */
    final String timeZone;
    /** That zone as a fixed offset, or null when it has rules the server's tzdata applies. */
    final ZoneOffset fixedOffset;
    /** {@code server_version_num}, e.g. 170006. */
    final int serverVersion;

    /**
     * @param custom the user's encoders, last registered first
     * @param timeZone the session's {@code TimeZone} setting
     * @param serverVersion {@code server_version_num}
     */
    public EncoderContext(List<PgEncoder<?>> custom, String timeZone, int serverVersion) {
        this(custom, timeZone, SessionTimeZone.fixedOffset(timeZone), serverVersion);
    }

    private EncoderContext(List<PgEncoder<?>> custom, String timeZone, ZoneOffset fixedOffset, int serverVersion) {
        this.custom = custom;
        this.timeZone = timeZone;
        this.fixedOffset = fixedOffset;
        this.serverVersion = serverVersion;
    }

    /** The same session without the user's encoders (for what a converting encoder returns). */
    EncoderContext builtInOnly() {
        return custom.isEmpty() ? this : new EncoderContext(List.of(), timeZone, fixedOffset, serverVersion);
    }

    /** Whether numeric has ±Infinity (PostgreSQL 14 and later). */
    boolean numericHasInfinity() {
        return serverVersion >= 140_000;
    }
}
