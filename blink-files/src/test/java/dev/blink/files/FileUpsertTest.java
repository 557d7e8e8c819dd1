package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.SeedResult;
import dev.blink.TableResult;
import dev.blink.pg.PgCopyInserter;
import dev.blink.pg.PgOnConflict;
import dev.blink.spi.TableSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSV and JSON files that the server reads itself, with an on-conflict rule: rows that collide are
 * counted as skipped ({@code DO NOTHING}) or as written ({@code DO UPDATE}), and the store keeps
 * every row of the file.
 */
class FileUpsertTest extends DatabaseTest {

    @Override
    String schema() {
        return """
                DROP TABLE IF EXISTS people;
                CREATE TABLE people (id int PRIMARY KEY, name text);
                INSERT INTO people VALUES (1, 'Old'), (2, 'Old'), (3, 'Old'), (4, 'Old');
                """;
    }

    /** People 1 to 10 named New, of whom 1 to 4 are there already. */
    private Path csv() throws IOException {
        return Files.writeString(dir.resolve("people.csv"), "id,name\n" + IntStream.rangeClosed(1, 10)
                .mapToObj(i -> i + ",New\n").collect(Collectors.joining()));
    }

    /** The same people as {@link #csv()}, as a JSON array. */
    private Path json() throws IOException {
        return Files.writeString(dir.resolve("people.json"), IntStream.rangeClosed(1, 10)
                .mapToObj(i -> "{\"id\": " + i + ", \"name\": \"New\"}").collect(Collectors.joining(",\n", "[", "]")));
    }

    private SeedResult seed(TableSource file, PgOnConflict onConflict) {
        return Blink.plan().addTable("people", file).insert(Seeding.dataSource(db),
                InsertOptions.builder().inserter(PgCopyInserter.builder().onConflict("people", onConflict).build())
                        .build());
    }

    private void assertSkippedFour(SeedResult result) {
        TableResult people = result.table("people");
        assertEquals(6L, people.rows(), "rows inserted");
        assertEquals(4L, people.skipped(), "rows that collided");
        assertEquals(4L, result.skipped());
        assertEquals(10, result.store().tables().get("people").size(), "the store keeps every row of the file");
        assertEquals(10L, db.count("people"));
        assertEquals(4L, db.queryValue("SELECT count(*) FROM people WHERE id <= 4 AND name = 'Old'"));
        assertEquals(6L, db.queryValue("SELECT count(*) FROM people WHERE id > 4 AND name = 'New'"));
    }

    private void assertUpdatedFour(SeedResult result) {
        assertEquals(10L, result.table("people").rows(), "6 inserted and 4 updated");
        assertEquals(0L, result.table("people").skipped());
        assertEquals(10L, db.count("people"));
        assertEquals(10L, db.queryValue("SELECT count(*) FROM people WHERE name = 'New'"));
    }

    @Test
    void countsCsvRowsThatDoNothingSkips() throws IOException {
        assertSkippedFour(seed(Csv.from(csv()), PgOnConflict.doNothing()));
    }

    @Test
    void countsCsvRowsThatDoUpdateUpdatesAsWritten() throws IOException {
        assertUpdatedFour(seed(Csv.from(csv()), PgOnConflict.doUpdate("id")));
    }

    @Test
    void countsJsonRowsThatDoNothingSkips() throws IOException {
        assertSkippedFour(seed(Json.from(json()), PgOnConflict.doNothing("id")));
    }

    @Test
    void countsJsonRowsThatDoUpdateUpdatesAsWritten() throws IOException {
        assertUpdatedFour(seed(Json.from(json()), PgOnConflict.doUpdate("id")));
    }
}
