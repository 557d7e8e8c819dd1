package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.Retain;
import dev.blink.SeedException;
import dev.blink.TableOptions;
import dev.blink.ValueException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file that goes to COPY as it is (no transform, nothing retained) is refused by the server;
 * the error still names the file, the record, the line where it starts and the column. COPY's own
 * {@code line N} counts records and only some line breaks inside quotes, so these files make the
 * two counts differ.
 */
@Tag("versions")
class CsvServerErrorTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path dir;

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS people;
                CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, note text);
                INSERT INTO people VALUES (100, 'before', 'the seed');
                """);
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(dir.resolve("people.csv"), content);
    }

    private Path write(String content) throws IOException {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    private SeedException refused(Csv csv) {
        String before = db.checksum("people");
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("people", csv, TableOptions.retain(Retain.NONE))
                .insert(Seeding.dataSource(db), Seeding.options()));
        assertEquals(before, db.checksum("people"), "the table was not left as it was");
        assertEquals(Optional.of(csv.name()), e.location().fileName(), e::getMessage);
        return e;
    }

    private static void assertMentions(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected \"" + part + "\" in: " + e.getMessage());
        }
    }

    @Test
    void namesTheLineOfAValueAfterARecordThatSpansLines() throws IOException {
        // CRLF lines: COPY counts the CRs inside quotes, not the bare LFs, so it says "line 4" here
        Path file = write("id,name,note\r\n1,Ann,\"a\nb\nc\"\r\n2,Bob,x\r\n3x,Cid,y\r\n");
        SeedException e = refused(Csv.from(file));
        ValueException value = assertInstanceOf(ValueException.class, e);
        assertEquals(3, e.location().rowNumber());
        assertEquals(6, e.location().lineNumber());
        assertEquals(Optional.of("id"), e.location().columnName());
        assertMentions(value, "table \"people\", row 3 (" + file + ", line 6), column \"id\"", "integer",
                "\"3x\"", "invalid input syntax for type integer");
        assertEquals(Optional.of("22P02"), e.sqlState());
    }

    @Test
    void namesTheLineOfARecordWithTooManyValues() throws IOException {
        Path file = write("id,name,note\n1,\"A\nnn\",x\n2,Bob,x,extra\n");
        SeedException e = refused(Csv.from(file));
        assertEquals(2, e.location().rowNumber());
        assertEquals(4, e.location().lineNumber());
        assertMentions(e, "extra data after last expected column");
    }

    @Test
    void namesTheLineOfADuplicateKey() throws IOException {
        Path file = write("id,name,note\n1,Ann,\"two\nlines\"\n2,Bob,\n100,Dup,\n");
        SeedException e = refused(Csv.from(file));
        assertEquals(3, e.location().rowNumber());
        assertEquals(5, e.location().lineNumber());
        assertMentions(e, "duplicate key value violates unique constraint", "[SQLSTATE 23505]");
    }

    @Test
    void namesTheLineOfANullInANotNullColumn() throws IOException {
        Path file = write("id,name,note\n1,Ann,\n2,,x\n");
        SeedException e = refused(Csv.from(file));
        assertEquals(2, e.location().rowNumber());
        assertEquals(3, e.location().lineNumber());
        assertMentions(e, "null value in column \"name\"", "[SQLSTATE 23502]");
    }

    @Test
    void countsLinesFromTheTopOfTheFileAfterSkippedLines() throws IOException {
        Path file = write("# exported\n# by hand\nid,name,note\n1,Ann,x\n2,Bob,x\nthree,Cid,x\n");
        SeedException e = refused(Csv.from(file).withSkipLines(2));
        assertEquals(3, e.location().rowNumber());
        assertEquals(6, e.location().lineNumber());
    }

    @Test
    void namesTheLineOfBytesTheServerCannotDecode() throws IOException {
        byte[] head = "id,name,note\n1,Ann,x\n2,Bob,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xc0, (byte) 0xaf, '\n'};
        byte[] content = new byte[head.length + bad.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(bad, 0, content, head.length, bad.length);
        SeedException e = refused(Csv.from(write(content)));
        assertEquals(3, e.location().lineNumber());
        assertMentions(e, "invalid byte sequence for encoding \"UTF8\": 0xc0 0xaf");
    }

    @Test
    void namesTheLineOfAnUnclosedQuote() throws IOException {
        Path file = write("id,name,note\n1,Ann,x\n2,\"Bob,x\n3,Cid,y\n");
        SeedException e = refused(Csv.from(file));
        assertEquals(2, e.location().rowNumber());
        assertEquals(3, e.location().lineNumber());
        assertMentions(e, "unterminated CSV quoted field");
    }
}
