package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.SeedException;
import dev.blink.pg.PgCopyInserter;
import dev.blink.pg.PgIndexRebuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A CSV or JSON file that the server reads itself is loaded with the inserter's index rebuild and,
 * for CSV, {@code COPY … FREEZE} after the inserter's truncation.
 */
@Tag("versions")
class FileLoadingOptionsTest extends DatabaseTest {

    private static final String DEFINITIONS = "SELECT string_agg(c.relname || ': ' || pg_get_indexdef(i.indexrelid),"
            + " E'\\n' ORDER BY c.relname) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            + " WHERE i.indrelid = 'people'::regclass";

    @Override
    String schema() {
        return """
                CREATE EXTENSION IF NOT EXISTS pageinspect;
                DROP TABLE IF EXISTS people;
                CREATE TABLE people (id int PRIMARY KEY, name text);
                CREATE UNIQUE INDEX people_lower_name ON people (lower(name));
                INSERT INTO people VALUES (0, 'Old');
                """;
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static InsertOptions with(PgCopyInserter.Builder inserter) {
        return InsertOptions.builder().inserter(inserter.build()).build();
    }

    private Object indexOid() {
        return db.queryValue("SELECT 'people_lower_name'::regclass::oid");
    }

    @Test
    void csvRebuildsTheIndexAndFreezesAfterTheTruncation() throws IOException {
        Object definitions = db.queryValue(DEFINITIONS);
        Object oid = indexOid();
        Blink.plan().addTable("people", Csv.from(file("people.csv", "id,name\n1,Ada\n2,Grace\n")))
                .insert(db.dataSource(), with(PgCopyInserter.builder().truncate("people")
                        .rebuildIndexes(PgIndexRebuild.AUTOMATIC)));
        assertEquals(definitions, db.queryValue(DEFINITIONS));
        assertNotEquals(oid, indexOid());
        assertEquals(2L, db.queryValue("SELECT count(*) FROM heap_page_items(get_raw_page('people', 0))"
                + " WHERE t_infomask & 768 = 768"), "both tuples written frozen");
        assertEquals(2L, db.count("people"));
    }

    @Test
    void jsonRebuildsTheIndex() throws IOException {
        Object definitions = db.queryValue(DEFINITIONS);
        Object oid = indexOid();
        Blink.plan().addTable("people", Json.from(file("people.json", "[{\"id\": 1, \"name\": \"Ada\"}]")))
                .insert(db.dataSource(), with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS)));
        assertEquals(definitions, db.queryValue(DEFINITIONS));
        assertNotEquals(oid, indexOid());
        assertEquals(2L, db.count("people"));
    }

    @Test
    void aCsvDuplicateForTheRebuiltIndexFailsAndLeavesTheTableAsItWas() throws IOException {
        Object definitions = db.queryValue(DEFINITIONS);
        Object oid = indexOid();
        Path csv = file("people.csv", "id,name\n1,Ada\n2,ada\n");
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan().addTable("people", Csv.from(csv))
                .insert(db.dataSource(), with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS))));
        assertTrue(e.getMessage().contains("recreating the index people_lower_name of table people"), e.getMessage());
        assertEquals(definitions, db.queryValue(DEFINITIONS));
        assertEquals(oid, indexOid());
        assertEquals(1L, db.count("people"));
    }
}
