package dev.blink.pg.internal.encode;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session's {@code TimeZone} read as the server reads it, when that is a fixed offset: UTC and
 * its aliases, {@code Etc/GMT±N}, and POSIX zones without daylight-saving rules ({@code UTC+3},
 * {@code GMT-05:30}, {@code <+0530>-5:30}, what {@code SET TIME ZONE -7} shows). POSIX counts hours
 * <em>west</em> of Greenwich, so {@code UTC+3} is three hours behind UTC, and pgjdbc sends
 * {@code GMT-05:30} for a JVM in {@code GMT+05:30}.
 *
 * <p>Every other zone (a region such as {@code Europe/Paris}, or POSIX rules such as
 * {@code EST5EDT}) has offsets that the server's own tzdata decides, which may differ from the
 * JVM's; for those Blink does not convert a {@code LocalDateTime} itself but lets the server do it.
 */
final class SessionTimeZone {

    private static final Set<String> UTC = Set.of("utc", "uct", "gmt", "gmt0", "gmt+0", "gmt-0", "greenwich",
            "universal", "zulu", "etc/utc", "etc/uct", "etc/gmt", "etc/gmt0", "etc/gmt+0", "etc/gmt-0",
            "etc/greenwich", "etc/universal", "etc/zulu");
    /** tzdata's fixed zones: Etc/GMT+3 is three hours behind UTC, as in POSIX. */
    private static final Pattern ETC_GMT = Pattern.compile("etc/gmt([+-])(\\d{1,2})");
    /** A POSIX TZ of a standard-time name and an offset, nothing else (no DST name, no rules). */
    private static final Pattern POSIX = Pattern.compile("(?:<[+-]?[a-z0-9]+>|[a-z]+)([+-]?)(\\d{1,3})(?::(\\d{1,2})"
            + "(?::(\\d{1,2}))?)?");

    private SessionTimeZone() {
    }

    /** The fixed offset east of UTC that {@code setting} means to the server, or null if it has rules. */
    static ZoneOffset fixedOffset(String setting) {
        if (setting == null) {
            return null;
        }
        String s = setting.trim().toLowerCase(Locale.ROOT);
        if (UTC.contains(s)) {
            return ZoneOffset.UTC;
        }
        Matcher etc = ETC_GMT.matcher(s);
        if (etc.matches()) {
            return west(etc.group(1), Integer.parseInt(etc.group(2)), 0, 0);
        }
        Matcher posix = POSIX.matcher(s);
        if (posix.matches() && !s.contains("/")) {
            return west(posix.group(1), Integer.parseInt(posix.group(2)),
                    posix.group(3) == null ? 0 : Integer.parseInt(posix.group(3)),
                    posix.group(4) == null ? 0 : Integer.parseInt(posix.group(4)));
        }
        return null;
    }

    private static ZoneOffset west(String sign, int hours, int minutes, int seconds) {
        long west = (hours * 60L + minutes) * 60 + seconds;
        if (minutes > 59 || seconds > 59 || west > 18 * 3600) {
            return null; // beyond java.time's offsets: the server converts
        }
        return ZoneOffset.ofTotalSeconds((int) ("-".equals(sign) ? west : -west));
    }
}
