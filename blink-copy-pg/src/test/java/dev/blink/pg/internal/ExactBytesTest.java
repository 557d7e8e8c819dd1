package dev.blink.pg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.blink.TableName;
import dev.blink.pg.internal.encode.ColumnWriter;
import dev.blink.pg.internal.encode.EncoderContext;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/** The bytes Blink writes for a value are the bytes PostgreSQL's {@code COPY … TO STDOUT (FORMAT binary)} writes for it. */
@Tag("versions")
class ExactBytesTest {

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

    /** Asserts that {@code value} encodes to the same field bytes as the server sends for {@code literal::type}. */
    private static void assertSameBytes(String type, Object value, String literal) throws SQLException {
        String table = "eb_" + TABLES.incrementAndGet();
        db.execute("CREATE TABLE " + table + " (v " + type + ")");
        Catalog.Table catalog = Catalog.read(connection, TableName.of(table), table);
        ColumnWriter writer = new ColumnWriter("v", catalog.columns().get("v").type(),
                new EncoderContext(List.of(), catalog.timeZone(), catalog.serverVersion()));
        CopyStream ours = CopyStream.inMemory();
        writer.write(ours, value);

        ByteArrayOutputStream server = new ByteArrayOutputStream();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (SELECT (" + literal + ")::" + type + ") TO STDOUT (FORMAT binary)", server);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] all = server.toByteArray();
        // 19 bytes of header, 2 bytes of field count, then the field (length word and data), then the trailer
        byte[] field = Arrays.copyOfRange(all, 21, all.length - 2);
        assertArrayEquals(field, ours.toByteArray(), () -> type + " " + value + ": server "
                + HexFormat.of().formatHex(field) + " vs Blink " + HexFormat.of().formatHex(ours.toByteArray()));
    }

    @Test
    void writesIntegersFloatsAndTextAsTheServerDoes() throws SQLException {
        assertSameBytes("int2", (short) -2, "-2");
        assertSameBytes("int4", 42, "42");
        assertSameBytes("int8", Long.MIN_VALUE, "-9223372036854775808");
        assertSameBytes("float4", 1.25f, "1.25");
        assertSameBytes("float8", 0.1, "0.1");
        assertSameBytes("float8", Double.NaN, "'NaN'");
        assertSameBytes("bool", true, "true");
        assertSameBytes("text", "héllo 😀", "'héllo 😀'");
        assertSameBytes("bytea", new byte[] {0, 1, (byte) 0xff}, "'\\x0001ff'");
        assertSameBytes("uuid", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'");
    }

    @Test
    void writesNumericInTheServersCanonicalForm() throws SQLException {
        for (String n : List.of("0", "0.00", "123.4500", "-0.001", "1E+20", "10000", "0.0001", "99999999.99999999",
                "-123456789012345678901234567890.1234567890123")) {
            assertSameBytes("numeric", new BigDecimal(n), n);
        }
        assertSameBytes("numeric", Double.NaN, "'NaN'");
        assertSameBytes("numeric", 1_000_000_000L, "1000000000");
    }

    @Test
    void writesDatesTimesAndIntervalsAsTheServerDoes() throws SQLException {
        assertSameBytes("date", LocalDate.of(1999, 12, 31), "'1999-12-31'");
        assertSameBytes("date", LocalDate.MAX, "'infinity'");
        assertSameBytes("timestamp", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), "'2024-01-02 03:04:05.000006'");
        assertSameBytes("timestamp", LocalDateTime.MIN, "'-infinity'");
        assertSameBytes("timestamptz", Instant.parse("1960-01-01T00:00:00Z"), "'1960-01-01 00:00:00+00'");
        assertSameBytes("interval", Duration.ofMinutes(90), "'90 minutes'");
        assertSameBytes("timetz", java.time.OffsetTime.parse("10:00:00+02:00"), "'10:00:00+02'");
    }

    @Test
    void writesJsonNetworkAndArraysAsTheServerDoes() throws Exception {
        assertSameBytes("jsonb", Map.of("a", 1), "'{\"a\": 1}'");
        assertSameBytes("jsonb", List.of(1, "x", Map.of("b", List.of())), "'[1, \"x\", {\"b\": []}]'");
        assertSameBytes("json", List.of(1, 2), "'[1, 2]'");
        assertSameBytes("inet", InetAddress.getByName("10.0.0.1"), "'10.0.0.1'");
        assertSameBytes("cidr", InetAddress.getByName("2001:db8::1"), "'2001:db8::1/128'");
        assertSameBytes("int4[]", Arrays.asList(1, null, 3), "'{1,NULL,3}'");
        assertSameBytes("text[]", new String[][] {{"a", "b"}, {"c", "d"}}, "'{{a,b},{c,d}}'");
        assertSameBytes("int4[]", List.of(), "'{}'");
    }

    @Test
    void writesLongValuesInChunksAsTheServerDoes() throws SQLException {
        // 8,192 chars per chunk: the pair of a 😀 at index 8,191 is not split between two chunks
        String text = "a".repeat(8191) + "😀" + "é".repeat(9000) + "€".repeat(20_000) + "z";
        String literal = "repeat('a', 8191) || '😀' || repeat('é', 9000) || repeat('€', 20000) || 'z'";
        assertSameBytes("text", text, literal);
        assertSameBytes("text", new StringBuilder(text), literal);
        assertSameBytes("text", java.nio.CharBuffer.wrap(text), literal);
        assertSameBytes("jsonb", "[\"" + "x".repeat(10_000) + "\"]", "jsonb_build_array(repeat('x', 10000))");
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        String hex = "'\\x" + HexFormat.of().formatHex(bytes, 10, bytes.length) + "'";
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).position(10);
        assertSameBytes("bytea", direct, hex);
        assertSameBytes("bytea", java.nio.ByteBuffer.wrap(bytes, 10, bytes.length - 10).slice(), hex);
        assertSameBytes("bytea", java.nio.ByteBuffer.wrap(bytes).position(10).asReadOnlyBuffer(), hex);
    }
}
