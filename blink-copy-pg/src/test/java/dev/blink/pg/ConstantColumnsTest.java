package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.Retain;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.ValueException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Constant columns ({@link TableOptions#withConstant}) are encoded once per table and their bytes
 * appended to every row, in binary COPY and in COPY text: what the database holds afterwards, what
 * the store retains, and where a bad value is reported.
 */
@Tag("versions")
class ConstantColumnsTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final Instant AT = Instant.parse("2024-05-06T07:08:09Z");

    private static TestDatabase db;

    /** A row of two columns; the constants come after them. */
    record Item(long id, String label) {
    }

    /** The rows as an Iterable that is not a List: the store retains what the table asks, not the list. */
    private static <T> Iterable<T> once(List<T> rows) {
        return rows::iterator;
    }

    @BeforeAll
    static void schema() {
        db = postgres.database();
        db.execute("""
                CREATE TABLE items (id bigint, label text, inserted_at timestamptz, source text, n int);
                CREATE TABLE texts (id int, label text, inserted_at timestamptz, source text);
                CREATE TABLE kept (id bigint, label text, source text);
                CREATE TABLE failing (id bigint, label text, source text, n int);
                """);
    }

    @Test
    void appendsTheConstantsToEveryRowInBinaryCopy() {
        // more rows than one buffer holds, so constants are appended across chunk boundaries
        List<Item> rows = IntStream.rangeClosed(1, 20_000).mapToObj(i -> new Item(i, "item " + i)).toList();
        SeedResult result = Blink.plan()
                .addTable("items", store -> rows, TableOptions.retain(Retain.NONE).withConstant("inserted_at", AT)
                        .withConstant("source", "tab\there, ü").withConstant("n", null))
                .insert(db.dataSource());

        assertEquals(20_000L, result.rows());
        assertEquals(20_000L, db.queryValue("SELECT count(*) FROM items WHERE inserted_at = '2024-05-06 07:08:09+00'"
                + " AND source = E'tab\\there, ü' AND n IS NULL AND label = 'item ' || id"));
        assertEquals(200_010_000L, ((Number) db.queryValue("SELECT sum(id) FROM items")).longValue());
    }

    @Test
    void appendsTheConstantsToEveryRowInCopyText() {
        // a String for the int column makes the table go as COPY text: the server reads every value
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rows.add(Map.of("id", String.valueOf(i), "label", "line\nbreak " + i));
        }
        Blink.plan()
                .addTable("texts", store -> rows, TableOptions.defaults().withConstant("inserted_at", AT)
                        .withConstant("source", "back\\slash\tand tab"))
                .insert(db.dataSource());

        assertEquals(List.of(Map.of("id", 1, "label", "line\nbreak 1", "source", "back\\slash\tand tab"),
                        Map.of("id", 2, "label", "line\nbreak 2", "source", "back\\slash\tand tab"),
                        Map.of("id", 3, "label", "line\nbreak 3", "source", "back\\slash\tand tab")),
                db.query("SELECT id, label, source FROM texts WHERE inserted_at = '2024-05-06 07:08:09+00' ORDER BY id"));
    }

    @Test
    void retainsTheConstantOfEveryRow() {
        SeedResult result = Blink.plan()
                .addTable("kept", store -> once(List.of(new Item(1, "a"), new Item(2, "b"), new Item(3, "c"))),
                        TableOptions.retain(Retain.columns("id", "source")).withConstant("source", "seed"))
                .insert(db.dataSource());

        assertEquals(List.of(Map.of("id", 1L, "source", "seed"), Map.of("id", 2L, "source", "seed"),
                Map.of("id", 3L, "source", "seed")), result.store().table("kept"));
        assertEquals(3L, db.queryValue("SELECT count(*) FROM kept WHERE source = 'seed'"));
    }

    @Test
    void namesTheColumnAndRowOfABadValueBetweenConstants() {
        List<Map<String, Object>> rows = List.of(Map.of("id", 1L, "n", 1), Map.of("id", 2L, "n", 2),
                Map.of("id", 3L, "n", "three"));
        ValueException e = assertThrows(ValueException.class, () -> Blink.plan()
                .addTable("failing", store -> once(rows), TableOptions.defaults()
                        .withConstant("label", "x").withConstant("source", "y"))
                .insert(db.dataSource()));

        assertEquals("failing", e.location().table());
        assertEquals(3L, e.location().rowNumber());
        assertEquals("n", e.location().columnName().orElseThrow());
        assertEquals(0L, db.queryValue("SELECT count(*) FROM failing"), "nothing stored");
    }

    @Test
    void namesTheConstantColumnOfABadConstantAtTheFirstRow() {
        ValueException e = assertThrows(ValueException.class, () -> Blink.plan()
                .addTable("failing", store -> List.of(new Item(1, "a"), new Item(2, "b")),
                        TableOptions.defaults().withConstant("n", AT))
                .insert(db.dataSource()));

        assertEquals(1L, e.location().rowNumber());
        assertEquals("n", e.location().columnName().orElseThrow());
        assertTrue(e.getMessage().contains("java.time.Instant"), e.getMessage());
        assertEquals(0L, db.queryValue("SELECT count(*) FROM failing"), "nothing stored");
    }
}
