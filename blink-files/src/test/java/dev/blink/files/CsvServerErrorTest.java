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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A CSV file that goes to COPY as it is (no transform, nothing retained) is refused by the server;
 * the error still names the file, the record, the line where it starts and the column. COPY's own
 * {@code line N} counts records and only some line breaks inside quotes, so these files make the
 * two counts differ.
 */
@Tag("versions")
class CsvServerErrorTest extends DatabaseTest {

    @Override
    String schema() {
        return """
                DROP TABLE IF EXISTS people;
                CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, note text);
                INSERT INTO people VALUES (100, 'before', 'the seed');
                """;
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

    /** Asserts that {@code csv} is refused at {@code row}, which starts on {@code line}, with a message mentioning {@code parts}. */
    private SeedException refusedAt(Csv csv, long row, long line, String... parts) {
        SeedException e = refused(csv);
        assertEquals(List.of(row, line), List.of(e.location().rowNumber(), e.location().lineNumber()), e::getMessage);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected \"" + part + "\" in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void namesTheLineOfAValueAfterARecordThatSpansLines() throws IOException {
        // CRLF lines: COPY counts the CRs inside quotes, not the bare LFs, so it says "line 4" here
        Path file = write("id,name,note\r\n1,Ann,\"a\nb\nc\"\r\n2,Bob,x\r\n3x,Cid,y\r\n");
        SeedException e = refusedAt(Csv.from(file), 3, 6, "table \"people\", row 3 (" + file + ", line 6), column \"id\"",
                "int4", "\"3x\"", "invalid input syntax for type integer");
        assertInstanceOf(ValueException.class, e);
        assertEquals(Optional.of("id"), e.location().columnName());
        assertEquals(Optional.of("22P02"), e.sqlState());
    }

    @Test
    void namesTheLineOfARecordWithTooManyValues() throws IOException {
        refusedAt(Csv.from(write("id,name,note\n1,\"A\nnn\",x\n2,Bob,x,extra\n")), 2, 4,
                "extra data after last expected column");
    }

    @Test
    void namesTheLineOfADuplicateKey() throws IOException {
        refusedAt(Csv.from(write("id,name,note\n1,Ann,\"two\nlines\"\n2,Bob,\n100,Dup,\n")), 3, 5,
                "duplicate key value violates unique constraint", "[SQLSTATE 23505]");
    }

    @Test
    void namesTheLineOfANullInANotNullColumn() throws IOException {
        refusedAt(Csv.from(write("id,name,note\n1,Ann,\n2,,x\n")), 2, 3, "null value in column \"name\"",
                "[SQLSTATE 23502]");
    }

    @Test
    void countsLinesFromTheTopOfTheFileAfterSkippedLines() throws IOException {
        Path file = write("# exported\n# by hand\nid,name,note\n1,Ann,x\n2,Bob,x\nthree,Cid,x\n");
        refusedAt(Csv.from(file).withSkipLines(2), 3, 6);
    }

    @Test
    void namesTheLineOfBytesTheServerCannotDecode() throws IOException {
        byte[] head = "id,name,note\n1,Ann,x\n2,Bob,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xc0, (byte) 0xaf, '\n'};
        byte[] content = new byte[head.length + bad.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(bad, 0, content, head.length, bad.length);
        refusedAt(Csv.from(write(content)), 2, 3, "invalid byte sequence for encoding \"UTF8\": 0xc0 0xaf");
    }

    @Test
    void namesTheLineOfAnUnclosedQuote() throws IOException {
        refusedAt(Csv.from(write("id,name,note\n1,Ann,x\n2,\"Bob,x\n3,Cid,y\n")), 2, 3, "unterminated CSV quoted field");
    }
}
