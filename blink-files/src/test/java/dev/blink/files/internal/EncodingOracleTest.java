package dev.blink.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.Retain;
import dev.blink.SeedException;
import dev.blink.TableOptions;
import dev.blink.files.Csv;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charsets Blink decodes itself (for a transform, or the rows of the store) must decode every
 * byte as the server's conversion does: each of the 255 non-zero bytes is decoded by Java and by
 * {@code convert_from} on the running server, and they must agree (same text, or both refuse).
 * A charset whose Java decoder differs is read only by the server.
 */
@Tag("versions")
class EncodingOracleTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void javaDecodesEverySingleByteCharsetItIsTrustedWithAsTheServerDoes() throws Exception {
        TestDatabase db = postgres.database();
        try (Connection connection = db.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE FUNCTION converted(b bytea[], e text) RETURNS text[] LANGUAGE plpgsql AS $$"
                        + " DECLARE r text[] := '{}'; x bytea; BEGIN FOREACH x IN ARRAY b LOOP BEGIN"
                        + " r := r || convert_from(x, e); EXCEPTION WHEN others THEN r := r || NULL::text; END;"
                        + " END LOOP; RETURN r; END $$");
            }
            for (String name : new TreeSet<>(Encodings.DECODED_LIKE_POSTGRESQL)) {
                Charset charset = Charset.forName(name);
                byte[][] bytes = new byte[255][];
                for (int b = 1; b < 256; b++) {
                    bytes[b - 1] = new byte[] {(byte) b};
                }
                String[] server;
                try (PreparedStatement statement = connection.prepareStatement("SELECT converted(?, ?)")) {
                    Array array = connection.createArrayOf("bytea", bytes);
                    statement.setArray(1, array);
                    statement.setString(2, Encodings.postgresql(charset).orElseThrow());
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        server = (String[]) rs.getArray(1).getArray();
                    }
                }
                List<String> differences = new ArrayList<>();
                for (int i = 0; i < bytes.length; i++) {
                    String java = decode(charset, bytes[i]);
                    if (!Objects.equals(java, server[i])) {
                        differences.add(String.format("0x%02x: Java %s, server %s", i + 1, java, server[i]));
                    }
                }
                assertEquals(List.of(), differences, name + " decodes differently");
            }
        }
    }

    private static String decode(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Shift_JIS 0x815C is U+2014 to Java and U+2015 to PostgreSQL: the server decodes it, a transform is refused. */
    @Test
    void leavesAnEncodingJavaDecodesDifferentlyToTheServer() throws Exception {
        TestDatabase db = postgres.database();
        db.execute("CREATE TABLE sjis (id int, name text)");
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] head = "id,name\n1,".getBytes(sjis);
        byte[] content = new byte[head.length + 3];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0x81;
        content[head.length + 1] = (byte) 0x5c;
        content[head.length + 2] = '\n';
        Path file = Files.write(dir.resolve("sjis.csv"), content);
        Blink.plan().addTable("sjis", Csv.from(file).withCharset(sjis), TableOptions.retain(Retain.NONE))
                .insert(db.dataSource());
        assertEquals("\u2015", db.queryValue("SELECT name FROM sjis"));
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("sjis", Csv.from(file).withCharset(sjis).transform(row -> row)).insert(db.dataSource()));
        assertTrue(e.getMessage().contains("Java decodes Shift_JIS differently from PostgreSQL's SJIS"), e::getMessage);
        assertEquals(1, db.count("sjis"));
    }
}
