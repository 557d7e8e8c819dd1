package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.ValueException;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Java objects store the same value whichever form Blink sends them in: each generated list of
 * values is copied into a table sent as binary COPY and into one sent as COPY text (a String in a
 * second, typed column makes it so), under session settings that would change how ambiguous text
 * is read (DateStyle, IntervalStyle, TimeZone). Where pgjdbc binds the same Java type, its
 * {@code setObject} is a third way, and the server's own cast of the value a fourth.
 */
@Tag("versions")
class JavaObjectFormsTest {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static TestDatabase db;
    private static Connection connection;
    private static int version;

    @BeforeContainer
    static void open() throws SQLException {
        db = PostgresServer.shared().createDatabase();
        connection = db.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET DateStyle = 'ISO, DMY'");
            statement.execute("SET IntervalStyle = 'sql_standard'");
            statement.execute("SET TimeZone = 'America/New_York'");
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
                rs.next();
                version = rs.getInt(1);
            }
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        connection.close();
        db.close();
    }

    /**
     * Copies {@code values} into a column of {@code type} in binary and in text form, and, if
     * {@code viaJdbc}, inserts them with pgjdbc's {@code setObject}; every table must hold the same.
     */
    private static void assertSameAllWays(String type, List<?> values, boolean viaJdbc) throws SQLException {
        int n = TABLES.incrementAndGet();
        String binary = "jb_" + n;
        String text = "jt_" + n;
        String jdbc = "jj_" + n;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + binary + " (i int, v " + type + ")");
            statement.execute("CREATE TABLE " + text + " (i int, v " + type + ", s int)");
            statement.execute("CREATE TABLE " + jdbc + " (i int, v " + type + ")");
        }
        List<Object[]> binaryRows = new ArrayList<>();
        List<Object[]> textRows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            binaryRows.add(new Object[] {i, values.get(i)});
            textRows.add(new Object[] {i, values.get(i), "1"});
        }
        PgCopyInserter.copy(connection, binary, List.of("i", "v"), binaryRows);
        PgCopyInserter.copy(connection, text, List.of("i", "v", "s"), textRows);
        String compare = "SELECT b.i, b.v::text, t.v::text FROM " + binary + " b JOIN " + text + " t USING (i)";
        if (viaJdbc) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + jdbc + " VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    insert.setInt(1, i);
                    insert.setObject(2, values.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            compare = "SELECT b.i, b.v::text, j.v::text FROM " + binary + " b JOIN " + jdbc + " j USING (i)"
                    + " UNION ALL " + compare;
        }
        int rows = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(compare)) {
            while (rs.next()) {
                rows++;
                int i = rs.getInt(1);
                assertEquals(rs.getString(2), rs.getString(3), () -> type + " from " + describe(values.get(i)));
            }
        }
        assertEquals(viaJdbc ? 2 * values.size() : values.size(), rows, "every row was stored");
    }

    private static String describe(Object value) {
        String text = value != null && value.getClass().isArray() ? Arrays.deepToString(new Object[] {value})
                : String.valueOf(value);
        return (value == null ? "null" : value.getClass().getName()) + " " + text;
    }

    // ---- numbers ----

    @Provide
    Arbitrary<List<Double>> doubles() {
        Arbitrary<Double> any = Arbitraries.longs().map(Double::longBitsToDouble)
                .filter(d -> !Double.isNaN(d) || Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(Double.NaN));
        Arbitrary<Double> edges = Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                Double.MAX_VALUE, 1e23, 2e23, 0.1, 1.0 / 3, 100.0, 5e-324, 1.7976931348623157e308, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.2250738585072011e-308);
        Arbitrary<Double> decimals = Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6"))
                .ofScale(6).map(BigDecimal::doubleValue);
        return Arbitraries.oneOf(any, edges, decimals).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 10, seed = "11")
    void doublesLandTheSameInFloat8(@ForAll("doubles") List<Double> values) throws SQLException {
        assertSameAllWays("float8", values, true);
    }

    @Property(tries = 10, seed = "12")
    void doublesLandInNumericAsTheServersFloatToNumericCast(@ForAll("doubles") List<Double> values)
            throws SQLException {
        List<Double> finite = values.stream().filter(d -> !Double.isInfinite(d)).toList();
        if (!finite.isEmpty()) {
            assertSameAllWays("numeric", finite, true);
        }
    }

    @Provide
    Arbitrary<List<Float>> floats() {
        Arbitrary<Float> any = Arbitraries.integers().map(Float::intBitsToFloat).filter(f -> !Float.isNaN(f));
        Arbitrary<Float> edges = Arbitraries.of(0f, -0f, Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, 0.1f,
                16777217f, Float.NaN, Float.POSITIVE_INFINITY, 1.0e10f, 3.4028235e38f);
        return Arbitraries.oneOf(any, edges).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 6, seed = "13")
    void floatsLandTheSameInFloat4Float8AndNumeric(@ForAll("floats") List<Float> values) throws SQLException {
        assertSameAllWays("float4", values, true);
        assertSameAllWays("float8", values, true);
        List<Float> finite = values.stream().filter(f -> !Float.isInfinite(f)).toList();
        if (!finite.isEmpty()) {
            assertSameAllWays("numeric", finite, true);
        }
    }

    @Provide
    Arbitrary<List<Long>> longs() {
        Arbitrary<Long> near = Arbitraries.longs().between(-(1L << 54), 1L << 54);
        Arbitrary<Long> ties = Arbitraries.longs().between(1, 1L << 20)
                .map(k -> (1L << 53) + (1L << 29) + 2 * k - 1); // long -> double -> float rounds twice here
        return Arbitraries.oneOf(Arbitraries.longs(), near, ties).list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 6, seed = "14")
    void longsLandAsTheServerCastsThem(@ForAll("longs") List<Long> values) throws SQLException {
        assertSameAllWays("int8", values, true);
        assertSameAllWays("float4", values, true);
        assertSameAllWays("float8", values, true);
        assertSameAllWays("numeric", values, true);
    }

    @Provide
    Arbitrary<List<BigDecimal>> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-100_000), BigInteger.valueOf(100_000)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)));
        Arbitrary<Integer> scale = Arbitraries.integers().between(-30, 60);
        return Combinators.combine(unscaled, scale).as(BigDecimal::new).list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 6, seed = "15")
    void decimalsLandTheSameInNumericFloat4AndFloat8(@ForAll("decimals") List<BigDecimal> values) throws SQLException {
        assertSameAllWays("numeric", values, true);
        List<BigDecimal> inFloat = values.stream().filter(d -> d.signum() == 0
                || Math.abs(d.precision() - d.scale()) < 30).toList();
        if (!inFloat.isEmpty()) {
            assertSameAllWays("float4", inFloat, true);
            assertSameAllWays("float8", inFloat, true);
        }
    }

    @Example
    void integersOfEveryJavaTypeLandTheSame() throws SQLException {
        List<Object> values = List.of((byte) -5, (short) 7, 42, 1L << 40, BigInteger.valueOf(-12),
                new BigDecimal("30.000"), new java.util.concurrent.atomic.AtomicLong(9));
        assertSameAllWays("int8", values, false);
        assertSameAllWays("numeric", List.of((byte) 1, (short) 2, 3, 4L, BigInteger.TEN.pow(30)), false);
        assertSameAllWays("oid", List.of(0, 4_294_967_295L, 12), false);
        assertSameAllWays("bool", List.of(true, false), true);
    }

    // ---- text, bytes, uuid, json, network ----

    @Provide
    Arbitrary<List<String>> strings() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of((int) '\\', (int) '\t', (int) '\n', (int) '\r', (int) '"',
                        (int) ',', (int) '{', (int) '}', (int) ' ', (int) '.', (int) 'N')),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1, 0x7F)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(30).map(JavaObjectFormsTest::string).list().ofMinSize(1).ofMaxSize(30);
    }

    private static String string(List<Integer> codePoints) {
        StringBuilder b = new StringBuilder();
        codePoints.forEach(b::appendCodePoint);
        return b.toString();
    }

    @Property(tries = 6, seed = "16")
    void textLandsAsItIsInTextNameAndArrays(@ForAll("strings") List<String> values) throws SQLException {
        assertSameAllWays("text", values, true);
        assertSameAllWays("varchar", values, true);
        assertSameAllWays("text[]", List.of(values, List.of(values.get(0))), false);
        assertSameAllWays("json", List.of(values, Map.of("k", values)), false);
        assertSameAllWays("jsonb", List.of(values, Map.of("k", values)), false);
        assertSameAllWays("bytea", values.stream().map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toList(), true);
    }

    @Example
    void otherValuesLandTheSame() throws SQLException, UnknownHostException {
        assertSameAllWays("uuid", List.of(UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1)), true);
        assertSameAllWays("text", List.of('x', '\\', '\t', new StringBuilder("built"), Thread.State.NEW), false);
        assertSameAllWays("\"char\"", List.of('a', '\\', '\t', (char) 0, '~'), false);
        assertSameAllWays("bytea", List.of(new byte[0], new byte[] {0, (byte) 0xff, '\\'},
                java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}, 1, 2)), false);
        assertSameAllWays("inet", List.of(InetAddress.getByName("10.1.2.3"), InetAddress.getByName("::1"),
                InetAddress.getByName("::ffff:1.2.3.4"), InetAddress.getByName("2001:db8::ff00:42:8329")), false);
        assertSameAllWays("cidr", List.of(InetAddress.getByName("10.1.2.3"), InetAddress.getByName("fe80::1")), false);
        assertSameAllWays("macaddr", List.of(new byte[] {8, 0, 0x2b, 1, 2, 3}), false);
        assertSameAllWays("macaddr8", List.of(new byte[] {8, 0, 0x2b, 1, 2, 3, 4, 5}, new byte[] {8, 0, 0x2b, 1, 2, 3}),
                false);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", List.of(1, 2.5, new BigDecimal("1E+3"), true));
        nested.put("quote\"s", Map.of("x", "line\nbreak\\"));
        nested.put("none", null);
        assertSameAllWays("jsonb", List.of(nested, List.of(), 12, new BigDecimal("0.10"), false), false);
        assertSameAllWays("json", List.of(nested, new int[] {1, 2}), false);
        assertSameAllWays("int4[]", List.of(new int[] {1, 2, 3}, Arrays.asList(1, null), List.of(), new int[][] {{1},
                {2}}, List.of(List.of(), List.of())), false);
        assertSameAllWays("numeric[]", List.of(List.of(new BigDecimal("1.50"), 2.5, 7L)), false);
        assertSameAllWays("date[]", List.of(List.of(LocalDate.of(2024, 2, 29), LocalDate.MAX)), false);
        assertSameAllWays("jsonb[]", List.of(List.of(Map.of("a", 1), List.of(1, 2))), false);
    }

    // ---- dates and times ----

    @Provide
    Arbitrary<List<LocalDateTime>> localDateTimes() {
        Arbitrary<LocalDateTime> wide = Arbitraries.longs()
                .between(LocalDateTime.of(-4713, 11, 24, 0, 0).toEpochSecond(ZoneOffset.UTC),
                        LocalDateTime.of(294276, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC))
                .map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.of(0, 999_999_500, 999_999_499, 500, 1000));
        Arbitrary<LocalDateTime> near = Arbitraries.longs().between(-5_000_000_000L, 5_000_000_000L)
                .map(s -> LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
        return Combinators.combine(Arbitraries.oneOf(wide, near), nanos).as((t, n) -> t.withNano(n))
                .filter(t -> t.getYear() < 294276 || t.getDayOfYear() < 365)
                .list().ofMinSize(1).ofMaxSize(150);
    }

    @Property(tries = 10, seed = "17")
    void timesLandTheSameInEveryForm(@ForAll("localDateTimes") List<LocalDateTime> values) throws SQLException {
        List<Object> timestamps = new ArrayList<>(values);
        timestamps.add(LocalDateTime.MAX);
        timestamps.add(LocalDateTime.MIN);
        assertSameAllWays("timestamp", timestamps, false);
        List<LocalDateTime> modern = values.stream().filter(t -> t.getYear() > 0 && t.getYear() < 10_000).toList();
        if (!modern.isEmpty()) {
            assertSameAllWays("timestamp", modern, true);
        }
        List<Object> instants = new ArrayList<>();
        List<Object> offsets = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            LocalDateTime t = values.get(i);
            instants.add(t.toInstant(ZoneOffset.UTC));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) (t.toEpochSecond(ZoneOffset.UTC) % 50_000));
            OffsetDateTime at = t.atOffset(ZoneOffset.UTC).withOffsetSameInstant(offset);
            offsets.add(i % 2 == 0 ? at : at.atZoneSameInstant(java.time.ZoneId.of("Asia/Kolkata")));
        }
        instants.add(Instant.MAX);
        offsets.add(OffsetDateTime.MIN);
        assertSameAllWays("timestamptz", instants, false);
        assertSameAllWays("timestamptz", offsets, false);
        List<LocalDate> dates = values.stream().map(LocalDateTime::toLocalDate).toList();
        assertSameAllWays("date", dates, false);
        assertSameAllWays("timestamp", dates, false);
        List<LocalTime> times = values.stream().map(LocalDateTime::toLocalTime).toList();
        assertSameAllWays("time", times, true);
        List<OffsetTime> zonedTimes = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            zonedTimes.add(times.get(i).atOffset(ZoneOffset.ofTotalSeconds((i * 3607) % 50_000 - 25_000)));
        }
        assertSameAllWays("timetz", zonedTimes, false);
    }

    @Example
    void datesAtTheEdgesLandTheSame() throws SQLException {
        assertSameAllWays("date", List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.of(-4713, 11, 24),
                LocalDate.of(5874897, 12, 31), LocalDate.of(0, 2, 29), java.sql.Date.valueOf("2024-01-02")), false);
        assertSameAllWays("timestamptz", List.of(new java.util.Date(0), java.sql.Timestamp.valueOf("2024-01-02 03:04:05.123456789")),
                false);
        assertSameAllWays("time", List.of(LocalTime.MAX, LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_499)), true);
    }

    @Provide
    Arbitrary<List<Duration>> durations() {
        Arbitrary<Duration> wide = Arbitraries.longs().between(-9_223_372_036_854L, 9_223_372_036_854L)
                .map(Duration::ofSeconds);
        Arbitrary<Duration> small = Arbitraries.longs().between(-100_000_000_000_000L, 100_000_000_000_000L)
                .map(Duration::ofNanos);
        return Arbitraries.oneOf(wide, small, Arbitraries.of(Duration.ZERO, Duration.ofNanos(-1500),
                Duration.ofNanos(1500), Duration.ofDays(2), Duration.ofSeconds(-1, 999_999_500)))
                .list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 6, seed = "18")
    void durationsAndPeriodsLandTheSame(@ForAll("durations") List<Duration> values,
                                        @ForAll("periods") List<Period> periods) throws SQLException {
        List<Duration> inText = values.stream()
                .filter(d -> Math.abs(d.toHours()) <= Integer.MAX_VALUE || version >= 150_000).toList();
        if (!inText.isEmpty()) {
            assertSameAllWays("interval", inText, false);
        }
        assertSameAllWays("interval", periods, false);
    }

    @Provide
    Arbitrary<List<Period>> periods() {
        Arbitrary<Integer> part = Arbitraries.integers().between(-100_000_000, 100_000_000);
        return Combinators.combine(part, Arbitraries.integers().between(-20, 20), Arbitraries.integers())
                .as(Period::of).filter(p -> p.toTotalMonths() == (int) p.toTotalMonths()).list().ofMinSize(1)
                .ofMaxSize(30);
    }

    // ---- refusals ----

    @Example
    void refusesInTextWhatItRefusesInBinary() {
        assertBothRefuse("float4", new BigDecimal("1E+400"), "out of range for type real");
        assertBothRefuse("float4", new BigDecimal("1E-400"), "too close to zero");
        assertBothRefuse("float8", new BigDecimal("1E+400"), "out of range for type double precision");
        assertBothRefuse("int2", 40_000, "out of range for smallint");
        assertBothRefuse("numeric", new BigDecimal(BigInteger.ONE, 20_000), "exceeds numeric's maximum of 16383");
        assertBothRefuse("jsonb", Map.of("a", new Object()), "JSON has no form for the java.lang.Object at key \"a\"");
        assertBothRefuse("date", LocalDate.of(-5000, 1, 1), "date out of range");
        assertBothRefuse("interval", Period.ofYears(Integer.MAX_VALUE), "interval out of range");
    }

    private static void assertBothRefuse(String type, Object value, String reason) {
        int n = TABLES.incrementAndGet();
        db.execute("CREATE TABLE jr_" + n + " (v " + type + ", s int)");
        ValueException binary = assertThrows(ValueException.class, () -> PgCopyInserter.copy(connection, "jr_" + n,
                List.of("v"), List.<Object[]>of(new Object[] {value})));
        ValueException text = assertThrows(ValueException.class, () -> PgCopyInserter.copy(connection, "jr_" + n,
                List.of("v", "s"), List.<Object[]>of(new Object[] {value, "1"})));
        assertTrue(binary.getMessage().contains(reason), binary.getMessage());
        assertTrue(text.getMessage().contains(reason), text.getMessage());
        assertEquals(0L, db.queryValue("SELECT count(*) FROM jr_" + n));
    }
}
