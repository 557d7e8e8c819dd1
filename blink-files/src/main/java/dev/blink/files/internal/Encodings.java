package dev.blink.files.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Java charsets and PostgreSQL's encodings. A file in an encoding that PostgreSQL knows goes to
 * {@code COPY} as bytes with its {@code ENCODING}, so the server decodes it; one that PostgreSQL
 * does not know (UTF-16, UTF-32) is decoded by Java and sent as UTF-8. When Blink itself must
 * read the values (a transform, an inserter that takes rows), Java decodes the file: allowed only
 * for the charsets whose Java decoder {@code EncodingOracleTest} proves to decode every byte as the
 * server does, and for the Unicode ones.
 */
public final class Encodings {

    /** Java's canonical charset name → PostgreSQL's encoding name. */
    private static final Map<String, String> POSTGRESQL = Map.ofEntries(
            Map.entry("UTF-8", "UTF8"),
            Map.entry("ISO-8859-1", "LATIN1"), Map.entry("ISO-8859-2", "LATIN2"), Map.entry("ISO-8859-3", "LATIN3"),
            Map.entry("ISO-8859-4", "LATIN4"), Map.entry("ISO-8859-9", "LATIN5"), Map.entry("ISO-8859-13", "LATIN7"),
            Map.entry("ISO-8859-15", "LATIN9"), Map.entry("ISO-8859-5", "ISO_8859_5"),
            Map.entry("ISO-8859-6", "ISO_8859_6"), Map.entry("ISO-8859-7", "ISO_8859_7"),
            Map.entry("ISO-8859-8", "ISO_8859_8"), Map.entry("KOI8-R", "KOI8R"), Map.entry("KOI8-U", "KOI8U"),
            Map.entry("windows-1250", "WIN1250"), Map.entry("windows-1251", "WIN1251"),
            Map.entry("windows-1252", "WIN1252"), Map.entry("windows-1253", "WIN1253"),
            Map.entry("windows-1254", "WIN1254"), Map.entry("windows-1255", "WIN1255"),
            Map.entry("windows-1256", "WIN1256"), Map.entry("windows-1257", "WIN1257"),
            Map.entry("windows-1258", "WIN1258"), Map.entry("IBM866", "WIN866"), Map.entry("x-windows-874", "WIN874"),
            Map.entry("EUC-JP", "EUC_JP"), Map.entry("EUC-KR", "EUC_KR"), Map.entry("GB2312", "EUC_CN"),
            Map.entry("x-EUC-TW", "EUC_TW"), Map.entry("GBK", "GBK"), Map.entry("GB18030", "GB18030"),
            Map.entry("Big5", "BIG5"), Map.entry("Shift_JIS", "SJIS"), Map.entry("x-windows-949", "UHC"),
            Map.entry("x-Johab", "JOHAB"));

    /**
     * The charsets whose Java decoder reads every byte sequence as PostgreSQL's conversion does
     * (checked byte by byte by {@code EncodingOracleTest}), besides UTF-8. The multi-byte legacy
     * encodings are left out: Java's tables differ from PostgreSQL's (Shift_JIS 0x815C is U+2014
     * to Java and U+2015 to PostgreSQL, and so on).
     */
    static final Set<String> DECODED_LIKE_POSTGRESQL = Set.of("ISO-8859-1", "ISO-8859-2", "ISO-8859-3",
            "ISO-8859-4", "ISO-8859-9", "ISO-8859-13", "ISO-8859-15", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7",
            "ISO-8859-8", "KOI8-R", "KOI8-U", "windows-1250", "windows-1251", "windows-1252", "windows-1253",
            "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258", "IBM866");

    private Encodings() {
    }

    /** PostgreSQL's name for {@code charset}, if it knows the encoding. */
    public static Optional<String> postgresql(Charset charset) {
        return Optional.ofNullable(POSTGRESQL.get(charset.name()));
    }

    /** Whether Blink may decode {@code charset} itself: Java reads it as PostgreSQL does, or PostgreSQL does not know it. */
    static boolean javaDecodes(Charset charset) {
        return isUnicode(charset) || DECODED_LIKE_POSTGRESQL.contains(charset.name())
                || !POSTGRESQL.containsKey(charset.name());
    }

    /**
     * The Unicode encoding of a JSON text from its first (up to four) bytes, as RFC 4627 tells:
     * the zero bytes of an ASCII first character, or a byte order mark; UTF-8 otherwise.
     */
    static Charset detectUnicode(byte[] first) {
        int n = first.length;
        int b0 = n > 0 ? first[0] & 0xff : -1;
        int b1 = n > 1 ? first[1] & 0xff : -1;
        int b2 = n > 2 ? first[2] & 0xff : -1;
        int b3 = n > 3 ? first[3] & 0xff : -1;
        if (n == 4 && b0 == 0 && b1 == 0 && (b2 == 0 || b2 == 0xfe && b3 == 0xff)) {
            return Charset.forName("UTF-32BE");
        }
        if (n == 4 && b2 == 0 && b3 == 0 && (b1 == 0 || b0 == 0xff && b1 == 0xfe)) {
            return Charset.forName("UTF-32LE");
        }
        if (b0 == 0xfe && b1 == 0xff || b0 == 0 && n > 1) {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 == 0xff && b1 == 0xfe || b1 == 0 && n > 1) {
            return StandardCharsets.UTF_16LE;
        }
        return StandardCharsets.UTF_8;
    }

    /** UTF-8, UTF-16 or UTF-32 in any byte order: text whose first character may be a byte order mark. */
    static boolean isUnicode(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.startsWith("UTF-") || name.startsWith("X-UTF-");
    }
}
