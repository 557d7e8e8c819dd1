package dev.blink.pg.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * PostgreSQL's text input rules for each type, so that a String (for example a CSV field) lands
 * as {@code COPY … (FORMAT csv)} would load it. Each method throws {@link BadValue} with
 * PostgreSQL's own wording for input it does not take.
 */
final class TextForms {

    static final long PG_EPOCH_DAY = 10_957;
    static final long PG_EPOCH_SECOND = 946_684_800L;
    static final long MICROS_PER_DAY = 86_400_000_000L;
    static final int MIN_DATE = -2_451_545;
    static final int END_DATE = 2_147_483_494 - 2_451_545;
    static final long MIN_TIMESTAMP = -211_813_488_000_000_000L;
    static final long END_TIMESTAMP = 9_223_371_331_200_000_000L;

    private TextForms() {
    }

    static BadValue syntax(String type, String s) {
        return BadValue.of("invalid input syntax for type " + type + ": \"" + s + "\"");
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && space(s.charAt(start))) {
            start++;
        }
        while (end > start && space(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    // ---- bool ----

    static boolean bool(String s) {
        String t = trim(s).toLowerCase(Locale.ROOT);
        int n = t.length();
        if (n > 0) {
            switch (t.charAt(0)) {
                case 't':
                    if ("true".startsWith(t)) {
                        return true;
                    }
                    break;
                case 'f':
                    if ("false".startsWith(t)) {
                        return false;
                    }
                    break;
                case 'y':
                    if ("yes".startsWith(t)) {
                        return true;
                    }
                    break;
                case 'n':
                    if ("no".startsWith(t)) {
                        return false;
                    }
                    break;
                case 'o':
                    if (n >= 2 && "on".startsWith(t)) {
                        return true;
                    }
                    if (n >= 2 && "off".startsWith(t)) {
                        return false;
                    }
                    break;
                case '1':
                    if (n == 1) {
                        return true;
                    }
                    break;
                case '0':
                    if (n == 1) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
        }
        throw syntax("boolean", s);
    }

    // ---- integers ----

    /** int2/int4/int8 input: whitespace, sign, decimal or 0x/0o/0b digits, single underscores between digits. */
    static long integer(String s, long min, long max, String type) {
        int n = s.length();
        if (n > 0 && n <= 18) {
            // the common text, at most 18 plain digits with an optional minus, cannot overflow a long
            boolean minus = s.charAt(0) == '-';
            int k = minus ? 1 : 0;
            long v = 0;
            for (; k < n; k++) {
                int d = s.charAt(k) - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                v = v * 10 + d;
            }
            if (k == n && n > (minus ? 1 : 0)) {
                v = minus ? -v : v;
                if (v >= min && v <= max) {
                    return v;
                }
            }
        }
        int i = 0;
        while (i < n && space(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < n && s.charAt(i) == '0') {
            char p = s.charAt(i + 1);
            if (p == 'x' || p == 'X') {
                radix = 16;
            } else if (p == 'o' || p == 'O') {
                radix = 8;
            } else if (p == 'b' || p == 'B') {
                radix = 2;
            }
            if (radix != 10) {
                i += 2;
            }
        }
        // accumulate negatively so that the minimum fits
        long value = 0;
        int digits = 0;
        boolean overflow = false;
        boolean lastUnderscore = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (digits == 0 || lastUnderscore) {
                    throw syntax(type, s);
                }
                lastUnderscore = true;
                continue;
            }
            int d = Character.digit(c, radix);
            if (d < 0 || c > 'z') {
                break;
            }
            lastUnderscore = false;
            digits++;
            if (!overflow) {
                if (value < (Long.MIN_VALUE + d) / radix) {
                    overflow = true;
                } else {
                    value = value * radix - d;
                }
            }
        }
        if (digits == 0 || lastUnderscore) {
            throw syntax(type, s);
        }
        while (i < n && space(s.charAt(i))) {
            i++;
        }
        if (i != n) {
            throw syntax(type, s);
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                overflow = true;
            }
            value = -value;
        }
        if (overflow || value < min || value > max) {
            throw BadValue.of("value \"" + s + "\" is out of range for type " + type);
        }
        return value;
    }

    // ---- floats ----

    static double float8(String s) {
        String t = trim(s);
        Double special = specialFloat(t);
        if (special != null) {
            return special;
        }
        if (hexFloat(t)) {
            return Double.parseDouble(t + "p0");
        }
        boolean nonZeroDigit = checkDecimal(t, "double precision", s, false);
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d) || (d == 0 && nonZeroDigit)) {
            throw BadValue.of("\"" + s + "\" is out of range for type double precision");
        }
        return d;
    }

    static float float4(String s) {
        String t = trim(s);
        Double special = specialFloat(t);
        if (special != null) {
            return special.floatValue();
        }
        if (hexFloat(t)) {
            float f = Float.parseFloat(t + "p0");
            if (Float.isInfinite(f)) {
                throw BadValue.of("\"" + s + "\" is out of range for type real");
            }
            return f;
        }
        boolean nonZeroDigit = checkDecimal(t, "real", s, false);
        float f = Float.parseFloat(t);
        if (Float.isInfinite(f) || (f == 0 && nonZeroDigit)) {
            throw BadValue.of("\"" + s + "\" is out of range for type real");
        }
        return f;
    }

    /** strtod's hexadecimal form, as far as PostgreSQL's tests use it: {@code [sign]0x hexdigits[.hexdigits]}. */
    private static boolean hexFloat(String t) {
        int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        if (t.length() < i + 3 || t.charAt(i) != '0' || (t.charAt(i + 1) != 'x' && t.charAt(i + 1) != 'X')) {
            return false;
        }
        boolean point = false;
        for (int k = i + 2; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == '.' && !point) {
                point = true;
            } else if (Character.digit(c, 16) < 0 || c > 'f') {
                return false;
            }
        }
        return true;
    }

    private static Double specialFloat(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan":
                return Double.NaN;
            case "infinity": case "+infinity": case "inf": case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity": case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    /**
     * Checks {@code [sign] digits [. digits] [e [sign] digits]} (underscores between digits if
     * allowed) and says whether any mantissa digit is not zero.
     */
    private static boolean checkDecimal(String t, String type, String original, boolean underscores) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean nonZero = false;
        boolean point = false;
        char previous = 0;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                nonZero |= c != '0';
            } else if (c == '.' && !point) {
                if (previous == '_') {
                    throw syntax(type, original);
                }
                point = true;
            } else if (c == '_' && underscores && previous >= '0' && previous <= '9' && i + 1 < n
                    && t.charAt(i + 1) >= '0' && t.charAt(i + 1) <= '9') {
                // allowed between digits
            } else {
                break;
            }
            previous = c;
        }
        if (digits == 0) {
            throw syntax(type, original);
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                throw syntax(type, original);
            }
        }
        if (i != n) {
            throw syntax(type, original);
        }
        return nonZero;
    }

    // ---- numeric ----

    /** A BigDecimal, or a Double for NaN and ±Infinity. */
    static Object numeric(String s) {
        String t = trim(s);
        Double special = specialFloat(t);
        if (special != null) {
            return special;
        }
        int body = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (t.length() > body + 2 && t.charAt(body) == '0' && "xXoObB".indexOf(t.charAt(body + 1)) >= 0) {
            return new BigDecimal(BigInteger.valueOf(integer(t, Long.MIN_VALUE, Long.MAX_VALUE, "numeric")));
        }
        checkDecimal(t, "numeric", s, true);
        return new BigDecimal(t.indexOf('_') >= 0 ? t.replace("_", "") : t);
    }

    // ---- bytea ----

    static byte[] bytea(String s) {
        int n = s.length();
        if (n >= 2 && s.charAt(0) == '\\' && s.charAt(1) == 'x') {
            byte[] out = new byte[(n - 2) / 2];
            int count = 0;
            int i = 2;
            while (i < n) {
                char c = s.charAt(i);
                if (space(c)) {
                    i++;
                    continue;
                }
                int hi = Character.digit(c, 16);
                if (hi < 0) {
                    throw BadValue.of("invalid hexadecimal digit: \"" + c + "\"");
                }
                if (i + 1 >= n || Character.digit(s.charAt(i + 1), 16) < 0) {
                    throw BadValue.of("invalid hexadecimal data: odd number of digits");
                }
                out[count++] = (byte) (hi << 4 | Character.digit(s.charAt(i + 1), 16));
                i += 2;
            }
            return count == out.length ? out : java.util.Arrays.copyOf(out, count);
        }
        // escape format: \\ for a backslash, \ooo for an octal byte, anything else as its UTF-8 bytes
        byte[] utf8 = CopyStream.utf8(s);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b != '\\') {
                out.write(b);
            } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < utf8.length && utf8[i + 1] >= '0' && utf8[i + 1] <= '3'
                    && utf8[i + 2] >= '0' && utf8[i + 2] <= '7' && utf8[i + 3] >= '0' && utf8[i + 3] <= '7') {
                out.write((utf8[i + 1] - '0') << 6 | (utf8[i + 2] - '0') << 3 | (utf8[i + 3] - '0'));
                i += 3;
            } else {
                throw syntax("bytea", s);
            }
        }
        return out.toByteArray();
    }

    // ---- uuid ----

    static UUID uuid(String s) {
        int n = s.length();
        int i = 0;
        boolean braces = n > 0 && s.charAt(0) == '{';
        if (braces) {
            i++;
        }
        long hi = 0;
        long lo = 0;
        for (int b = 0; b < 16; b++) {
            if (i + 1 >= n) {
                throw syntax("uuid", s);
            }
            int h = Character.digit(s.charAt(i), 16);
            int l = Character.digit(s.charAt(i + 1), 16);
            if (h < 0 || l < 0 || s.charAt(i) > 'f' || s.charAt(i + 1) > 'f') {
                throw syntax("uuid", s);
            }
            i += 2;
            if (b < 8) {
                hi = hi << 8 | (h << 4 | l);
            } else {
                lo = lo << 8 | (h << 4 | l);
            }
            if (b % 2 == 1 && b < 15 && i < n && s.charAt(i) == '-') {
                i++;
            }
        }
        if (braces) {
            if (i >= n || s.charAt(i) != '}') {
                throw syntax("uuid", s);
            }
            i++;
        }
        if (i != n) {
            throw syntax("uuid", s);
        }
        return new UUID(hi, lo);
    }

    // ---- inet / cidr ----

    /** An address and its prefix length. */
    record Inet(byte[] address, int bits) {
    }

    static Inet inet(String s, boolean cidr) {
        String type = cidr ? "cidr" : "inet";
        String t = s;
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes;
        if (address.indexOf(':') >= 0) {
            bytes = ipv6(address, type, s);
        } else {
            bytes = ipv4(address, type, s, cidr && slash >= 0);
        }
        int max = bytes.length * 8;
        int bits = max;
        if (slash >= 0) {
            String b = t.substring(slash + 1);
            if (b.isEmpty() || b.length() > 3 || !b.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw syntax(type, s);
            }
            bits = Integer.parseInt(b);
            if (bits > max) {
                throw syntax(type, s);
            }
        }
        if (cidr) {
            for (int bit = bits; bit < max; bit++) {
                if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                    throw BadValue.of("invalid cidr value: \"" + s + "\" has bits set to right of mask"
                            + " (use inet, or zero the host bits)");
                }
            }
        }
        return new Inet(bytes, bits);
    }

    private static byte[] ipv4(String address, String type, String original, boolean abbreviated) {
        String[] parts = address.split("\\.", -1);
        if (parts.length > 4 || (parts.length < 4 && !abbreviated)) {
            throw syntax(type, original);
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw syntax(type, original);
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw syntax(type, original);
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    private static byte[] ipv6(String address, String type, String original) {
        // literal only: never a host name lookup
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(Character.digit(c, 16) >= 0 && c <= 'f' || c == ':' || c == '.' || (c >= 'A' && c <= 'F'))) {
                throw syntax(type, original);
            }
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName("[" + address + "]").getAddress();
            if (bytes.length == 4) {
                // Java folds ::ffff:a.b.c.d to IPv4; PostgreSQL keeps it IPv6
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (java.net.UnknownHostException e) {
            throw syntax(type, original);
        }
    }

    // ---- macaddr ----

    static byte[] macaddr(String s, int size) {
        String t = trim(s);
        StringBuilder hex = new StringBuilder(16);
        StringBuilder shape = new StringBuilder(24);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.digit(c, 16) >= 0 && (c <= 'f')) {
                hex.append(c);
                shape.append('h');
            } else if (c == ':' || c == '-' || c == '.') {
                shape.append(c);
            } else {
                throw syntax(size == 6 ? "macaddr" : "macaddr8", s);
            }
        }
        String form = shape.toString();
        boolean six = hex.length() == 12 && (form.equals("hh:hh:hh:hh:hh:hh") || form.equals("hh-hh-hh-hh-hh-hh")
                || form.equals("hhhhhh:hhhhhh") || form.equals("hhhhhh-hhhhhh") || form.equals("hhhh.hhhh.hhhh")
                || form.equals("hhhh-hhhh-hhhh") || form.equals("hhhhhhhhhhhh"));
        boolean eight = size == 8 && hex.length() == 16 && (form.equals("hh:hh:hh:hh:hh:hh:hh:hh")
                || form.equals("hh-hh-hh-hh-hh-hh-hh-hh") || form.equals("hhhh.hhhh.hhhh.hhhh")
                || form.equals("hhhhhhhhhhhhhhhh") || form.equals("hhhhhhhh:hhhhhhhh")
                || form.equals("hhhhhhhh-hhhhhhhh"));
        if (!six && !eight) {
            throw syntax(size == 6 ? "macaddr" : "macaddr8", s);
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (Character.digit(hex.charAt(2 * i), 16) << 4 | Character.digit(hex.charAt(2 * i + 1), 16));
        }
        return bytes;
    }

    // ---- date and time ----

    /** A parsed date and time of day, with the offset east of UTC if one was given. */
    private static final class DateTime {
        int year;
        int month;
        int day;
        boolean hasDate;
        long timeMicros;
        boolean hasTime;
        Integer offsetSeconds;
        ZoneId zone;
        int special; // 1 infinity, -1 -infinity, 2 epoch
    }

    private static final class Cursor {
        final String s;
        int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean more() {
            return i < s.length();
        }

        char peek() {
            return s.charAt(i);
        }

        int digits(int min, int max, String type) {
            int start = i;
            long v = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < max) {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i - start < min || (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                throw syntax(type, s);
            }
            return (int) v;
        }

        boolean accept(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (i < s.length() && space(s.charAt(i))) {
                i++;
            }
        }
    }

    private static DateTime parseDateTime(String s, String type, boolean wantDate, boolean dateOnly) {
        DateTime dt = new DateTime();
        String t = trim(s);
        String lower = t.toLowerCase(Locale.ROOT);
        if (wantDate) {
            switch (lower) {
                case "infinity": case "+infinity":
                    dt.special = 1;
                    return dt;
                case "-infinity":
                    dt.special = -1;
                    return dt;
                case "epoch":
                    dt.special = 2;
                    return dt;
                default:
                    break;
            }
        } else if (lower.equals("allballs")) {
            dt.hasTime = true;
            dt.offsetSeconds = 0;
            return dt;
        }
        Cursor c = new Cursor(t);
        if (wantDate) {
            dt.year = c.digits(4, 9, type);
            if (!c.accept('-')) {
                throw syntax(type, s);
            }
            dt.month = c.digits(1, 2, type);
            if (!c.accept('-')) {
                throw syntax(type, s);
            }
            dt.day = c.digits(1, 2, type);
            dt.hasDate = true;
            if (c.more() && (c.peek() == 'T' || c.peek() == 't')) {
                c.i++;
                parseTime(c, dt, type);
            } else {
                int before = c.i;
                c.skipSpaces();
                if (c.more() && c.peek() >= '0' && c.peek() <= '9') {
                    parseTime(c, dt, type);
                } else {
                    c.i = before;
                }
            }
        } else {
            parseTime(c, dt, type);
        }
        c.skipSpaces();
        if (c.more() && dt.hasTime) {
            parseZone(c, dt, type);
            c.skipSpaces();
        }
        boolean writtenYearZero = dt.hasDate && dt.year == 0;
        if (c.more() && dt.hasDate) {
            String era = t.substring(c.i).toLowerCase(Locale.ROOT);
            if (era.equals("bc")) {
                if (dt.year == 0) {
                    throw syntax(type, s);
                }
                dt.year = 1 - dt.year;
                c.i = t.length();
            } else if (era.equals("ad")) {
                c.i = t.length();
            }
        }
        if (c.more() || (dateOnly && dt.hasTime)) {
            throw syntax(type, s);
        }
        if (dt.hasDate) {
            if (writtenYearZero) {
                throw BadValue.of("date/time field value out of range: \"" + s + "\"");
            }
            if (dt.month < 1 || dt.month > 12 || dt.day < 1
                    || dt.day > java.time.YearMonth.of(dt.year, dt.month).lengthOfMonth()) {
                throw BadValue.of("date/time field value out of range: \"" + s + "\"");
            }
        }
        return dt;
    }

    private static void parseTime(Cursor c, DateTime dt, String type) {
        int hour = c.digits(1, 2, type);
        if (!c.accept(':')) {
            throw syntax(type, c.s);
        }
        int minute = c.digits(2, 2, type);
        int second = 0;
        long micros = 0;
        if (c.accept(':')) {
            second = c.digits(2, 2, type);
            if (c.more() && c.peek() == '.') {
                int start = c.i;
                c.i++;
                while (c.more() && c.peek() >= '0' && c.peek() <= '9') {
                    c.i++;
                }
                micros = fraction(c.s.substring(start, c.i), type, c.s);
            }
        }
        if (minute > 59 || second > 60 || hour > 24
                || (hour == 24 && (minute > 0 || second > 0 || micros > 0))) {
            throw BadValue.of("date/time field value out of range: \"" + c.s + "\"");
        }
        dt.timeMicros = ((hour * 60L + minute) * 60 + second) * 1_000_000 + micros;
        dt.hasTime = true;
    }

    /** Like PostgreSQL's ParseFractionalSecond: rint(strtod(".ddd") * 1e6). */
    private static long fraction(String dotted, String type, String original) {
        if (dotted.length() == 1) {
            return 0;
        }
        if (dotted.length() <= 7) {
            long v = 0;
            for (int i = 1; i < 7; i++) {
                v = v * 10 + (i < dotted.length() ? dotted.charAt(i) - '0' : 0);
            }
            return v;
        }
        return (long) Math.rint(Double.parseDouble(dotted) * 1_000_000);
    }

    private static void parseZone(Cursor c, DateTime dt, String type) {
        char first = c.peek();
        if (first == '+' || first == '-') {
            c.i++;
            int run = 0;
            while (c.i + run < c.s.length() && Character.isDigit(c.s.charAt(c.i + run))) {
                run++;
            }
            int hours;
            int minutes = 0;
            int seconds = 0;
            if (run > 2) {
                // +HHMM or +HHMMSS
                if (run != 4 && run != 6 && run != 3 && run != 5) {
                    throw syntax(type, c.s);
                }
                int hourDigits = run % 2 == 0 ? 2 : 1;
                hours = Integer.parseInt(c.s.substring(c.i, c.i + hourDigits));
                c.i += hourDigits;
                minutes = Integer.parseInt(c.s.substring(c.i, c.i + 2));
                c.i += 2;
                if (run - hourDigits == 4) {
                    seconds = Integer.parseInt(c.s.substring(c.i, c.i + 2));
                    c.i += 2;
                }
            } else {
                hours = c.digits(1, 2, type);
                if (c.accept(':')) {
                    minutes = c.digits(2, 2, type);
                    if (c.accept(':')) {
                        seconds = c.digits(2, 2, type);
                    }
                }
            }
            if (hours > 15 || minutes > 59 || seconds > 59) {
                throw BadValue.of("time zone displacement out of range: \"" + c.s + "\"");
            }
            int total = (hours * 60 + minutes) * 60 + seconds;
            dt.offsetSeconds = first == '-' ? -total : total;
            return;
        }
        int start = c.i;
        while (c.more() && !space(c.peek())) {
            c.i++;
        }
        String name = c.s.substring(start, c.i);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("bc") || lower.equals("ad")) {
            c.i = start;
            return;
        }
        if (lower.equals("z") || lower.equals("utc") || lower.equals("gmt") || lower.equals("zulu")) {
            dt.offsetSeconds = 0;
            return;
        }
        if (name.indexOf('/') > 0) {
            try {
                dt.zone = ZoneId.of(name);
                return;
            } catch (DateTimeException e) {
                // fall through
            }
        }
        throw BadValue.of("time zone \"" + name + "\" is not recognized here: use a numeric offset (+02:00), "
                + "Z/UTC, or a region name such as Europe/Paris");
    }

    /** Days since 2000-01-01, or Integer.MAX_VALUE/MIN_VALUE for ±infinity. */
    static int date(String s) {
        DateTime dt = parseDateTime(s, "date", true, false);
        if (dt.special != 0) {
            return dt.special == 1 ? Integer.MAX_VALUE : dt.special == -1 ? Integer.MIN_VALUE : (int) -PG_EPOCH_DAY;
        }
        long days = LocalDate.of(dt.year, dt.month, dt.day).toEpochDay() - PG_EPOCH_DAY;
        if (days < MIN_DATE || days >= END_DATE) {
            throw BadValue.of("date out of range: \"" + s + "\"");
        }
        return (int) days;
    }

    static long time(String s) {
        DateTime dt = parseDateTime(s, "time without time zone", false, false);
        return dt.timeMicros;
    }

    /** {micros of the day, offset east of UTC in seconds}. */
    static long[] timetz(String s) {
        DateTime dt = parseDateTime(s, "time with time zone", false, false);
        if (dt.offsetSeconds == null) {
            throw BadValue.of("time with time zone needs an explicit offset such as +02:00 or Z: \"" + s + "\"");
        }
        return new long[] {dt.timeMicros, dt.offsetSeconds};
    }

    /** Microseconds since 2000-01-01 of the wall time (a zone, if given, is ignored as PostgreSQL does). */
    static long timestamp(String s) {
        DateTime dt = parseDateTime(s, "timestamp", true, false);
        if (dt.special != 0) {
            return dt.special == 1 ? Long.MAX_VALUE : dt.special == -1 ? Long.MIN_VALUE : -PG_EPOCH_SECOND * 1_000_000;
        }
        return checkTimestamp(wallMicros(dt), s);
    }

    static long timestamptz(String s, ZoneId session) {
        DateTime dt = parseDateTime(s, "timestamp with time zone", true, false);
        if (dt.special != 0) {
            return dt.special == 1 ? Long.MAX_VALUE : dt.special == -1 ? Long.MIN_VALUE : -PG_EPOCH_SECOND * 1_000_000;
        }
        long wall = wallMicros(dt);
        long offset;
        if (dt.offsetSeconds != null) {
            offset = dt.offsetSeconds;
        } else {
            ZoneId zone = dt.zone != null ? dt.zone : session;
            if (zone == null) {
                throw BadValue.of("no time zone given and the session's TimeZone is not known to Java; add an offset");
            }
            long seconds = Math.floorDiv(wall, 1_000_000);
            LocalDateTime local = LocalDateTime.ofEpochSecond(seconds + PG_EPOCH_SECOND, 0, ZoneOffset.UTC);
            // as PostgreSQL: in a gap the offset before it, in an overlap the later (standard) offset
            long instant = local.atZone(zone).withLaterOffsetAtOverlap().toEpochSecond();
            offset = seconds + PG_EPOCH_SECOND - instant;
        }
        return checkTimestamp(wall - offset * 1_000_000, s);
    }

    private static long wallMicros(DateTime dt) {
        long days = LocalDate.of(dt.year, dt.month, dt.day).toEpochDay() - PG_EPOCH_DAY;
        if (days < MIN_DATE - 1 || days > END_DATE) {
            throw BadValue.of("timestamp out of range");
        }
        return days * MICROS_PER_DAY + dt.timeMicros;
    }

    static long checkTimestamp(long micros, String s) {
        if (micros < MIN_TIMESTAMP || micros >= END_TIMESTAMP) {
            throw BadValue.of("timestamp out of range: \"" + s + "\"");
        }
        return micros;
    }

    // ---- interval ----

    /** {microseconds, days, months}. */
    static long[] interval(String s) {
        String t = trim(s);
        if (t.isEmpty()) {
            throw syntax("interval", s);
        }
        if (t.charAt(0) == 'P' || t.charAt(0) == 'p') {
            return isoInterval(t, s);
        }
        long micros = 0;
        long days = 0;
        long months = 0;
        String[] tokens = t.toLowerCase(Locale.ROOT).split("\\s+");
        int i = 0;
        if (tokens[0].equals("@")) {
            i++;
        }
        boolean ago = false;
        boolean any = false;
        for (; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("ago") && i == tokens.length - 1 && any) {
                ago = true;
                continue;
            }
            if (token.indexOf(':') >= 0) {
                boolean negative = token.startsWith("-");
                String body = token.startsWith("-") || token.startsWith("+") ? token.substring(1) : token;
                DateTime dt = new DateTime();
                Cursor c = new Cursor(body);
                int hours = c.digits(1, 9, "interval");
                if (!c.accept(':')) {
                    throw syntax("interval", s);
                }
                c.i = 0;
                // reuse the time parser for mm:ss.ffffff with any number of hours
                int colon = body.indexOf(':');
                Cursor rest = new Cursor("0" + body.substring(colon));
                parseTime(rest, dt, "interval");
                if (rest.more()) {
                    throw syntax("interval", s);
                }
                long value = hours * 3_600_000_000L + dt.timeMicros;
                micros += negative ? -value : value;
                any = true;
                continue;
            }
            String number = token;
            String unit;
            int u = 0;
            while (u < token.length() && ("+-.0123456789".indexOf(token.charAt(u)) >= 0)) {
                u++;
            }
            if (u < token.length()) {
                number = token.substring(0, u);
                unit = token.substring(u);
            } else if (i + 1 < tokens.length) {
                unit = tokens[++i];
            } else {
                unit = "second";
            }
            if (number.isEmpty()) {
                throw syntax("interval", s);
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(number);
            } catch (NumberFormatException e) {
                throw syntax("interval", s);
            }
            long unitMicros = 0;
            long unitDays = 0;
            long unitMonths = 0;
            switch (unit) {
                case "microsecond": case "microseconds": case "us": case "usec": case "usecs": case "useconds":
                    unitMicros = 1;
                    break;
                case "millisecond": case "milliseconds": case "ms": case "msec": case "msecs": case "mseconds":
                    unitMicros = 1_000;
                    break;
                case "second": case "seconds": case "s": case "sec": case "secs":
                    unitMicros = 1_000_000;
                    break;
                case "minute": case "minutes": case "m": case "min": case "mins":
                    unitMicros = 60_000_000;
                    break;
                case "hour": case "hours": case "h": case "hr": case "hrs":
                    unitMicros = 3_600_000_000L;
                    break;
                case "day": case "days": case "d":
                    unitDays = 1;
                    break;
                case "week": case "weeks": case "w":
                    unitDays = 7;
                    break;
                case "month": case "months": case "mon": case "mons":
                    unitMonths = 1;
                    break;
                case "year": case "years": case "y": case "yr": case "yrs":
                    unitMonths = 12;
                    break;
                case "decade": case "decades": case "dec": case "decs":
                    unitMonths = 120;
                    break;
                case "century": case "centuries": case "c": case "cent":
                    unitMonths = 1200;
                    break;
                case "millennium": case "millennia": case "mil": case "mils":
                    unitMonths = 12000;
                    break;
                default:
                    throw syntax("interval", s);
            }
            if (unitMicros > 0) {
                micros += amount.multiply(BigDecimal.valueOf(unitMicros))
                        .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
            } else {
                if (amount.stripTrailingZeros().scale() > 0) {
                    throw BadValue.of("fractional days, weeks, months or years are not taken here: \"" + s
                            + "\"; write the parts (1 day 12:00:00)");
                }
                days += amount.longValueExact() * unitDays;
                months += amount.longValueExact() * unitMonths;
            }
            any = true;
        }
        if (!any) {
            throw syntax("interval", s);
        }
        if (ago) {
            micros = -micros;
            days = -days;
            months = -months;
        }
        return checkInterval(micros, days, months, s);
    }

    private static long[] checkInterval(long micros, long days, long months, String s) {
        if (days != (int) days || months != (int) months) {
            throw BadValue.of("interval out of range: \"" + s + "\"");
        }
        return new long[] {micros, days, months};
    }

    private static long[] isoInterval(String t, String s) {
        int i = 1;
        boolean inTime = false;
        long micros = 0;
        long days = 0;
        long months = 0;
        boolean any = false;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == 'T' || c == 't') {
                inTime = true;
                i++;
                continue;
            }
            int start = i;
            while (i < t.length() && "+-.0123456789".indexOf(t.charAt(i)) >= 0) {
                i++;
            }
            if (i == start || i >= t.length()) {
                throw syntax("interval", s);
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(t.substring(start, i));
            } catch (NumberFormatException e) {
                throw syntax("interval", s);
            }
            char unit = Character.toUpperCase(t.charAt(i++));
            if (inTime && (unit == 'H' || unit == 'M' || unit == 'S')) {
                long unitMicros = unit == 'H' ? 3_600_000_000L : unit == 'M' ? 60_000_000L : 1_000_000L;
                micros += amount.multiply(BigDecimal.valueOf(unitMicros))
                        .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
            } else if (!inTime && (unit == 'Y' || unit == 'M' || unit == 'W' || unit == 'D')) {
                if (amount.stripTrailingZeros().scale() > 0) {
                    throw BadValue.of("fractional days, weeks, months or years are not taken here: \"" + s + "\"");
                }
                long v = amount.longValueExact();
                switch (unit) {
                    case 'Y' -> months += v * 12;
                    case 'M' -> months += v;
                    case 'W' -> days += v * 7;
                    default -> days += v;
                }
            } else {
                throw syntax("interval", s);
            }
            any = true;
        }
        if (!any) {
            throw syntax("interval", s);
        }
        return checkInterval(micros, days, months, s);
    }

    // ---- arrays ----

    /** A parsed array literal: dimensions, lower bounds, and the elements in row-major order (null for NULL). */
    record ArrayLiteral(int[] dims, int[] lowerBounds, List<String> elements) {
    }

    static ArrayLiteral array(String s, String type) {
        String t = trim(s);
        int i = 0;
        List<int[]> decorations = new ArrayList<>();
        if (t.startsWith("[")) {
            while (i < t.length() && t.charAt(i) == '[') {
                int close = t.indexOf(']', i);
                if (close < 0) {
                    throw BadValue.of("malformed array literal: \"" + s + "\"");
                }
                String range = t.substring(i + 1, close);
                int colon = range.indexOf(':');
                try {
                    int lower = colon < 0 ? 1 : Integer.parseInt(range.substring(0, colon).trim());
                    int upper = Integer.parseInt((colon < 0 ? range : range.substring(colon + 1)).trim());
                    decorations.add(new int[] {lower, upper});
                } catch (NumberFormatException e) {
                    throw BadValue.of("malformed array literal: \"" + s + "\"");
                }
                i = close + 1;
            }
            while (i < t.length() && space(t.charAt(i))) {
                i++;
            }
            if (i >= t.length() || t.charAt(i) != '=') {
                throw BadValue.of("malformed array literal: \"" + s + "\" (dimensions must be followed by =)");
            }
            i++;
            while (i < t.length() && space(t.charAt(i))) {
                i++;
            }
        }
        if (i >= t.length() || t.charAt(i) != '{') {
            throw BadValue.of("malformed array literal: \"" + s + "\" (array value must start with \"{\")");
        }
        ArrayParser parser = new ArrayParser(t, i, s);
        parser.parse();
        int ndim = parser.ndim;
        if (parser.elements.isEmpty()) {
            if (!decorations.isEmpty()) {
                throw BadValue.of("malformed array literal: \"" + s + "\"");
            }
            return new ArrayLiteral(new int[0], new int[0], List.of());
        }
        int[] lower = new int[ndim];
        java.util.Arrays.fill(lower, 1);
        if (!decorations.isEmpty()) {
            if (decorations.size() != ndim) {
                throw BadValue.of("malformed array literal: \"" + s + "\" (dimensions do not match the value)");
            }
            for (int d = 0; d < ndim; d++) {
                int[] bounds = decorations.get(d);
                if (bounds[1] - bounds[0] + 1 != parser.dims[d]) {
                    throw BadValue.of("malformed array literal: \"" + s + "\" (dimensions do not match the value)");
                }
                lower[d] = bounds[0];
            }
        }
        return new ArrayLiteral(java.util.Arrays.copyOf(parser.dims, ndim), lower, parser.elements);
    }

    private static final class ArrayParser {
        final String t;
        final String original;
        int i;
        int ndim = -1;
        final int[] dims = new int[6];
        final List<String> elements = new ArrayList<>();
        boolean emptySub;

        ArrayParser(String t, int start, String original) {
            this.t = t;
            this.i = start;
            this.original = original;
        }

        BadValue malformed(String why) {
            return BadValue.of("malformed array literal: \"" + original + "\" (" + why + ")");
        }

        void parse() {
            level(0);
            while (i < t.length() && space(t.charAt(i))) {
                i++;
            }
            if (i != t.length()) {
                throw malformed("junk after closing right brace");
            }
            if (ndim < 0) {
                ndim = 1;
            }
            if (emptySub && !elements.isEmpty()) {
                throw malformed("multidimensional arrays must have sub-arrays with matching dimensions");
            }
        }

        private void level(int depth) {
            if (depth >= 6) {
                throw malformed("more than 6 dimensions");
            }
            i++; // '{'
            int count = 0;
            boolean leaf = false;
            boolean nested = false;
            while (true) {
                skip();
                if (i >= t.length()) {
                    throw malformed("unexpected end of input");
                }
                char c = t.charAt(i);
                if (c == '}' && count == 0) {
                    i++;
                    if (depth == 0) {
                        ndim = ndim < 0 ? 1 : ndim;
                    } else {
                        emptySub = true;
                    }
                    return;
                }
                if (c == '{') {
                    if (leaf) {
                        throw malformed("unexpected \"{\" character");
                    }
                    nested = true;
                    level(depth + 1);
                } else {
                    if (nested) {
                        throw malformed("multidimensional arrays must have sub-arrays with matching dimensions");
                    }
                    leaf = true;
                    element();
                }
                count++;
                skip();
                if (i >= t.length()) {
                    throw malformed("unexpected end of input");
                }
                c = t.charAt(i++);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw malformed("unexpected \"" + c + "\" character");
                }
            }
            if (leaf) {
                if (ndim < 0) {
                    ndim = depth + 1;
                } else if (ndim != depth + 1) {
                    throw malformed("multidimensional arrays must have sub-arrays with matching dimensions");
                }
            }
            if (dims[depth] == 0) {
                dims[depth] = count;
            } else if (dims[depth] != count) {
                throw malformed("multidimensional arrays must have sub-arrays with matching dimensions");
            }
        }

        private void skip() {
            while (i < t.length() && space(t.charAt(i))) {
                i++;
            }
        }

        private void element() {
            StringBuilder out = new StringBuilder();
            boolean quoted = false;
            boolean anyQuotedOrEscaped = false;
            int trailingSpaces = 0;
            while (i < t.length()) {
                char c = t.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        quoted = false;
                        i++;
                    } else if (c == '\\') {
                        if (i + 1 >= t.length()) {
                            throw malformed("unexpected end of input");
                        }
                        out.append(t.charAt(i + 1));
                        i += 2;
                    } else {
                        out.append(c);
                        i++;
                    }
                    trailingSpaces = 0;
                } else if (c == '"') {
                    quoted = true;
                    anyQuotedOrEscaped = true;
                    i++;
                } else if (c == '\\') {
                    if (i + 1 >= t.length()) {
                        throw malformed("unexpected end of input");
                    }
                    out.append(t.charAt(i + 1));
                    anyQuotedOrEscaped = true;
                    trailingSpaces = 0;
                    i += 2;
                } else if (c == ',' || c == '}') {
                    break;
                } else if (c == '{') {
                    throw malformed("unexpected \"{\" character");
                } else {
                    out.append(c);
                    trailingSpaces = space(c) ? trailingSpaces + 1 : 0;
                    i++;
                }
            }
            if (quoted) {
                throw malformed("unexpected end of input");
            }
            out.setLength(out.length() - trailingSpaces);
            String value = out.toString();
            if (!anyQuotedOrEscaped && value.isEmpty()) {
                throw malformed("unexpected \"" + (i < t.length() ? t.charAt(i) : ' ') + "\" character");
            }
            elements.add(!anyQuotedOrEscaped && value.equalsIgnoreCase("null") ? null : value);
        }
    }

    // ---- ranges ----

    /** A parsed range literal; bounds are null when infinite. */
    record RangeLiteral(boolean empty, String lower, String upper, boolean lowerInclusive, boolean upperInclusive) {
    }

    static RangeLiteral range(String s) {
        String t = trim(s);
        if (t.equalsIgnoreCase("empty")) {
            return new RangeLiteral(true, null, null, false, false);
        }
        if (t.length() < 3 || (t.charAt(0) != '[' && t.charAt(0) != '(')) {
            throw BadValue.of("malformed range literal: \"" + s + "\" (missing left parenthesis or bracket)");
        }
        boolean lowerInclusive = t.charAt(0) == '[';
        int[] at = {1};
        String lower = bound(t, at, ',', s);
        if (at[0] >= t.length() || t.charAt(at[0]) != ',') {
            throw BadValue.of("malformed range literal: \"" + s + "\" (missing comma after lower bound)");
        }
        at[0]++;
        String upper = bound(t, at, ')', s);
        if (at[0] != t.length() - 1 || (t.charAt(at[0]) != ']' && t.charAt(at[0]) != ')')) {
            throw BadValue.of("malformed range literal: \"" + s + "\" (junk after right parenthesis or bracket)");
        }
        boolean upperInclusive = t.charAt(at[0]) == ']';
        return new RangeLiteral(false, lower, upper, lower != null && lowerInclusive, upper != null && upperInclusive);
    }

    private static String bound(String t, int[] at, char end, String original) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int i = at[0];
        while (i < t.length()) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
                        out.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else if (c == '\\' && i + 1 < t.length()) {
                    out.append(t.charAt(++i));
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            if (c == ',' || c == ']' || c == ')') {
                break;
            }
            if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == '\\' && i + 1 < t.length()) {
                out.append(t.charAt(++i));
                any = true;
            } else {
                out.append(c);
                any = true;
            }
            i++;
        }
        if (quoted) {
            throw BadValue.of("malformed range literal: \"" + original + "\" (unexpected end of input)");
        }
        at[0] = i;
        return any ? out.toString() : null;
    }
}
