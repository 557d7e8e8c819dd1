package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.blink.Blink;
import dev.blink.CallbackException;
import dev.blink.SeedException;
import dev.blink.ValueException;
import dev.blink.spi.TableSource;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad CSV file fails the seed with an error that names the file, the line, the record and the
 * bad text, and the database holds exactly what it held before: the tables loaded before the bad
 * file in the same seed are rolled back too.
 */
@Tag("versions")
class CsvErrorTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path dir;

    private TestDatabase db;
    private Path good;

    @BeforeEach
    void schema() throws IOException {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS people, pets;
                CREATE TABLE people (id int PRIMARY KEY, name text, note text);
                CREATE TABLE pets (id int PRIMARY KEY, name text NOT NULL, owner_id int REFERENCES people(id));
                INSERT INTO people VALUES (100, 'before', 'the seed');
                """);
        good = write("people.csv", "id,name,note\n1,Ann,a\n2,Bob,b\n3,Cid,c\n");
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Seeds people from the good file, then pets from {@code pets}; asserts nothing stayed. */
    private SeedException failsAndLeavesTheDatabaseAsItWas(TableSource pets) {
        String before = db.checksum("people");
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("people", Csv.from(good))
                .addTable("pets", pets)
                .insert(Seeding.dataSource(db), Seeding.options()));
        assertEquals(before, db.checksum("people"), "people was not rolled back");
        assertEquals(1, db.count("people"));
        assertEquals(0, db.count("pets"));
        return e;
    }

    private static FileRowException fileError(SeedException e) {
        assertInstanceOf(CallbackException.class, e);
        assertEquals("pets", e.location().table());
        FileRowException cause = assertInstanceOf(FileRowException.class, e.getCause());
        assertEquals(Optional.of(cause.file()), e.location().fileName(), "the location names the file");
        assertEquals(cause.line(), e.location().lineNumber(), "the location names the line");
        return cause;
    }

    private static void assertMentions(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected \"" + part + "\" in: " + e.getMessage());
        }
    }

    @Test
    void namesTheLineAndRecordOfAnUnclosedQuote() throws IOException {
        Path pets = write("pets.csv", "id,name,owner_id\n1,Rex,1\n2,\"Tom,2\n3,Kit,3\n");
        SeedException e = failsAndLeavesTheDatabaseAsItWas(Csv.from(pets));
        FileRowException cause = fileError(e);
        assertEquals(3, cause.line());
        assertEquals(2, cause.record());
        assertEquals(pets.toString(), cause.file());
        assertEquals(2, e.location().rowNumber());
        assertMentions(e, "table \"pets\"", pets + ", line 3 (record 2)", "malformed CSV", "never closed",
                "\"2,\\\"Tom,2\\n3,Kit,3\"");
    }

    @Test
    void stopsAQuoteThatIsNeverClosedAtTheRecordLengthLimit() throws IOException {
        StringBuilder content = new StringBuilder("id,name,owner_id\n1,Rex,1\n2,\"Tom,2\n");
        for (int i = 3; i < 20_000; i++) {
            content.append(i).append(",Pet number ").append(i).append(',').append(i).append('\n');
        }
        Path pets = write("pets.csv", content.toString());
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(Csv.from(pets).withMaxRecordLength(1000)));
        assertEquals(3, cause.line());
        assertEquals(2, cause.record());
        assertMentions(cause, "the record is longer than 1000 characters", "never closed", "withMaxRecordLength",
                "\"2,\\\"Tom,2\\n3,Pet number 3,3");
    }

    @Test
    void namesTheLineWhereTheLineEndingChanges() throws IOException {
        Path pets = write("pets.csv", "id,name,owner_id\n1,Rex,1\n2,Tom,2\r\n3,Kit,3\n");
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(Csv.from(pets)));
        assertEquals(3, cause.line());
        assertEquals(2, cause.record());
        assertMentions(cause, "malformed CSV", "mixed line endings", "unquoted carriage return found in data",
                "\"2,Tom,2\"");
    }

    @Test
    void namesARecordWithTooManyValues() throws IOException {
        Path pets = write("pets.csv", "id,name,owner_id\n1,Rex,1\n2,Tom, the cat,2\n");
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(Csv.from(pets)));
        assertEquals(3, cause.line());
        assertEquals(2, cause.record());
        assertMentions(cause, "the record has 4 values but the header names 3 columns [id, name, owner_id]",
                "\"2,Tom, the cat,2\"", "quote values that hold the delimiter");
    }

    @Test
    void namesARecordWithTooFewValuesAfterAMultiLineRecord() throws IOException {
        Path pets = write("pets.csv", "id,name,owner_id\n1,\"Rex\nthe dog\",1\n2,Tom\n");
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(Csv.from(pets)));
        assertEquals(4, cause.line());
        assertEquals(2, cause.record());
        assertMentions(cause, "has 2 values but the header names 3 columns", "\"2,Tom\"");
    }

    @Test
    void namesABlankLine() throws IOException {
        Path pets = write("pets.csv", "id,name,owner_id\n1,Rex,1\n\n2,Tom,2\n");
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(Csv.from(pets)));
        assertEquals(3, cause.line());
        assertMentions(cause, "has 1 value but", "the line is blank");
    }

    @Test
    void rejectsAnUnknownHeaderInTheInserterNeverAsSql() throws IOException {
        Path pets = write("pets.csv", "id,nmae,owner_id\n1,Rex,1\n");
        SeedException e = failsAndLeavesTheDatabaseAsItWas(Csv.from(pets));
        assertMentions(e, "table \"pets\"", "nmae");

        Path evil = write("evil.csv", "id,\"name\"\") VALUES (1, 'x'); DROP TABLE people; --\",owner_id\n1,Rex,1\n");
        SeedException injected = failsAndLeavesTheDatabaseAsItWas(Csv.from(evil));
        assertMentions(injected, "table \"pets\"", "DROP TABLE people");
        assertEquals(1, db.count("people"));
    }

    @Test
    void reportsAValueTheColumnCannotTakeWithItsRow() throws IOException {
        Path pets = write("pets.csv", "id,name,owner_id\n1,Rex,1\n2,Tom,two\n");
        SeedException e = failsAndLeavesTheDatabaseAsItWas(Csv.from(pets));
        assertInstanceOf(ValueException.class, e);
        assertEquals("pets", e.location().table());
        assertEquals(2, e.location().rowNumber());
        assertEquals("owner_id", e.location().columnName().orElseThrow());
        assertEquals(pets.toString(), e.location().fileName().orElseThrow());
        assertEquals(3, e.location().lineNumber());
        assertMentions(e, "table \"pets\", row 2 (" + pets + ", line 3), column \"owner_id\"", "\"two\"");
    }

    @Test
    void reportsAnExceptionOfTheTransformWithTheRow() throws IOException {
        Path pets = write("pets.csv", "id,name,owner_id\n1,Rex,1\n2,Tom,x2\n");
        Csv csv = Csv.from(pets).transform(row -> {
            row.put("owner_id", Integer.parseInt((String) row.get("owner_id")));
            return row;
        });
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(csv));
        assertEquals(3, cause.line());
        assertEquals(2, cause.record());
        assertInstanceOf(NumberFormatException.class, cause.getCause());
        assertMentions(cause, "the transform threw java.lang.NumberFormatException", "x2");
    }

    @Test
    void rejectsATransformThatReturnsNull() throws IOException {
        Path pets = write("pets.csv", "id,name,owner_id\n1,Rex,1\n");
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(Csv.from(pets).transform(row -> null)));
        assertMentions(cause, "line 2 (record 1)", "the transform returned null");
    }

    @Test
    void rejectsAHeaderThatNamesAColumnTwice() throws IOException {
        Path pets = write("pets.csv", "id,name,name\n1,Rex,Tom\n");
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(Csv.from(pets)));
        assertEquals(1, cause.line());
        assertEquals("name", cause.column().orElseThrow());
        assertMentions(cause, "the header names column \"name\" twice (names 2 and 3)");
    }

    @Test
    void rejectsAHeaderWithAnEmptyName() throws IOException {
        Path pets = write("pets.csv", "id,name,\n1,Rex,\n");
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(Csv.from(pets)));
        assertEquals(1, cause.line());
        assertMentions(cause, "name 3 of 3 is empty", "\"id,name,\"", "a delimiter at the end of the line");
    }

    @Test
    void namesTheLineOfBytesThatAreNotUtf8() throws IOException {
        Path pets = dir.resolve("pets.csv");
        Files.write(pets, "id,name,owner_id\n1,Rex,1\n2,Ren\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1));
        FileRowException cause = fileError(failsAndLeavesTheDatabaseAsItWas(Csv.from(pets)));
        assertEquals(3, cause.line());
        assertMentions(cause, "not valid UTF-8", "withCharset");
    }

    @Test
    void reportsAMissingFileWithItsName() {
        Path missing = dir.resolve("missing.csv");
        SeedException e = failsAndLeavesTheDatabaseAsItWas(Csv.from(missing));
        assertInstanceOf(CallbackException.class, e);
        assertInstanceOf(NoSuchFileException.class, e.getCause().getCause());
        assertMentions(e, "table \"pets\"", "Cannot open the CSV file " + missing);
    }

    @Test
    void closesTheFilesWhetherTheSeedSucceedsOrFails() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd to see open files");
        Path pets = write("pets.csv", "id,name,owner_id\n1,Rex,1\n2,Tom\n");
        Path json = write("pets.jsonl", "{\"id\": 1, \"name\": \"Rex\", \"owner_id\": 1}\n[]\n");
        failsAndLeavesTheDatabaseAsItWas(Csv.from(pets));
        failsAndLeavesTheDatabaseAsItWas(Json.from(json));
        db.execute("DELETE FROM people");
        Blink.plan().addTable("people", Csv.from(good)).insert(Seeding.dataSource(db), Seeding.options());
        assertEquals(3, db.count("people"));
        List<Path> open = new ArrayList<>();
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path link : links) {
                try {
                    open.add(Files.readSymbolicLink(link));
                } catch (IOException gone) {
                    // the descriptor of the directory stream itself, or one closed meanwhile
                }
            }
        }
        assertFalse(open.contains(pets) || open.contains(json) || open.contains(good), () -> "still open: " + open);
    }

    @Test
    void failsOnTheFirstBadRowWhenIteratedByHand() throws IOException {
        Path pets = write("pets.csv", "id,name,owner_id\n1,Rex,1\n2,Tom\n");
        try (FileRowIterator rows = Csv.from(pets).iterator()) {
            assertEquals(Map.of("id", "1", "name", "Rex", "owner_id", "1"), rows.next());
            FileRowException e = assertThrows(FileRowException.class, rows::hasNext);
            assertEquals(List.of(3L, 2L), List.of(e.line(), e.record()));
        }
    }
}
