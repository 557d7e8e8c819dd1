package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.blink.SeedException;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The oracle of text forms: for every type of the README's table, arrays and ranges, thousands of
 * generated Strings (PostgreSQL's forms, the edge cases of issue 11, and random edits of them)
 * under generated session settings (named and POSIX TimeZones, every IntervalStyle, DateStyle's
 * field orders) are loaded through Blink and read by the server itself: each input goes through
 * the type's input function in a PL/pgSQL loop ({@code CAST(CAST($1 AS text) AS type)}, inserted
 * into a column of the same type and typmod, each in its own subtransaction). Blink must store
 * what the server stores for every input the server takes, and refuse every input it refuses.
 */
@Tag("versions")
class TextFormOracleTest {

    /** The column types, by family; every type of the README's table, arrays, ranges and typmods. */
    private static final Map<String, List<String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("numbers", List.of("bool", "int2", "int4", "int8", "oid", "float4", "float8", "numeric",
                "numeric(6,2)"));
        FAMILIES.put("texts", List.of("text", "varchar(5)", "char(3)", "name", "\"char\"", "xml", "json", "jsonb",
                "mood", "bytea", "uuid"));
        FAMILIES.put("times", List.of("date", "time", "timetz", "timestamp", "timestamptz", "interval"));
        FAMILIES.put("network", List.of("inet", "cidr", "macaddr", "macaddr8"));
        FAMILIES.put("containers", List.of("int4[]", "text[]", "date[]", "numeric[]", "int4range", "numrange",
                "daterange", "tstzrange"));
    }

    private static final int INPUTS_PER_TYPE = 220;
    /** Inputs the server refuses are tried one COPY each: a sample of this many per type and try. */
    private static final int REFUSED_PER_TYPE = 4;

    private static final List<String> TIME_ZONES = List.of("UTC", "Europe/Paris", "America/New_York", "UTC+3",
            "GMT-05:30", "<+0530>-5:30", "Asia/Kathmandu", "EST5EDT");
    private static final List<String> INTERVAL_STYLES = List.of("postgres", "postgres_verbose", "sql_standard",
            "iso_8601");
    private static final List<String> DATE_STYLES = List.of("ISO, MDY", "ISO, DMY", "ISO, YMD");

    private static TestDatabase db;
    private static Connection connection;
    private static final Map<String, String> TABLES = new HashMap<>();

    @BeforeContainer
    static void open() throws SQLException {
        db = PostgresServer.shared().createDatabase();
        connection = db.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
            statement.execute("""
                    CREATE FUNCTION blink_oracle(tbl text, typ text, texts text[])
                    RETURNS TABLE(k int, ok boolean, v text) LANGUAGE plpgsql AS $$
                    DECLARE t text;
                    BEGIN
                      k := 0;
                      FOREACH t IN ARRAY texts LOOP
                        k := k + 1;
                        BEGIN
                          EXECUTE format('INSERT INTO %s (k, v) VALUES ($1, CAST(CAST($2 AS text) AS %s))'
                              || ' RETURNING v::text', tbl, typ) INTO v USING k, t;
                          ok := true;
                        EXCEPTION WHEN data_exception OR check_violation THEN
                          ok := false;
                          v := NULL;
                        END;
                        RETURN NEXT;
                      END LOOP;
                    END $$""");
            int n = 0;
            for (List<String> types : FAMILIES.values()) {
                for (String type : types) {
                    n++;
                    TABLES.put(type, "o" + n);
                    statement.execute("CREATE TABLE o" + n + " (k int, v " + type + ")");
                    statement.execute("CREATE TABLE b" + n + " (k int, v " + type + ")");
                }
            }
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        connection.close();
        db.close();
    }

    /** Session settings that change how the server reads text. */
    record Settings(String timeZone, String intervalStyle, String dateStyle) {
    }

    @Provide
    Arbitrary<Settings> settings() {
        return Combinators.combine(Arbitraries.of(TIME_ZONES), Arbitraries.of(INTERVAL_STYLES),
                Arbitraries.of(DATE_STYLES)).as(Settings::new);
    }

    @Property(tries = 6, seed = "101")
    void numbers(@ForAll("settings") Settings settings, @ForAll("numberInputs") Map<String, List<String>> inputs)
            throws SQLException {
        check(settings, inputs);
    }

    @Property(tries = 6, seed = "102")
    void texts(@ForAll("settings") Settings settings, @ForAll("textInputs") Map<String, List<String>> inputs)
            throws SQLException {
        check(settings, inputs);
    }

    @Property(tries = 6, seed = "103")
    void times(@ForAll("settings") Settings settings, @ForAll("timeInputs") Map<String, List<String>> inputs)
            throws SQLException {
        check(settings, inputs);
    }

    @Property(tries = 6, seed = "104")
    void network(@ForAll("settings") Settings settings, @ForAll("networkInputs") Map<String, List<String>> inputs)
            throws SQLException {
        check(settings, inputs);
    }

    @Property(tries = 6, seed = "105")
    void containers(@ForAll("settings") Settings settings, @ForAll("containerInputs") Map<String, List<String>> inputs)
            throws SQLException {
        check(settings, inputs);
    }

    // ---- the comparison ----

    private static void check(Settings settings, Map<String, List<String>> inputs) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = '" + settings.timeZone() + "'");
            statement.execute("SET IntervalStyle = '" + settings.intervalStyle() + "'");
            statement.execute("SET DateStyle = '" + settings.dateStyle() + "'");
        }
        for (Map.Entry<String, List<String>> entry : inputs.entrySet()) {
            checkType(entry.getKey(), entry.getValue(), settings);
        }
    }

    private static void checkType(String type, List<String> inputs, Settings settings) throws SQLException {
        String oracle = TABLES.get(type);
        String blink = "b" + oracle.substring(1);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + oracle); // small tables: cheaper than TRUNCATE
            statement.execute("DELETE FROM " + blink);
        }
        List<String> taken = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT k, ok, v FROM blink_oracle(?, ?, ?)")) {
            statement.setString(1, oracle);
            statement.setString(2, baseType(type));
            Array array = connection.createArrayOf("text", inputs.toArray());
            statement.setArray(3, array);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String input = inputs.get(rs.getInt(1) - 1);
                    if (rs.getBoolean(2)) {
                        taken.add(input);
                        stored.add(rs.getString(3));
                    } else {
                        refused.add(input);
                    }
                }
            }
        }
        String where = type + " under " + settings;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            rows.add(new Object[] {i, taken.get(i)});
        }
        if (!rows.isEmpty()) {
            try {
                PgCopyInserter.copy(connection, blink, List.of("k", "v"), rows);
            } catch (SeedException e) {
                fail(where + ": the server reads every one of " + taken.size() + " inputs, but Blink refused one: "
                        + e.getMessage(), e);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT k, v::text FROM " + blink + " ORDER BY k")) {
                int count = 0;
                while (rs.next()) {
                    int k = rs.getInt(1);
                    count++;
                    assertEquals(stored.get(k), rs.getString(2), where + " from \"" + taken.get(k) + "\"");
                }
                assertEquals(taken.size(), count, where + ": every row was stored");
            }
        }
        for (String input : refused.subList(0, Math.min(REFUSED_PER_TYPE, refused.size()))) {
            try {
                PgCopyInserter.copy(connection, blink, List.of("k", "v"), List.<Object[]>of(new Object[] {-1, input}));
                fail(where + ": the server refuses \"" + input + "\" but Blink stored "
                        + db.queryValue("SELECT v::text FROM " + blink + " WHERE k = -1"));
            } catch (SeedException expected) {
                // refused, as by the server
            }
        }
    }

    /** The type without its typmod, so that the typmod applies as COPY applies it (char(3) refuses 'abcd'). */
    private static String baseType(String type) {
        return switch (type) {
            case "varchar(5)" -> "varchar";
            case "char(3)" -> "pg_catalog.bpchar";
            case "numeric(6,2)" -> "numeric";
            default -> type;
        };
    }

    // ---- inputs: forms, edge cases, and random edits of them ----

    private static Arbitrary<Map<String, List<String>>> family(String name) {
        List<String> types = FAMILIES.get(name);
        List<Arbitrary<List<String>>> perType = new ArrayList<>();
        for (String type : types) {
            perType.add(inputs(seeds(type), alphabet(type)));
        }
        return Combinators.combine(perType).as(lists -> {
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (int i = 0; i < types.size(); i++) {
                map.put(types.get(i), lists.get(i));
            }
            return map;
        });
    }

    @Provide
    Arbitrary<Map<String, List<String>>> numberInputs() {
        return family("numbers");
    }

    @Provide
    Arbitrary<Map<String, List<String>>> textInputs() {
        return family("texts");
    }

    @Provide
    Arbitrary<Map<String, List<String>>> timeInputs() {
        return family("times");
    }

    @Provide
    Arbitrary<Map<String, List<String>>> networkInputs() {
        return family("network");
    }

    @Provide
    Arbitrary<Map<String, List<String>>> containerInputs() {
        return family("containers");
    }

    /** The seeds as they are, and each with zero to three random edits from the alphabet. */
    private static Arbitrary<List<String>> inputs(List<String> seeds, String alphabet) {
        Arbitrary<String> seed = Arbitraries.of(seeds);
        // whole code points: half a surrogate pair is not text (Blink and pgjdbc both refuse to send it)
        Arbitrary<String> letter = Arbitraries.of(alphabet.codePoints().mapToObj(Character::toString).toList());
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1000)).as((kind, at) -> new int[] {kind, at});
        Arbitrary<String> edited = Combinators.combine(seed, edit.list().ofMaxSize(3), letter.list().ofSize(3))
                .as((s, edits, letters) -> {
                    StringBuilder b = new StringBuilder(s);
                    for (int i = 0; i < edits.size(); i++) {
                        int kind = edits.get(i)[0];
                        int at = b.length() == 0 ? 0 : edits.get(i)[1] % (b.length() + 1);
                        String c = letters.get(i);
                        switch (kind) {
                            case 0 -> b.insert(at < b.length() && Character.isLowSurrogate(b.charAt(at)) ? at - 1 : at, c);
                            case 1 -> {
                                if (at < b.length() && !Character.isSurrogate(b.charAt(at))) {
                                    b.deleteCharAt(at);
                                }
                            }
                            case 2 -> {
                                if (at < b.length() && !Character.isSurrogate(b.charAt(at))) {
                                    b.replace(at, at + 1, c);
                                }
                            }
                            default -> {
                                int from = at < b.length() && Character.isLowSurrogate(b.charAt(at)) ? at - 1 : at;
                                int to = Math.min(b.length(), from + 3);
                                if (to < b.length() && Character.isLowSurrogate(b.charAt(to))) {
                                    to++;
                                }
                                b.insert(from, b.substring(from, to));
                            }
                        }
                    }
                    return b.toString();
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, seed), net.jqwik.api.Tuple.of(3, edited))
                .list().ofSize(INPUTS_PER_TYPE).map(list -> {
                    List<String> all = new ArrayList<>(seeds);
                    all.addAll(list);
                    return all;
                });
    }

    private static List<String> seeds(String type) {
        return switch (type) {
            case "bool" -> List.of("t", "true", "TRUE", " yes ", "y", "on", "off", "of", "o", "1", "0", "f", "no", "n",
                    "maybe", "", "2", "tr", "fa", "ye");
            case "int2", "int4", "int8", "oid" -> List.of("0", "-32768", "32767", "32768", "2147483647", "-2147483648",
                    "2147483648", "4294967295", "4294967296", "9223372036854775807", "-9223372036854775808",
                    "9223372036854775808", " 42 ", "+7", "-0", "0x7f", "0o17", "0b101", "1_000", "1__0", "_1", "1_",
                    "010", "007", "0x", "abc", "", "12a", "- 1", "1.0", "1e3", "0xFFFFFFFF", "-0x80000000");
            case "float4", "float8" -> List.of("1.5", "NaN", "nan", "Infinity", "-inf", "+INFINITY", "1e38", "1e39",
                    "1e-50", "1e-400", "1e308", "1e309", "4.9e-324", "3.4028235e38", "1.17549435e-38", "0x10", "1.",
                    "  .5 ", "1e", "abc", "1.5f", "-0", "1_0", "0.1", "123456789.123456789", "  -2.5E-3  ");
            case "numeric", "numeric(6,2)" -> List.of("0", "-1.50", "1e3", "1E-3", "NaN", "Infinity", "-Infinity",
                    "inf", "1_000.5", "0x1F", "-0b11", "  12.5  ", ".5", "5.", "abc", "1e1001", "", "+.5e+2", "1__0",
                    "1e-1000", "00001.100", "-0", "1.", ".", "1e2147483648", "1e-2147483649", "1234.567", "9999.995");
            case "text", "varchar(5)", "char(3)" -> List.of("", "abc", "abcdef", "a\\b", "tab\there", "line\nbreak",
                    "cr\rx", "é😀", "\\.", "\\N", "NULL", "  x  ", "abc   ", "\"q\"");
            case "name" -> List.of("a_name", "x".repeat(63), "x".repeat(64), "é".repeat(31) + "x", "é".repeat(40),
                    "with space");
            case "\"char\"" -> List.of("a", "\\101", "\\377", "ab", "", "é", "\\", "\\0", "\\1011");
            case "xml" -> List.of("<a/>", "<?xml version=\"1.0\" encoding=\"LATIN1\"?><a>é</a>",
                    "<?xml version=\"1.0\"?><b>x</b>", "<a>", "text", "<a>&amp;</a>", "<a>&bad;</a>");
            case "json", "jsonb" -> List.of("{\"a\":1}", "[1, 2]", "\"text\"", "12.50", "-0", "1e400",
                    "{\"a\":\"\\u0000\"}", "{\"a\" 1}", "nul", "{\"b\":1, \"a\":2, \"a\":3}", "  {\"a\" : [true, null]}  ",
                    "\"\\ud83d\\ude00\"", "");
            case "mood" -> List.of("sad", "ok", "happy", "Happy", " ok", "nope", "");
            case "bytea" -> List.of("\\x0102ff", "\\x", "\\x0", "\\xzz", "\\x01 02", "abc", "a\\\\b", "\\001\\377",
                    "\\9", "\\", "héllo", "\\xＦＦ", "\\x\f01", "\\X0102");
            case "uuid" -> List.of("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                    "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                    "a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11",
                    "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            case "date" -> List.of("2024-01-02", "2024-1-2", "infinity", "-infinity", "epoch", "0044-03-15 BC",
                    "2024-02-30", "2024-02-29", "0000-01-01", "5874897-12-31", "5874898-01-01", "4714-11-24 BC",
                    "4714-11-23 BC", "January 8, 1999", "1/8/1999", "08-Jan-1999", "19990108", "J2451187",
                    "1999-008", "99-01-08");
            case "time" -> List.of("12:34", "12:34:56.123456", "12:34:56.1234567", "24:00:00", "allballs", "25:00",
                    "12:60", "23:59:60", "23:59:60.5", "1:02:03", "23:59:59.9999999", "12:34:56+02", "04:05 PM",
                    "040506");
            case "timetz" -> List.of("12:34:56+02", "12:34:56-05:30", "12:34:56Z", "12:00:00+0530", "12:00:00+053000",
                    "12:00:00+05:30:15", "00:00:00-15", "12:00:00-15:59", "12:00:00+16", "12:00 PST", "12:00");
            case "timestamp", "timestamptz" -> List.of("2024-01-02 03:04:05", "2024-01-02T03:04:05.5", "infinity",
                    "2024-01-02 03:04:05+02", "2024-03-10 02:30:00", "2024-11-03 01:30:00", "2024-03-31 02:30:00",
                    "2024-07-01 12:00:00 Europe/Paris", "2024-01-01 00:00 PST", "294276-12-31 23:59:59.999999",
                    "294277-01-01 00:00:00", "2024-01-02 24:00:00", "2024-01-02 03:04:05.9999995",
                    "1999-01-08 04:05:06 -8:00", "2024-01-02 03:04:05 +053000", "0001-01-01 00:00:00 BC",
                    "2024-01-02 03:04:05.123456789", "January 8 04:05:06 1999 PST", "epoch", "2024-02-30 00:00");
            case "interval" -> List.of("1 day", "-1 day 02:03:04", "-1 days +02:00:00", "P1Y2M3DT4H5M6.5S", "p1y2m",
                    "PT36H", "@ 1 hour ago", "1.5 us", "1.5 seconds", "9223372036854775807 year", "1 day 1 day",
                    "178956970 years 8 months", "2147483648 days", "1-2", "3 4:05:06", "-1-2 +3 -4:05:06",
                    "P-1Y-2M3DT-4H-5M-6.5S", "-P1D", "PT2147483648H", "100:00:00", "1 decade", "1.5 months",
                    "0.5 years", "7 us", "1 millisecond", "abc", "");
            case "inet", "cidr" -> List.of("192.168.0.1", "192.168.0.1/24", "::1", "::ffff:1.2.3.4", "2001:db8::1/64",
                    "300.1.1.1", "1.2.3", "10.0.0.1/33", " 10.0.0.1 ", "fe80::1%eth0", "10.0.0.0/8", "10.1.0.0/8",
                    "10/8", "192.168/16", "2001:db8::/32");
            case "macaddr", "macaddr8" -> List.of("08:00:2b:01:02:03", "08-00-2b-01-02-03", "08002b:010203",
                    "08002b-010203", "0800.2b01.0203", "0800-2b01-0203", "08002b010203", "08:00:2B:01:02:03",
                    "08:00:2b:01:02", "zz:00:2b:01:02:03", "08:00:2b:01:02:03:04:05", "08002b0102030405");
            case "int4[]", "numeric[]" -> List.of("{1,2,NULL}", "{}", "{{1,2},{3,4}}", "{ 1 , 2 }", "{1,{2}}",
                    "{{1},{2,3}}", "[0:1]={5,6}", "{\"3\"}", "{null}", "1,2", "{1,}", "{1,2}}", "{{}}", "{{},{}}",
                    "{1,x}", "[1:2][3:4]={{1,2},{3,4}}", "{1_000}", "{0x10}");
            case "text[]" -> List.of("{a,\"b c\",\"\",NULL,\"NULL\",\\\"x}", "{\"with \\\"quote\\\"\"}",
                    "{ spaced out , b }", "{😀,é}", "{a\\,b}", "{\"a\"b}", "{a\"b\"}", "{{a},{b}}", "{\\\\}");
            case "date[]" -> List.of("{2024-01-01,infinity}", "{2024-02-30}", "{\"January 8, 1999\"}", "{epoch}");
            case "int4range", "numrange" -> List.of("[1,10)", "(1,10]", "empty", "[,5)", "(,)", "[5,1)", "[1,2)x",
                    "[ 1 , 2 )", "EMPTY", "(\"1\",\"3\")", "[1.5,2.5]", "(,1e3)", "[1,1)", "[1,1]");
            case "daterange", "tstzrange" -> List.of("[2024-01-01,infinity)", "[2024-01-01,2024-01-31]",
                    "[\"2024-01-01 00:00+02\",\"2024-01-02 00:00\")", "(,)", "[2024-01-02,2024-01-01)", "empty");
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static String alphabet(String type) {
        return switch (type) {
            case "bool" -> "truefalsyno01 TF";
            case "int2", "int4", "int8", "oid" -> "0123456789+-_xXoObB .eE";
            case "float4", "float8" -> "0123456789+-.eEinfINFaA _xp";
            case "numeric", "numeric(6,2)" -> "0123456789+-._eE xXnaN";
            case "text", "varchar(5)", "char(3)", "name" -> "ab \\\t\n\r\"é😀N.";
            case "\"char\"" -> "a\\0137é";
            case "xml" -> "<>/a\"=?& é";
            case "json", "jsonb" -> "{}[]\":,0123456789.eE-tfnul \\";
            case "mood" -> "sadokhpyS ";
            case "bytea" -> "\\x0123456789abcdefABCDEF g";
            case "uuid" -> "0123456789abcdefABCDEF-{}g";
            case "date", "timestamp", "timestamptz" -> "0123456789-: .TZ+BCADJanuryPST/,";
            case "time", "timetz" -> "0123456789:.+-Z PMA";
            case "interval" -> "0123456789 .:-+@PYMWDTHSyearmonthdysago";
            case "inet", "cidr" -> "0123456789./:abcdef% ";
            case "macaddr", "macaddr8" -> "0123456789abcdefABCDEF:-.z";
            case "int4[]", "numeric[]", "text[]", "date[]" -> "{}[]:=,\"\\ 0123456789NULLab";
            default -> "[](),\"\\ 0123456789.emptyinf-:";
        };
    }
}
