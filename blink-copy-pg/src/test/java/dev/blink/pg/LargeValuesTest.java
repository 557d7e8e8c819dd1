package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.SeedException;
import dev.blink.ValueException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values up to PostgreSQL's field limit stream in bounded memory: a 200 MB String, a 200 MB byte[]
 * and a 200 MB mapped ByteBuffer load in a JVM limited to 512 MiB (which could not hold a second
 * copy of any of them next to the first two), and a value over the limit (1 GB with its length
 * header) is refused before any byte of it is sent, the connection intact.
 */
class LargeValuesTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    static final int SIZE = 200 * 1024 * 1024;
    private static final long OVER_THE_LIMIT = (1L << 30) + 1;

    @TempDir
    Path dir;

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS blobs, big, received;
                DROP FUNCTION IF EXISTS receive();
                CREATE UNLOGGED TABLE blobs (id int PRIMARY KEY, body text, data bytea);
                INSERT INTO blobs VALUES (0, 'before', '\\x00');
                CREATE UNLOGGED TABLE big (id int, body text, data bytea);
                CREATE TABLE received (id int, body_bytes bigint, body_md5 text, data_bytes bigint, data_md5 text);
                CREATE FUNCTION receive() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN
                    INSERT INTO received VALUES (NEW.id, octet_length(NEW.body), md5(NEW.body),
                                                 octet_length(NEW.data), md5(NEW.data));
                    RETURN NULL;
                  END $$;
                CREATE TRIGGER receive BEFORE INSERT ON big FOR EACH ROW EXECUTE FUNCTION receive();
                """);
    }

    /** One unit of the 200 MB text: ASCII with some structure, so that a misplaced chunk shows in the digest. */
    private static String unit() {
        StringBuilder unit = new StringBuilder(1000);
        for (int i = 0; i < 100; i++) {
            unit.append(String.format("%09d|", i));
        }
        return unit.toString();
    }

    /** The 200 MB text: {@link #unit()} repeated. */
    static String text() {
        return unit().repeat(SIZE / unit().length());
    }

    /** Byte {@code i} of the 200 MB bytes: every byte value, shifted every 251 bytes. */
    private static byte at(int i) {
        return (byte) (i + i / 251);
    }

    /** The 200 MB bytes. */
    static byte[] bytes() {
        byte[] b = new byte[SIZE];
        for (int i = 0; i < b.length; i++) {
            b[i] = at(i);
        }
        return b;
    }

    /** The digests of the text, the bytes and the zeros of the mapped file, computed piece by piece. */
    private static List<String> expectedDigests() throws Exception {
        MessageDigest text = MessageDigest.getInstance("MD5");
        byte[] unit = unit().getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < SIZE / unit.length; i++) {
            text.update(unit);
        }
        MessageDigest bytes = MessageDigest.getInstance("MD5");
        byte[] block = new byte[1 << 20];
        for (int from = 0; from < SIZE; from += block.length) {
            for (int i = 0; i < block.length; i++) {
                block[i] = at(from + i);
            }
            bytes.update(block);
        }
        MessageDigest zeros = MessageDigest.getInstance("MD5");
        java.util.Arrays.fill(block, (byte) 0);
        for (int from = 0; from < SIZE; from += block.length) {
            zeros.update(block);
        }
        return List.of(HexFormat.of().formatHex(text.digest()), HexFormat.of().formatHex(bytes.digest()),
                HexFormat.of().formatHex(zeros.digest()));
    }

    /**
     * The child seeds table {@code big}, whose trigger records the length and digest of each value
     * as the server received it and stores nothing (so that the test does not wait for 400 MB to be
     * written to disk).
     */
    @Test
    void loadsA200MegabyteStringByteArrayAndMappedBufferWithA512MegabyteHeap() throws Exception {
        Path zeros = dir.resolve("zeros.bin");
        try (RandomAccessFile raf = new RandomAccessFile(zeros.toFile(), "rw")) {
            raf.setLength(SIZE); // sparse: no disk, and reads as zeros
        }
        db.runJava("512m", Main.class, 3, zeros.toString());

        List<String> digests = expectedDigests();
        long textBytes = (long) SIZE / unit().length() * unit().length(); // ASCII: a byte per char
        assertEquals(List.of(Map.of("id", 1, "body_bytes", textBytes, "body_md5", digests.get(0),
                        "data_bytes", (long) SIZE, "data_md5", digests.get(1)),
                Map.of("id", 2, "body_bytes", 6L, "body_md5", db.queryValue("SELECT md5('mapped')"),
                        "data_bytes", (long) SIZE, "data_md5", digests.get(2))),
                db.query("SELECT * FROM received ORDER BY id"));
    }

    /** The seed that runs in the forked JVM. */
    public static final class Main {
        public static void main(String[] args) throws Exception {
            org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setURL(args[0]);
            dataSource.setUser(args[1]);
            dataSource.setPassword(args[2]);
            ByteBuffer mapped;
            try (FileChannel file = FileChannel.open(Path.of(args[3]))) {
                mapped = file.map(FileChannel.MapMode.READ_ONLY, 0, SIZE);
            }
            // 200 MB of Latin-1 text is 200 MB of heap, the array 200 MB more: a second copy of either does not fit
            String body = text();
            byte[] data = bytes();
            Blink.plan().addTable("big", store -> List.of(Map.of("id", 1, "body", body, "data", data),
                            Map.of("id", 2, "body", "mapped", "data", mapped)))
                    .insert(dataSource);
        }
    }

    /** A file of {@code size} bytes that takes no disk (sparse), mapped: a 1 GiB buffer without 1 GiB of memory. */
    private ByteBuffer sparse(long size) throws Exception {
        Path file = dir.resolve("sparse.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            return raf.getChannel().map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
    }

    @Test
    void refusesAValueOverTheFieldLimitBeforeSendingItAndKeepsTheConnection() throws Exception {
        ByteBuffer huge = sparse(OVER_THE_LIMIT);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            ValueException e = assertThrows(ValueException.class, () -> Blink.plan()
                    .addTable("blobs", store -> List.of(Map.of("id", 2, "body", "fine", "data", ByteBuffer.wrap(new byte[3])),
                            Map.of("id", 3, "body", "too big", "data", huge)))
                    .insert(connection, InsertOptions.defaults()));
            assertEquals(2, e.location().rowNumber());
            assertEquals("data", e.location().columnName().orElseThrow());
            assertTrue(e.getMessage().contains("it is 1073741825 bytes, more than the 1073741819 bytes PostgreSQL stores "
                    + "in one field"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing of it was sent"), e.getMessage());
            // the connection did not break: the caller's transaction goes on
            Blink.plan().addTable("blobs", store -> List.of(Map.of("id", 4, "body", "after", "data", new byte[] {1})))
                    .insert(connection, InsertOptions.defaults());
            connection.commit();
        }
        assertEquals(List.of(0, 4), db.query("SELECT id FROM blobs ORDER BY id").stream().map(r -> r.get("id")).toList());
    }

    @Test
    void refusesTextOverTheFieldLimitWithoutCopyingIt() {
        CharSequence huge = new Repeated('x', (int) OVER_THE_LIMIT);
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("blobs", store -> List.of(Map.of("id", 2, "body", huge)))
                .insert(db.dataSource()));
        assertInstanceOf(ValueException.class, e);
        assertTrue(e.getMessage().contains("more than the 1073741819 bytes PostgreSQL stores in one field"), e.getMessage());
        assertEquals(1L, db.count("blobs"));
    }

    @Test
    void measuresLongTextAsLongsPastTwoGigabytesOfUtf8() {
        // 716 million chars of three UTF-8 bytes each: more than an int can count, measured without overflow
        CharSequence huge = new Repeated('€', 715_827_883);
        ValueException e = assertThrows(ValueException.class, () -> Blink.plan()
                .addTable("blobs", store -> List.of(Map.of("id", 2, "body", huge)))
                .insert(db.dataSource()));
        assertTrue(e.getMessage().contains("it is 2147483649 bytes"), e.getMessage());
        assertEquals(1L, db.count("blobs"));
    }

    /** {@code length} times one char, without storing them. */
    private record Repeated(char c, int length) implements CharSequence {
        @Override
        public char charAt(int index) {
            return c;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Repeated(c, end - start);
        }

        @Override
        public String toString() {
            return length <= 64 ? String.valueOf(c).repeat(length) : "'" + c + "' × " + length;
        }
    }
}
