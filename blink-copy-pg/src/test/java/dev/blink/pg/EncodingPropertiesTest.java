package dev.blink.pg;

import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Numeric, timestamp and text encoding against the server: whatever value jqwik draws, binary COPY
 * stores what PostgreSQL reads from the value's text.
 */
@Tag("versions")
class EncodingPropertiesTest {

    /** PostgreSQL's timestamp range in microseconds since 2000-01-01: 4714-11-24 BC to 294276-12-31. */
    private static final long MIN_MICROS = -211_813_488_000_000_000L;
    private static final long MAX_MICROS = 9_223_371_331_199_999_999L;
    private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private static TestDatabase db;
    private static Connection connection;

    @BeforeContainer
    static void open() throws SQLException {
        db = PostgresServer.shared().createDatabase();
        connection = db.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE TABLE numbers (i int, v numeric)");
            statement.execute("CREATE TABLE times (i int, v timestamp, z timestamptz)");
            statement.execute("CREATE TABLE texts (i int, v text)");
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        connection.close();
        db.close();
    }

    @Provide
    Arbitrary<List<BigDecimal>> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-100_000), BigInteger.valueOf(100_000)),
                // the encoder's long-only path: unscaled values below 2^50
                Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(50).negate(), BigInteger.ONE.shiftLeft(50)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(45).negate(), BigInteger.TEN.pow(45)));
        Arbitrary<Integer> scale = Arbitraries.integers().between(-40, 80);
        return Combinators.combine(unscaled, scale).as(BigDecimal::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 100)
    void numericLandsAsPostgresReadsItsText(@ForAll("decimals") List<BigDecimal> values) throws SQLException {
        assertNumericsMatch(values);
    }

    @Property(tries = 50)
    void longsLandInNumericAsPostgresReadsTheirText(@ForAll List<Long> values) throws SQLException {
        assertNumericsMatch(values);
    }

    /** Each value, written to a numeric column, reads back as its own text cast to numeric. */
    private static void assertNumericsMatch(List<? extends Number> values) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        String[] texts = new String[values.size()];
        for (int i = 0; i < values.size(); i++) {
            rows.add(new Object[] {i, values.get(i)});
            texts[i] = values.get(i).toString();
        }
        assertAllMatch("numbers", rows, texts, "SELECT count(*) FROM numbers n JOIN unnest(?::text[]) WITH ORDINALITY"
                + " u(s, k) ON n.i = u.k - 1 WHERE n.v::text = CAST(u.s AS numeric)::text");
    }

    /**
     * Strings of any code points but NUL (surrogate pairs included), some with '?' or longer than
     * the encoder's inline limit: the server stores exactly the string, whichever path encoded it.
     */
    @Provide
    Arbitrary<List<String>> strings() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 0x7F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                Tuple.of(1, Arbitraries.integers().between(0x800, 0xFFFF).filter(c -> c < 0xD800 || c > 0xDFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        Arbitrary<String> text = codePoint.list().ofMaxSize(40).map(EncodingPropertiesTest::string);
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60);
        Arbitrary<String> longText = codePoint.list().ofMinSize(8_000).ofMaxSize(9_000).map(EncodingPropertiesTest::string);
        return Arbitraries.frequencyOf(Tuple.of(10, text), Tuple.of(10, ascii), Tuple.of(1, longText))
                .list().ofMinSize(1).ofMaxSize(20);
    }

    private static String string(List<Integer> codePoints) {
        StringBuilder b = new StringBuilder();
        codePoints.forEach(b::appendCodePoint);
        return b.toString();
    }

    @Property(tries = 100)
    void textLandsAsTheString(@ForAll("strings") List<String> values) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(new Object[] {i, values.get(i)});
        }
        assertAllMatch("texts", rows, values.toArray(String[]::new), "SELECT count(*) FROM texts t JOIN unnest(?::text[])"
                + " WITH ORDINALITY u(s, k) ON t.i = u.k - 1 WHERE t.v = u.s");
    }

    @Provide
    Arbitrary<List<Long>> instants() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(MIN_MICROS, MAX_MICROS),
                Arbitraries.longs().between(-5_000_000_000_000_000L, 5_000_000_000_000_000L),
                Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L)).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 100)
    void timestampsLandAsPostgresReadsTheirText(@ForAll("instants") List<Long> micros) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        String[] texts = new String[micros.size()];
        for (int i = 0; i < micros.size(); i++) {
            long m = micros.get(i);
            Instant instant = PG_EPOCH.plusSeconds(Math.floorDiv(m, 1_000_000L)).plusNanos(Math.floorMod(m, 1_000_000L) * 1000L);
            LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            // every other row as an OffsetDateTime at some offset from -18:00 to +18:00
            Object zoned = i % 2 == 0 ? instant : instant.atOffset(ZoneOffset.ofTotalSeconds((int) (m % 64_801)));
            rows.add(new Object[] {i, local, zoned});
            texts[i] = text(local);
        }
        assertAllMatch("times", rows, texts, "SELECT count(*) FROM times t JOIN unnest(?::text[]) WITH ORDINALITY"
                + " u(s, k) ON t.i = u.k - 1 WHERE t.v = CAST(u.s AS timestamp) AND t.z = CAST(u.s || '+00' AS timestamptz)");
    }

    /** PostgreSQL's ISO text of a timestamp, BC years included. */
    private static String text(LocalDateTime t) {
        int year = t.getYear();
        boolean bc = year <= 0;
        return String.format("%04d-%02d-%02d %02d:%02d:%02d.%06d%s", bc ? 1 - year : year, t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000, bc ? " BC" : "");
    }

    private static void assertAllMatch(String table, List<Object[]> rows, String[] texts, String query)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + table);
        }
        List<String> columns = table.equals("times") ? List.of("i", "v", "z") : List.of("i", "v");
        PgCopyInserter.copy(connection, table, columns, rows);
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            Array array = connection.createArrayOf("text", texts);
            statement.setArray(1, array);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != texts.length) {
                    throw new AssertionError("only " + rs.getInt(1) + " of " + texts.length + " values match: "
                            + String.join(", ", texts));
                }
            }
        }
    }
}
