package dev.blink.pg;

import static dev.blink.pg.Tables.assertLands;
import static dev.blink.pg.Tables.lits;
import static dev.blink.pg.Tables.vals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.ValueException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every supported type written with binary COPY reads back as PostgreSQL reads the same literal. */
@Tag("versions")
class RoundTripTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static TestDatabase db;
    private static Connection connection;

    enum Mood { sad, ok, happy }

    enum Color { RED, GREEN }

    record Point(int x, int y) {
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @BeforeAll
    static void types() throws Exception {
        db = postgres.database();
        connection = db.connect();
        db.execute("""
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE DOMAIN posint AS int CHECK (VALUE > 0);
                CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
                CREATE DOMAIN int_list AS int[];
                """);
    }

    @Test
    void writesBooleans() throws Exception {
        assertLands(connection, "bool", vals(true, false, null), lits("true", "false", "NULL"));
    }

    @Test
    void writesIntegersAtTheirBounds() throws Exception {
        assertLands(connection, "int2", vals(Short.MIN_VALUE, Short.MAX_VALUE, (byte) -5, 7, 7L, BigInteger.valueOf(12),
                new BigDecimal("30.000"), (short) 0), lits("-32768", "32767", "-5", "7", "7", "12", "30", "0"));
        assertLands(connection, "int4", vals(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 5L, (short) 3, (byte) 1),
                lits("-2147483648", "2147483647", "0", "5", "3", "1"));
        assertLands(connection, "int8", vals(Long.MIN_VALUE, Long.MAX_VALUE, 1, BigInteger.valueOf(Long.MAX_VALUE),
                new BigDecimal("-9223372036854775808")),
                lits("-9223372036854775808", "9223372036854775807", "1", "9223372036854775807",
                        "-9223372036854775808"));
    }

    @Test
    void writesFloatsIncludingNanAndInfinity() throws Exception {
        assertLands(connection, "float4", vals(1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MAX_VALUE, Float.MIN_VALUE, -0.0f, 3, 0.1),
                lits("1.5", "'NaN'", "'Infinity'", "'-Infinity'", "'3.4028235e+38'", "'1e-45'", "'-0'", "3", "0.1"));
        assertLands(connection, "float8", vals(Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0.1, -0.0, 1.5f, 42L),
                lits("'1.7976931348623157e+308'", "'4.9e-324'", "'NaN'", "'Infinity'", "'-Infinity'", "'0.1'",
                        "'-0'", "1.5", "42"));
    }

    @Test
    void writesNumericExactly() throws Exception {
        BigDecimal tiny = BigDecimal.ONE.movePointLeft(1000);
        BigDecimal huge = new BigDecimal(BigInteger.TEN.pow(400).subtract(BigInteger.ONE), 3);
        assertLands(connection, "numeric", vals(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("-1.5"),
                new BigDecimal("123456789012345678901234567890.123456789"), new BigDecimal("1E+20"),
                new BigDecimal("1E-20"), tiny, huge, Double.NaN,
                Long.MIN_VALUE, Long.MAX_VALUE, 10_000, new BigDecimal("0.0001"), new BigDecimal("99999999.99999999"),
                0.1, new BigInteger("-123456789012345678901234567890"), new BigDecimal("-0.000123"), 7.25f),
                lits("0", "0.00", "-1.5", "123456789012345678901234567890.123456789", "1E+20", "1E-20",
                        "'" + tiny.toPlainString() + "'", "'" + huge.toPlainString() + "'", "'NaN'",
                        "-9223372036854775808", "9223372036854775807", "10000", "0.0001",
                        "99999999.99999999", "0.1", "-123456789012345678901234567890", "-0.000123", "7.25"));
        assertLands(connection, "numeric(10,2)", vals(new BigDecimal("1.005"), new BigDecimal("-2.5")), lits("1.005", "-2.5"));
    }

    @Test
    void writesNumericInfinityWhereTheServerHasIt() throws Exception {
        if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
            assertLands(connection, "numeric", vals(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                    lits("'Infinity'", "'-Infinity'"));
        } else {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE rt_numeric_infinity (v numeric)");
            }
            List<Object[]> rows = List.of(new Object[] {BigDecimal.ONE}, new Object[] {Double.POSITIVE_INFINITY});
            ValueException e = assertThrows(ValueException.class,
                    () -> PgCopyInserter.copy(connection, "rt_numeric_infinity", List.of("v"), rows));
            assertTrue(e.getMessage().contains("numeric has no Infinity before PostgreSQL 14"), e.getMessage());
            assertEquals(0L, db.count("rt_numeric_infinity"));
        }
    }

    @Test
    void writesTextWithNonAsciiAndEmptyStrings() throws Exception {
        String big = "é😀x".repeat(5000);
        assertLands(connection, "text", vals("", "héllo wörld", "😀 four bytes 𝄞", "line\nbreak\ttab", "quote'\"\\", 'x',
                Color.RED, new StringBuilder("built"), big),
                lits("''", "'héllo wörld'", "'😀 four bytes 𝄞'", "E'line\\nbreak\\ttab'", "'quote''\"\\'", "'x'",
                        "'RED'", "'built'", "'" + big + "'"));
        assertLands(connection, "varchar(5)", vals("ab", ""), lits("'ab'", "''"));
        assertLands(connection, "char(5)", vals("ab", 'z'), lits("'ab'", "'z'"));
        assertLands(connection, "\"char\"", vals('a', 'b'), lits("'a'", "'b'"));
        assertLands(connection, "\"char\"", vals("b", "ab", ""), lits("'b'", "'ab'", "''"));
        assertLands(connection, "name", vals("a_name"), lits("'a_name'"));
        assertLands(connection, "email", vals("a@b.c"), lits("'a@b.c'"));
    }

    @Test
    void writesByteaFromArraysAndBuffers() throws Exception {
        byte[] large = new byte[200_000];
        new java.util.Random(7).nextBytes(large);
        ByteBuffer slice = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 9});
        slice.position(1).limit(4);
        String hex = "'\\x" + java.util.HexFormat.of().formatHex(large);
        assertLands(connection, "bytea", vals(new byte[0], new byte[] {0, 1, 2, (byte) 255}, slice, large,
                ByteBuffer.allocateDirect(2).put((byte) 7).put((byte) 8).flip()),
                lits("''", "'\\x000102ff'", "'\\x010203'", hex + "'", "'\\x0708'"));
        assertEquals(1, slice.position(), "the buffer's position is left alone");
    }

    @Test
    void writesUuids() throws Exception {
        UUID id = UUID.randomUUID();
        assertLands(connection, "uuid", vals(id, new UUID(0, 0), new UUID(-1, -1)),
                lits("'" + id + "'", "'00000000-0000-0000-0000-000000000000'", "'ffffffff-ffff-ffff-ffff-ffffffffffff'"));
    }

    @Test
    void writesDatesWithInfinityAndBoundaries() throws Exception {
        assertLands(connection, "date", vals(LocalDate.of(2024, 2, 29), LocalDate.MAX, LocalDate.MIN, LocalDate.of(-4713, 11, 24),
                LocalDate.of(5874897, 12, 31), java.sql.Date.valueOf("1999-12-31"), LocalDate.of(2000, 1, 1)),
                lits("'2024-02-29'", "'infinity'", "'-infinity'", "'4714-11-24 BC'", "'5874897-12-31'", "'1999-12-31'",
                        "'2000-01-01'"));
    }

    @Test
    void writesTimesAndRoundsToMicroseconds() throws Exception {
        assertLands(connection, "time", vals(LocalTime.MIN, LocalTime.of(12, 34, 56, 789_000_000), LocalTime.MAX,
                LocalTime.of(1, 2, 3, 4_500)),
                lits("'00:00:00'", "'12:34:56.789'", "'24:00:00'", "'01:02:03.000005'"));
        assertLands(connection, "timetz", vals(OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(2)),
                OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutes(-5, -30))),
                lits("'12:00:00+02'", "'23:59:59.999999-05:30'"));
    }

    @Test
    void writesTimestampsWithInfinityAndBoundaries() throws Exception {
        assertLands(connection, "timestamp", vals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), LocalDateTime.MAX,
                LocalDateTime.MIN, LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(-4713, 11, 24, 0, 0), LocalDate.of(2024, 1, 1),
                LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500), java.sql.Timestamp.valueOf("2020-05-06 07:08:09.5")),
                lits("'2024-01-02 03:04:05.123456'", "'infinity'", "'-infinity'", "'0001-01-01 00:00:00'",
                        "'294276-12-31 23:59:59.999999'", "'4714-11-24 00:00:00 BC'", "'2024-01-01'",
                        "'2024-01-01 00:00:00.000001'", "'2020-05-06 07:08:09.5'"));
        assertLands(connection, "timestamptz", vals(Instant.parse("2024-01-02T03:04:05.123456Z"),
                OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(5)),
                ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")), Instant.MAX, OffsetDateTime.MIN,
                new java.util.Date(0), Instant.EPOCH.minusNanos(1)),
                lits("'2024-01-02 03:04:05.123456+00'", "'2024-06-01 12:00:00+05'", "'2024-07-01 12:00:00+02'",
                        "'infinity'", "'-infinity'", "'1970-01-01 00:00:00+00'", "'1970-01-01 00:00:00+00'"));
    }

    @Test
    void writesIntervals() throws Exception {
        assertLands(connection, "interval", vals(Duration.ofHours(25).plusMillis(1), Period.of(1, 2, 3), Duration.ZERO,
                Duration.ofSeconds(-1, 500), Period.ofMonths(-14)),
                lits("'25 hours 0.001 seconds'", "'1 year 2 mons 3 days'", "'0'", "'-00:00:00.999999'",
                        "'-1 year -2 mons'"));
    }

    @Test
    void writesJsonFromStringsMapsListsAndRecords() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("name", "Ada \"the\" first\n😀");
        nested.put("tags", List.of(1, 2.5, true));
        nested.put("none", null);
        nested.put("point", new Point(1, 2));
        assertLands(connection, "json", vals("{\"a\": 1}", Map.of("a", 1), Arrays.asList(1, "x", null), new Point(3, 4),
                nested, "[]"),
                lits("'{\"a\": 1}'", "'{\"a\": 1}'", "'[1, \"x\", null]'", "'{\"x\": 3, \"y\": 4}'",
                        "'{\"name\": \"Ada \\\"the\\\" first\\n😀\", \"tags\": [1, 2.5, true], \"none\": null, "
                                + "\"point\": {\"x\": 1, \"y\": 2}}'", "'[]'"));
        assertLands(connection, "jsonb", vals("{\"b\": [1, 2], \"a\": null}", nested, 42, new BigDecimal("1.50")),
                lits("'{\"b\": [1, 2], \"a\": null}'", "'{\"name\":\"Ada \\\"the\\\" first\\n😀\",\"tags\":[1,2.5,true],"
                        + "\"none\":null,\"point\":{\"x\":1,\"y\":2}}'", "'42'", "'1.50'"));
    }

    @Test
    void writesNetworkAddresses() throws Exception {
        assertLands(connection, "inet", vals(InetAddress.getByName("192.168.0.1"), InetAddress.getByName("::1"),
                InetAddress.getByName("2001:db8::ff00:42:8329")),
                lits("'192.168.0.1'", "'::1'", "'2001:db8::ff00:42:8329'"));
        assertLands(connection, "cidr", vals(InetAddress.getByName("10.1.2.3"), InetAddress.getByName("2001:db8::1")),
                lits("'10.1.2.3/32'", "'2001:db8::1/128'"));
        assertLands(connection, "cidr", vals("10.0.0.0/8", "2001:db8::/32", "10/8"),
                lits("'10.0.0.0/8'", "'2001:db8::/32'", "'10/8'"));
        assertLands(connection, "macaddr", vals(new byte[] {8, 0, 0x2b, 1, 2, 3}), lits("'08:00:2b:01:02:03'"));
        assertLands(connection, "macaddr8", vals(new byte[] {8, 0, 0x2b, 1, 2, 3, 4, 5}, new byte[] {8, 0, 0x2b, 1, 2, 3}),
                lits("'08:00:2b:01:02:03:04:05'", "'08:00:2b:01:02:03'"));
    }

    @Test
    void writesEnumsAndDomains() throws Exception {
        assertLands(connection, "mood", vals(Mood.happy, "sad", null), lits("'happy'", "'sad'", "NULL"));
        assertLands(connection, "posint", vals(5, 6L), lits("5", "6"));
    }

    @Test
    void writesArraysOfOneAndMoreDimensionsWithNulls() throws Exception {
        assertLands(connection, "int4[]", vals(new int[] {1, 2, 3}, List.of(1, 2), new Integer[] {1, null, 3}, List.of(),
                new int[0], new int[][] {{1, 2}, {3, 4}}, List.of(List.of(List.of(1), List.of(2)), List.of(List.of(3),
                        List.of(4))), new long[] {5, 6}),
                lits("'{1,2,3}'", "'{1,2}'", "'{1,NULL,3}'", "'{}'", "'{}'", "'{{1,2},{3,4}}'", "'{{{1},{2}},{{3},{4}}}'",
                        "'{5,6}'"));
        assertLands(connection, "text[]", vals(Arrays.asList("a", "b c", "", "😀", null, "NULL", "{x,\"y\"}"), new String[0][0],
                new String[][] {{"a", "b"}, {"c", "d"}}),
                lits("ARRAY['a','b c','','😀',NULL,'NULL','{x,\"y\"}']", "'{}'", "'{{a,b},{c,d}}'"));
        UUID id = UUID.randomUUID();
        assertLands(connection, "uuid[]", vals(List.of(id)), lits("ARRAY['" + id + "'::uuid]"));
        assertLands(connection, "date[]", vals(List.of(LocalDate.of(2024, 1, 1), LocalDate.MAX)),
                lits("'{2024-01-01,infinity}'"));
        assertLands(connection, "numeric[]", vals(List.of(new BigDecimal("1.5"), 2, Double.NaN)), lits("'{1.5,2,NaN}'"));
        assertLands(connection, "mood[]", vals(List.of(Mood.sad, Mood.ok)), lits("'{sad,ok}'"));
        assertLands(connection, "posint[]", vals(List.of(1, 2)), lits("'{1,2}'"));
        assertLands(connection, "int_list", vals(new int[] {7, 8}), lits("'{7,8}'"));
        assertLands(connection, "bytea[]", vals(List.of(new byte[] {1}, new byte[0])), lits("'{\"\\\\x01\",\"\\\\x\"}'"));
        assertLands(connection, "jsonb[]", vals(List.of(Map.of("a", 1), List.of(1, 2))),
                lits("ARRAY['{\"a\":1}'::jsonb, '[1,2]'::jsonb]"));
        assertLands(connection, "timestamptz[]", vals((Object) new Instant[] {Instant.EPOCH, null}),
                lits("ARRAY['1970-01-01 00:00:00+00'::timestamptz, NULL]"));
        assertLands(connection, "bool[]", vals(new boolean[] {true, false}), lits("'{t,f}'"));
        assertLands(connection, "float8[]", vals(new double[] {1.5, Double.NaN}), lits("'{1.5,NaN}'"));
    }

    @Test
    void writesRangesFromTheirTextForm() throws Exception {
        assertLands(connection, "int4range", vals("[1,10)", "(1,10]", "empty", "[,5)", "(,)"),
                lits("'[1,10)'", "'(1,10]'", "'empty'", "'[,5)'", "'(,)'"));
        assertLands(connection, "numrange", vals("[1.5,2.5]"), lits("'[1.5,2.5]'"));
        assertLands(connection, "daterange", vals("[2024-01-01,infinity)", "[2024-01-01,2024-01-31]"),
                lits("'[2024-01-01,infinity)'", "'[2024-01-01,2024-01-31]'"));
        assertLands(connection, "tstzrange", vals("[\"2024-01-01 00:00:00+00\",)"), lits("'[\"2024-01-01 00:00:00+00\",)'"));
        assertLands(connection, "int8range[]", vals(List.of("[1,2)", "empty")), lits("ARRAY['[1,2)'::int8range, 'empty']"));
    }

    @Test
    void writesManyRowsThroughTheBuffer() throws Exception {
        db.execute("CREATE TABLE many (id bigint, name text, at timestamptz)");
        List<Object[]> rows = new ArrayList<>();
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 50_000; i++) {
            rows.add(new Object[] {(long) i, "name " + i, at.plusSeconds(i)});
        }
        assertEquals(50_000, PgCopyInserter.copy(connection, "many", List.of("id", "name", "at"), rows));
        assertEquals(50_000L, db.count("many"));
        assertEquals(db.queryValue("SELECT md5(string_agg(i::text || 'name ' || i || (timestamptz '2024-01-01 00:00:00+00'"
                + " + i * interval '1 second')::text, ',' ORDER BY i)) FROM generate_series(0, 49999) i"),
                db.queryValue("SELECT md5(string_agg(id::text || name || at::text, ',' ORDER BY id)) FROM many"));
    }
}
