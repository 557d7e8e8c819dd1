package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.blink.SeedException;
import dev.blink.ValueException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A String in any column lands as PostgreSQL's own text input (what {@code COPY … (FORMAT csv)}
 * loads) reads it: for each input, binary COPY of the String and the server's cast of the same
 * text must agree on the value, or both refuse it.
 */
@Tag("versions")
class TextFormsTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static TestDatabase db;
    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        db = postgres.database();
        db.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        connection = db.connect();
        try (Statement statement = connection.createStatement()) {
            // a zone with daylight saving time, so that text without an offset is a real test
            statement.execute("SET TimeZone = 'America/New_York'");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** Copies each input into a column of {@code type} and compares with {@code CAST(text AS type)}. */
    private static void assertSameAsServer(String type, String... inputs) throws SQLException {
        String table = "tf_" + TABLES.incrementAndGet();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (i int, v " + type + ")");
        }
        int stored = 0;
        for (int i = 0; i < inputs.length; i++) {
            String input = inputs[i];
            String server = serverText(input, type);
            RuntimeException ours = null;
            try {
                PgCopyInserter.copy(connection, table, List.of("i", "v"), List.<Object[]>of(new Object[] {i, input}));
            } catch (SeedException e) {
                ours = e;
            }
            if (server == null) {
                if (ours == null) {
                    fail(type + ": PostgreSQL rejects \"" + input + "\" but binary COPY stored "
                            + storedText(table, i));
                }
                continue;
            }
            if (ours != null) {
                fail(type + ": PostgreSQL reads \"" + input + "\" as " + server + " but binary COPY failed: "
                        + ours.getMessage(), ours);
            }
            stored++;
            assertEquals(server, storedText(table, i), type + " from \"" + input + "\"");
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT count(*) FROM " + table)) {
            rs.next();
            assertEquals(stored, rs.getInt(1), "failed rows left nothing behind");
        }
    }

    private static String serverText(String input, String type) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT CAST(CAST(? AS text) AS " + type + ")::text")) {
            statement.setString(1, input);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
                return null;
            }
            throw e;
        }
    }

    private static String storedText(String table, int i) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT v::text FROM " + table + " WHERE i = " + i)) {
            return rs.next() ? rs.getString(1) : "(nothing)";
        }
    }

    @Test
    void readsBooleansLikePostgres() throws SQLException {
        assertSameAsServer("bool", "t", "true", "TRUE", " yes ", "y", "on", "off", "of", "o", "1", "0", "f", "no", "n",
                "maybe", "", "2", "tr", "fa", "ye");
    }

    @Test
    void readsIntegersLikePostgres() throws SQLException {
        assertSameAsServer("int2", "0", "-32768", "32767", "32768", "-32769", " 42 ", "+7", "0x7f", "0o17", "0b101",
                "1_000", "1__0", "_1", "1_", "abc", "", "12a", "- 1", "1.0", "0x", "00012");
        assertSameAsServer("int4", "2147483647", "-2147483648", "2147483648", "0xFFFFFFFF", "-0x80000000", "0X7FFFFFFF",
                "-2147483649", "999999999999999999", "-", "-0", "+", "7-");
        assertSameAsServer("int8", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                "0x7fffffffffffffff", "-9_223_372_036_854_775_808", "99999999999999999999", "123456789012345678",
                "-123456789012345678", "1234567890123456789", "-0000000000000000001");
    }

    @Test
    void readsFloatsLikePostgres() throws SQLException {
        assertSameAsServer("float4", "1.5", "NaN", "nan", "Infinity", "-inf", "+INFINITY", "1e38", "1e39", "1e-50",
                "3.4028235e38", "0x10", "1.", "  .5 ", "1e", "abc", "1.5f", "-0", "1.17549435e-38");
        assertSameAsServer("float8", "1e308", "1e309", "4.9e-324", "1e-400", "-0", "0.1", "1_0", "123456789.123456789",
                "  -2.5E-3  ");
    }

    @Test
    void readsNumericLikePostgres() throws SQLException {
        assertSameAsServer("numeric", "0", "-1.50", "1e3", "1E-3", "NaN", "nan", "Infinity", "-Infinity", "inf",
                "1_000.5", "0x1F", "-0b11", "  12.5  ", ".5", "5.", "abc", "1e1001", "", "+.5e+2", "1__0", "1e-1000",
                "00001.100", "-0", "1.", ".");
        assertSameAsServer("numeric(5,2)", "123.456", "1234.5", "-0.005", "NaN");
    }

    @Test
    void readsByteaLikePostgres() throws SQLException {
        assertSameAsServer("bytea", "\\x0102ff", "\\x", "\\x0", "\\xzz", "\\x01 02", "abc", "a\\\\b", "\\001\\377",
                "\\9", "\\", "héllo");
    }

    @Test
    void readsUuidsLikePostgres() throws SQLException {
        assertSameAsServer("uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11",
                "{a0eebc999c0b4ef8bb6d6bb9bd380a11}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11x", "-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    }

    @Test
    void readsDatesAndTimesInIsoFormLikePostgres() throws SQLException {
        assertSameAsServer("date", "2024-01-02", "2024-1-2", "infinity", "-infinity", "epoch", "0044-03-15 BC",
                "2024-02-30", "2024-02-29", "2023-02-29", "  2024-01-02  ", "0000-01-01", "5874897-12-31", "5874898-01-01",
                "4714-11-24 BC", "4714-11-23 BC");
        assertSameAsServer("time", "12:34", "12:34:56", "12:34:56.123456", "12:34:56.1234567", "24:00:00", "allballs",
                "25:00", "12:60", "1:02:03", "23:59:59.9999999", "12:34:56+02");
        assertSameAsServer("timetz", "12:34:56+02", "12:34:56-05:30", "12:34:56Z", "12:00:00+0530", "12:00:00+05:30:15",
                "00:00:00-15");
        assertSameAsServer("timestamp", "2024-01-02 03:04:05", "2024-01-02T03:04:05.5", "2024-01-02", "infinity",
                "-infinity", "epoch", "2024-01-02 03:04:05+02", "0001-01-01 00:00:00 BC", "2024-01-02 03:04:05.9999995",
                "294276-12-31 23:59:59.999999", "294277-01-01 00:00:00", "2024-01-02 24:00:00", "2024-13-01 00:00:00",
                "2024-01-02 03:04:05.123456789", "2024-01-02t03:04:05");
        assertSameAsServer("timestamptz", "2024-01-02 03:04:05+02", "2024-01-02 03:04:05Z", "2024-01-02 03:04:05",
                "2024-07-01 12:00:00", "2024-07-01 12:00:00 Europe/Paris", "2024-01-02T03:04:05.123-05:30", "infinity",
                "2024-03-10 02:30:00", "2024-11-03 01:30:00", "2024-01-02 03:04:05 UTC", "2024-01-02 03:04:05+05:45",
                "1900-01-01 00:00:00", "2024-01-02 03:04:05.000001+00");
    }

    @Test
    void readsIntervalsLikePostgres() throws SQLException {
        assertSameAsServer("interval", "1 day", "1 year 2 mons 3 days 04:05:06.5", "-1 days +02:00:00",
                "P1Y2M3DT4H5M6.5S", "PT36H", "@ 1 hour ago", "1.5 seconds", "2 weeks", "90 minutes", "1 decade",
                "00:00:01", "-00:00:01.5", "abc", "3 hours 20 minutes", "1 day -01:00:00", "P0D", "100:00:00",
                "1 millisecond", "7 us", "-P1D");
    }

    @Test
    void readsJsonNetworkAndEnumsLikePostgres() throws SQLException {
        assertSameAsServer("json", "{\"a\":1}", "not json", "[1, 2]", "  {\"a\" : [true, null]}  ", "");
        assertSameAsServer("jsonb", "{\"b\":1, \"a\":2}", "not json", "\"text\"", "12.50");
        assertSameAsServer("inet", "192.168.0.1", "192.168.0.1/24", "::1", "::ffff:1.2.3.4", "2001:db8::1/64",
                "300.1.1.1", "1.2.3", "host.example", "10.0.0.1/33", " 10.0.0.1 ", "fe80::1%eth0");
        assertSameAsServer("cidr", "10.0.0.0/8", "10.1.0.0/8", "192.168.1.0/24", "2001:db8::/32", "10/8",
                "192.168/16", "10.0.0.1");
        assertSameAsServer("macaddr", "08:00:2b:01:02:03", "08-00-2b-01-02-03", "08002b:010203", "08002b-010203",
                "0800.2b01.0203", "0800-2b01-0203", "08002b010203", "08:00:2B:01:02:03", "08:00:2b:01:02", "zz:00:2b:01:02:03");
        assertSameAsServer("macaddr8", "08:00:2b:01:02:03:04:05", "08002b0102030405", "08:00:2b:01:02:03");
        assertSameAsServer("mood", "happy", "sad", "nope", "Happy");
    }

    @Test
    void readsArraysAndRangesLikePostgres() throws SQLException {
        assertSameAsServer("int4[]", "{1,2,NULL}", "{}", "{{1,2},{3,4}}", "{ 1 , 2 }", "{1,{2}}", "{{1},{2,3}}",
                "[0:1]={5,6}", "{\"3\"}", "{null}", "1,2", "{1,}", "{1,2}}", "{{}}", "{1,x}", "[1:2][3:4]={{1,2},{3,4}}");
        assertSameAsServer("text[]", "{a,\"b c\",\"\",NULL,\"NULL\",\\\"x}", "{\"with \\\"quote\\\"\"}",
                "{ spaced out , b }", "{😀,é}", "{a\\,b}");
        assertSameAsServer("date[]", "{2024-01-01,infinity}", "{2024-02-30}");
        assertSameAsServer("int4range", "[1,10)", "(1,10]", "empty", "[,5)", "(,)", "[5,1)", "[1,2)x", "[ 1 , 2 )",
                "EMPTY", "(\"1\",\"3\")");
        assertSameAsServer("daterange", "[2024-01-01,infinity)", "[2024-01-01,2024-01-31]");
        assertSameAsServer("numrange", "[1.5,2.5]", "(,1e3)");
    }

    @Test
    void readsFormsThatDependOnSessionSettingsAsTheServerDoes() throws SQLException {
        assertSameAsServer("date", "January 8, 1999", "1/8/1999", "08-Jan-1999", "19990108", "J2451187");
        assertSameAsServer("timestamptz", "2024-01-01 00:00 PST", "2024-07-01 12:00 CEST", "1999-01-08 04:05:06 -8:00");
        assertSameAsServer("interval", "-1 day 02:03:04", "1-2", "3 4:05:06", "@ 1 day 2 hours ago");
    }

    @Test
    void reportsARefusedTextFormAsAValueExceptionAtItsRowAndColumn() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE refused (i int, d date)");
        }
        ValueException e = assertThrows(ValueException.class, () -> PgCopyInserter.copy(connection, "refused",
                List.of("i", "d"), List.<Object[]>of(new Object[] {1, "2024-01-01"}, new Object[] {2, "2024-02-30"})));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
        assertTrue(e.getMessage().contains("column \"d\""), e.getMessage());
        assertTrue(e.getMessage().contains("date/time field value out of range: \"2024-02-30\""), e.getMessage());
        assertTrue(e.getMessage().contains("got java.lang.String \"2024-02-30\""), e.getMessage());
        assertEquals(2, e.location().rowNumber());
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT count(*) FROM refused")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "nothing of the failed copy was stored");
        }
        assertInstanceOf(SeedException.class, e);
    }
}
