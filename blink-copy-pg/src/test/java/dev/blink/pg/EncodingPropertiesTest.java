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
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Numeric and timestamp encoding against the server: whatever value jqwik draws, binary COPY stores
 * what PostgreSQL reads from the value's text.
 */
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
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(45).negate(), BigInteger.TEN.pow(45)));
        Arbitrary<Integer> scale = Arbitraries.integers().between(-40, 80);
        return Combinators.combine(unscaled, scale).as(BigDecimal::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 100)
    void numericLandsAsPostgresReadsItsText(@ForAll("decimals") List<BigDecimal> values) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        String[] texts = new String[values.size()];
        for (int i = 0; i < values.size(); i++) {
            rows.add(new Object[] {i, values.get(i)});
            texts[i] = values.get(i).toString();
        }
        assertAllMatch("numbers", rows, texts, "SELECT count(*) FROM numbers n JOIN unnest(?::text[]) WITH ORDINALITY"
                + " u(s, k) ON n.i = u.k - 1 WHERE n.v::text = CAST(u.s AS numeric)::text");
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
            rows.add(new Object[] {i, local, instant});
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
        List<String> columns = table.equals("numbers") ? List.of("i", "v") : List.of("i", "v", "z");
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
