package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.SeedException;
import dev.blink.ValueException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One test per class of value defect that issue 11 found, each against the server itself: the
 * session's TimeZone sign, session settings, text forms stored differently or accepted though the
 * server refuses them, crashes instead of a {@code ValueException}, and Java objects.
 */
@Tag("versions")
class ValueDefectsTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static TestDatabase db;
    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        db = postgres.database();
        connection = db.connect();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static void set(String setting, String value) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET " + setting + " = '" + value + "'");
        }
    }

    private static String table(String type) throws SQLException {
        String table = "vd_" + TABLES.incrementAndGet();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (i int, v " + type + ")");
        }
        return table;
    }

    /** Copies each value in its own row through Blink, and returns what each row holds as text. */
    private static List<String> stored(String type, List<?> values) throws SQLException {
        String table = table(type);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(new Object[] {i, values.get(i)});
        }
        PgCopyInserter.copy(connection, table, List.of("i", "v"), rows);
        List<String> texts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT v::text FROM " + table + " ORDER BY i")) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }

    /** What the server stores for {@code sql} (an expression of parameter 1), as text. */
    private static String server(String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT (" + sql + ")::text")) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Each text lands as the server's input function reads it, or is refused as the server refuses it. */
    private static void assertSameAsServer(String type, String... texts) throws SQLException {
        for (String text : texts) {
            String expected;
            try { // autocommit: a refused cast leaves the connection usable
                expected = server("CAST(CAST(? AS text) AS " + type + ")", text);
            } catch (SQLException e) {
                expected = null;
            }
            String table = table(type);
            if (expected == null) {
                SeedException e = assertThrows(SeedException.class, () -> PgCopyInserter.copy(connection, table,
                        List.of("i", "v"), List.<Object[]>of(new Object[] {1, text})), type + " \"" + text + "\"");
                assertEquals(0L, db.queryValue("SELECT count(*) FROM " + table), e.getMessage());
            } else {
                PgCopyInserter.copy(connection, table, List.of("i", "v"), List.<Object[]>of(new Object[] {1, text}));
                assertEquals(expected, server("(SELECT v FROM " + table + " WHERE i = ?)", 1),
                        type + " \"" + text + "\"");
            }
        }
    }

    @Test
    void readsTheSessionTimeZoneWithPosixSigns() throws SQLException {
        LocalDateTime wall = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
        // GMT-05:30 is what pgjdbc sends for a JVM started with -Duser.timezone=GMT+05:30
        for (String zone : List.of("UTC+3", "GMT-05:30", "<+0530>-5:30", "Etc/GMT+3", "UTC", "EST5EDT",
                "Europe/Paris", "America/New_York")) {
            set("TimeZone", zone);
            List<LocalDateTime> walls = List.of(wall, LocalDateTime.of(2024, 3, 10, 2, 30), // a gap in New York
                    LocalDateTime.of(2024, 11, 3, 1, 30), LocalDateTime.of(2024, 3, 31, 2, 30)); // an overlap; Paris
            List<String> ours = stored("timestamptz", walls);
            for (int i = 0; i < walls.size(); i++) {
                assertEquals(server("CAST(CAST(? AS text) AS timestamptz)", walls.get(i).toString().replace('T', ' ')),
                        ours.get(i), zone + " " + walls.get(i));
            }
            assertSameAsServer("timestamptz", "2024-01-02 03:04:05", "2024-07-01 12:00");
        }
        set("TimeZone", "UTC");
    }

    @Test
    void readsTheZoneThatPgjdbcSendsForTheJvmDefault() throws SQLException {
        java.util.TimeZone jvm = java.util.TimeZone.getDefault();
        Connection rewritten;
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("GMT+05:30"));
            rewritten = db.connect(); // pgjdbc sends the JVM's zone with POSIX's sign: TimeZone=GMT-05:30
        } finally {
            java.util.TimeZone.setDefault(jvm);
        }
        try (rewritten; Statement statement = rewritten.createStatement()) {
            statement.execute("CREATE TABLE jvm_zone (i int, v timestamptz)");
            LocalDateTime wall = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
            PgCopyInserter.copy(rewritten, "jvm_zone", List.of("i", "v"), List.<Object[]>of(new Object[] {1, wall},
                    new Object[] {2, null}));
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('TimeZone'),"
                    + " v = '2024-01-02 03:04:05'::timestamp::timestamptz, v = '2024-01-02 03:04:05+05:30'"
                    + " FROM jvm_zone WHERE i = 1")) {
                rs.next();
                assertEquals("GMT-05:30", rs.getString(1));
                assertTrue(rs.getBoolean(2), "stored as the server reads the wall time in its TimeZone");
                assertTrue(rs.getBoolean(3), "which is 05:30 east of UTC");
            }
        }
    }

    @Test
    void readsIntervalsUnderEveryIntervalStyle() throws SQLException {
        for (String style : List.of("sql_standard", "postgres", "postgres_verbose", "iso_8601")) {
            set("IntervalStyle", style);
            assertSameAsServer("interval", "-1 day 02:03:04", "-1 2:03:04", "1-2", "@ 1 day -2 hours ago",
                    "P1Y-2M");
        }
        set("IntervalStyle", "postgres");
    }

    @Test
    void readsTheTextFormsThatBlinkOnceReadDifferently() throws SQLException {
        assertSameAsServer("interval", "9223372036854775807 year", "1.5 us", "1 day 1 day", "p1y2m3d",
                "PT2147483648H", "178956970 years 8 months");
        assertSameAsServer("oid", "010", "0x10", "4294967295", "-1");
        assertSameAsServer("bytea", "\\xＦＦ", "\\x\f01", "\\x01\u000b02");
        assertSameAsServer("timetz", "12:00:00+053000", "12:00:00+15:59");
        assertSameAsServer("time", "23:59:60.5", "23:59:60");
        assertSameAsServer("text[]", "{\"a\"b}", "{a\"b\"}");
        assertSameAsServer("float4", "1e-46", "1e-45", "7e-46", "1e-400");
        assertSameAsServer("float8", "1e-400", "2e-324", "4e-324");
        assertSameAsServer("xml", "<?xml version=\"1.0\" encoding=\"LATIN1\"?><a>é</a>");
        assertSameAsServer("name", "é".repeat(40));
        assertSameAsServer("\"char\"", "\\101", "\\377");
        // the forms of PostgreSQL 16 and later, which 15 and earlier refuse
        assertSameAsServer("int4", "0x7f", "1_000");
        assertSameAsServer("numeric", "1_000.5");
        assertSameAsServer("int4[]", "{{}}");
    }

    @Test
    void reportsHugeExponentsAndFieldsAsValueExceptionsAtTheirRowAndColumn() throws SQLException {
        for (String[] input : List.of(new String[] {"numeric", "1e2147483648"},
                new String[] {"interval", "99999999999999999999 hours"},
                new String[] {"interval", "9223372036854775807 days 9223372036854775807 days"})) {
            String table = table(input[0]);
            ValueException e = assertThrows(ValueException.class, () -> PgCopyInserter.copy(connection, table,
                    List.of("i", "v"), List.<Object[]>of(new Object[] {1, "0"}, new Object[] {2, input[1]})));
            assertEquals(2, e.location().rowNumber(), e.getMessage());
            assertEquals("v", e.location().columnName().orElseThrow(), e.getMessage());
            assertTrue(e.getMessage().contains(input[1]), e.getMessage());
            assertEquals(0L, db.queryValue("SELECT count(*) FROM " + table));
        }
    }

    @Test
    void roundsNumbersIntoFloat4OnceAsTheServerCastsThem() throws SQLException {
        long tie = (1L << 53) + (1L << 29) + 1; // long -> double -> float lands on the other side
        BigDecimal decimalTie = new BigDecimal("1.00000005960464477539062500000001");
        assertEquals(List.of(server("?::int8::float4", tie), server("?::numeric::float4", decimalTie)),
                stored("float4", List.of(tie, decimalTie)));
        ValueException e = assertThrows(ValueException.class, () -> stored("float4", List.of(new BigDecimal("1E+400"))));
        assertTrue(e.getMessage().contains("out of range for type real"), e.getMessage());
    }

    @Test
    void storesDoublesInNumericAsTheServersCastDoes() throws SQLException {
        List<Double> doubles = List.of(0.1 + 0.2, 100.0, 1e23, 1.0 / 3, 123456789012345678.0, 5e-324, -0.0);
        List<String> expected = new ArrayList<>();
        for (double d : doubles) {
            expected.add(server("?::float8::numeric", d));
        }
        assertEquals(expected, stored("numeric", doubles));
        assertEquals(List.of(server("?::float4::numeric", 0.1f), server("?::float4::numeric", 16777217f)),
                stored("numeric", List.of(0.1f, 16777217f)));
    }

    @Test
    void refusesAJavaObjectThatJsonHasNoFormFor() {
        record Point(int x, int y) {
        }
        ValueException e = assertThrows(ValueException.class, () -> stored("jsonb",
                List.of(Map.of("a", new StringBuilder("ok"), "b", new Object()))));
        assertTrue(e.getMessage().contains("JSON has no form for the java.lang.Object at key \"b\""), e.getMessage());
        assertTrue(e.getMessage().contains("row 1, column \"v\""), e.getMessage());
        e = assertThrows(ValueException.class, () -> stored("json", List.of(List.of(Thread.currentThread()))));
        assertTrue(e.getMessage().contains("element 0 of the value"), e.getMessage());
    }
}
