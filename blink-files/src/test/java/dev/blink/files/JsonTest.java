package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.CallbackException;
import dev.blink.SeedException;
import dev.blink.SeedResult;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** JSON arrays and JSON Lines into PostgreSQL, with their numbers, nesting and errors. */
@Tag("versions")
class JsonTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path dir;

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS products, categories;
                CREATE TABLE categories (id bigint PRIMARY KEY, name text NOT NULL);
                CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL, price numeric, stock bigint,
                                       serial numeric(30), active boolean, tags text[], attrs jsonb, note text,
                                       released date);
                INSERT INTO categories VALUES (100, 'before the seed');
                """);
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Map<String, Object>> read(Iterable<Map<String, Object>> rows) {
        List<Map<String, Object>> all = new ArrayList<>();
        rows.forEach(all::add);
        return all;
    }

    private static void assertMentions(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected \"" + part + "\" in: " + e.getMessage());
        }
    }

    private static final String PRODUCTS = """
            [
              {"id": 1, "name": "Lamp", "price": 19.99, "stock": 9223372036854775807,
               "serial": 123456789012345678901234567890, "active": true, "tags": ["home", "light"],
               "attrs": {"watts": 40, "dims": [10.5, 20], "color": null}, "note": null, "released": "2024-02-29"},
              {"id": 2, "name": "Desk \\"XL\\" ☃", "price": 1.10, "stock": -1, "serial": 0, "active": false,
               "tags": [], "attrs": [], "note": "line\\nbreak", "released": null}
            ]
            """;

    @Test
    void loadsATopLevelArrayOfObjectsWithTheirTypesAndNesting() throws IOException {
        Path file = write("products.json", PRODUCTS);
        SeedResult result = Blink.plan()
                .addTable("products", Json.from(file))
                .insert(Seeding.dataSource(db), Seeding.options());
        assertEquals(2, result.rows());
        assertEquals(List.of(Map.of("ok", true)), db.query("""
                SELECT price = 19.99 AND stock = 9223372036854775807 AND serial = 123456789012345678901234567890
                       AND active AND tags = '{home,light}' AND attrs = '{"watts": 40, "dims": [10.5, 20], "color": null}'
                       AND note IS NULL AND released = '2024-02-29' AS ok
                FROM products WHERE id = 1
                """));
        assertEquals(List.of(Map.of("ok", true)), db.query("""
                SELECT name = 'Desk "XL" ☃' AND price::text = '1.10' AND stock = -1 AND NOT active
                       AND tags = '{}' AND attrs = '[]' AND note = E'line\\nbreak' AND released IS NULL AS ok
                FROM products WHERE id = 2
                """));
    }

    @Test
    void loadsJsonLinesWithBlankLinesAndCrlf() throws IOException {
        Path file = write("categories.jsonl", "{\"id\": 1, \"name\": \"Books\"}\r\n\r\n{\"name\": \"Toys\", \"id\": 2}\r\n");
        Blink.plan().addTable("categories", Json.from(file)).insert(Seeding.dataSource(db), Seeding.options());
        assertEquals(List.of(Map.of("id", 1L, "name", "Books"), Map.of("id", 2L, "name", "Toys"),
                        Map.of("id", 100L, "name", "before the seed")),
                db.query("SELECT id, name FROM categories ORDER BY id"));
    }

    @Test
    void readsTheSameRowsFromAnArrayAndFromJsonLines() throws IOException {
        Path array = write("a.json", "\uFEFF[{\"id\": 1, \"v\": [1, {\"x\": \"y\"}]},\n {\"id\": 2, \"v\": null}]");
        Path lines = write("a.jsonl", "{\"id\": 1, \"v\": [1, {\"x\": \"y\"}]}\n{\"id\": 2, \"v\": null}\n");
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", 1L);
        first.put("v", List.of(1L, Map.of("x", "y")));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("id", 2L);
        second.put("v", null);
        List<Map<String, Object>> expected = List.of(first, second);
        assertEquals(expected, read(Json.from(array)));
        assertEquals(expected, read(Json.from(lines)));
        assertEquals(expected, read(Json.from(array).withLayout(JsonLayout.ARRAY)));
        assertEquals(expected, read(Json.from(lines).withLayout(JsonLayout.LINES)));
        assertEquals(expected, read(Json.from(array).withCharset(StandardCharsets.UTF_8)));
    }

    @Test
    void keepsEveryNumberExactly() throws IOException {
        Path file = write("numbers.json", """
                [{"i": 42, "l": -9223372036854775808, "big": 92233720368547758070, "d": 1.10, "e": 1e400,
                  "neg": -0.000000000000000000001, "zero": 0.0}]
                """);
        Map<String, Object> row = read(Json.from(file)).get(0);
        assertEquals(42L, row.get("i"));
        assertEquals(Long.MIN_VALUE, row.get("l"));
        assertEquals(new BigInteger("92233720368547758070"), row.get("big"));
        assertEquals(new BigDecimal("1.10"), row.get("d"));
        assertEquals(new BigDecimal("1e400"), row.get("e"));
        assertEquals(new BigDecimal("-0.000000000000000000001"), row.get("neg"));
        assertEquals(new BigDecimal("0.0"), row.get("zero"));
    }

    @Test
    void readsAnEmptyFileOrAnEmptyArrayAsNoRows() throws IOException {
        assertEquals(List.of(), read(Json.from(write("empty.json", ""))));
        assertEquals(List.of(), read(Json.from(write("blank.jsonl", "\n  \n"))));
        assertEquals(List.of(), read(Json.from(write("array.json", " [ ] \n"))));
        SeedResult result = Blink.plan().addTable("categories", Json.from(dir.resolve("array.json")))
                .insert(Seeding.dataSource(db), Seeding.options());
        assertEquals(0, result.rows());
    }

    @Test
    void reportsTheLineOfEachRow() throws IOException {
        Path file = write("lines.json", "[\n  {\"id\": 1},\n\n  {\"id\":\n 2}, {\"id\": 3}\n]\n");
        List<Long> lines = new ArrayList<>();
        try (FileRowIterator rows = Json.from(file).iterator()) {
            while (rows.hasNext()) {
                rows.next();
                lines.add(rows.line());
                assertEquals(lines.size(), rows.recordNumber());
            }
            assertEquals(file.toString(), rows.file());
        }
        assertEquals(List.of(2L, 4L, 5L), lines);
    }

    @Test
    void transformsEachRowLikeTheElixirExample() throws IOException {
        Path file = write("products.json", PRODUCTS);
        Json products = Json.from(file).transform(product -> {
            product.put("note", "imported " + product.get("id"));
            product.remove("serial");
            return product;
        });
        Blink.plan().addTable("products", products).insert(Seeding.dataSource(db), Seeding.options());
        assertEquals(List.of("imported 1", "imported 2"), db.query("SELECT note FROM products ORDER BY id").stream()
                .map(r -> r.get("note")).toList());
        assertEquals(2L, db.queryValue("SELECT count(*) FROM products WHERE serial IS NULL"));
    }

    private SeedException failsAndLeavesTheDatabaseAsItWas(Json json) {
        String before = db.checksum("categories");
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("categories", Json.from(write("ok.json", "[{\"id\": 1, \"name\": \"Books\"}]")))
                .addTable("products", json)
                .insert(Seeding.dataSource(db), Seeding.options()));
        assertEquals(before, db.checksum("categories"), "categories was not rolled back");
        assertEquals(0, db.count("products"));
        return e;
    }

    private FileRowException fileError(String name, String content) throws IOException {
        return fileError(Json.from(write(name, content)));
    }

    private FileRowException fileError(Json json) {
        SeedException e = failsAndLeavesTheDatabaseAsItWas(json);
        assertInstanceOf(CallbackException.class, e);
        assertEquals("products", e.location().table());
        return assertInstanceOf(FileRowException.class, e.getCause());
    }

    @Test
    void namesTheLineKeyAndTextOfInvalidJson() throws IOException {
        FileRowException e = fileError("bad.json", "[\n{\"id\": 1, \"name\": \"a\"},\n{\"id\": 2, \"name\": tru}\n]");
        assertEquals(3, e.line());
        assertEquals(2, e.record());
        assertEquals("name", e.column().orElseThrow());
        assertMentions(e, "bad.json, line 3 (record 2), column \"name\": invalid JSON at character",
                "Unrecognized token 'tru'", "{\\\"id\\\": 2, \\\"name\\\": tru}");
    }

    @Test
    void namesAnArrayThatIsNeverClosed() throws IOException {
        FileRowException e = fileError("open.json", "[{\"id\": 1, \"name\": \"a\"},\n{\"id\": 2, \"name\": \"b\"");
        assertEquals(2, e.line());
        assertMentions(e, "invalid JSON", "end-of-input");
    }

    @Test
    void rejectsATopLevelValueThatIsNotAnArrayOfObjects() throws IOException {
        FileRowException number = fileError("number.json", "\n42\n");
        assertEquals(2, number.line());
        assertMentions(number, "the file starts with a number but rows are read from a top-level array of objects");

        FileRowException element = fileError("element.json", "[{\"id\": 1, \"name\": \"a\"},\n \"b\"]");
        assertEquals(2, element.line());
        assertEquals(2, element.record());
        assertMentions(element, "element 2 of the top-level array is a string, not an object");

        FileRowException nested = fileError("nested.json", "[[{\"id\": 1}]]");
        assertMentions(nested, "element 1 of the top-level array is an array, not an object");

        FileRowException after = fileError("after.json", "[{\"id\": 1, \"name\": \"a\"}]\n[]");
        assertEquals(2, after.line());
        assertMentions(after, "there is more after the top-level array (an array)");
    }

    @Test
    void rejectsAnObjectThatWrapsTheRows() throws IOException {
        String wrapped = "{\n  \"products\": [\n    {\"id\": 1, \"name\": \"a\"}\n  ]\n}\n";
        FileRowException e = fileError("wrapped.json", wrapped);
        assertEquals(1, e.line());
        assertMentions(e, "the file starts with an object on lines 1 to 5", "make the array the whole file",
                "withLayout(JsonLayout.LINES)");
        Path spanning = write("spanning.jsonl", "{\"id\": 1,\n \"v\": 2}\n{\"id\": 2,\n \"v\": 3}\n");
        assertEquals(2, read(Json.from(spanning).withLayout(JsonLayout.LINES)).size());
    }

    @Test
    void rejectsAJsonLineThatIsNotAnObject() throws IOException {
        FileRowException e = fileError("lines.jsonl", "{\"id\": 1, \"name\": \"a\"}\n[1, 2]\n");
        assertEquals(2, e.line());
        assertEquals(2, e.record());
        assertMentions(e, "the line holds an array, not an object", "\"[1, 2]\"");
    }

    @Test
    void rejectsALayoutOtherThanTheOneAskedFor() throws IOException {
        Path lines = write("lines.jsonl", "{\"id\": 1, \"name\": \"a\"}\n");
        assertMentions(fileError(Json.from(lines).withLayout(JsonLayout.ARRAY)),
                "the file starts with an object but rows are read from a top-level array of objects");
        Path array = write("array.json", "[{\"id\": 1, \"name\": \"a\"}]");
        assertMentions(fileError(Json.from(array).withLayout(JsonLayout.LINES)),
                "the file starts with an array but rows are read from JSON Lines");
        Path empty = write("empty.json", "");
        assertMentions(fileError(Json.from(empty).withLayout(JsonLayout.ARRAY)), "the file is empty but rows are read");
    }

    @Test
    void rejectsAKeyGivenTwiceInOneObject() throws IOException {
        FileRowException e = fileError("twice.json", "[{\"id\": 1, \"name\": \"a\", \"name\": \"b\"}]");
        assertEquals(1, e.line());
        assertMentions(e, "Duplicate field 'name'");
    }

    @Test
    void reportsAnExceptionOfTheTransformWithTheRow() throws IOException {
        Path file = write("products.json", "[{\"id\": 1, \"name\": \"a\"},\n{\"id\": 2, \"name\": null}]");
        FileRowException e = fileError(Json.from(file).transform(row -> {
            row.put("name", row.get("name").toString().toUpperCase());
            return row;
        }));
        assertEquals(2, e.line());
        assertEquals(2, e.record());
        assertInstanceOf(NullPointerException.class, e.getCause());
    }

    @Test
    void reportsAValueTheColumnCannotTakeWithFileAndLine() throws IOException {
        Path file = write("products.jsonl", "{\"id\": 1, \"name\": \"a\", \"released\": \"2024-01-01\"}\n"
                + "{\"id\": 2, \"name\": \"b\", \"released\": \"someday\"}\n");
        SeedException e = failsAndLeavesTheDatabaseAsItWas(Json.from(file));
        assertEquals(2, e.location().rowNumber());
        assertEquals(2, e.location().lineNumber());
        assertEquals(file.toString(), e.location().fileName().orElseThrow());
        assertEquals("released", e.location().columnName().orElseThrow());
        assertMentions(e, "someday");
    }

    @Test
    void iteratesAgainFromTheStartAndStopsWhenClosed() throws IOException {
        Json json = Json.from(write("ids.jsonl", "{\"id\": 1}\n{\"id\": 2}\n"));
        assertEquals(2, read(json).size());
        FileRowIterator rows = json.iterator();
        assertEquals(Map.of("id", 1L), rows.next());
        rows.close();
        assertFalse(rows.hasNext());
        assertEquals(Arrays.asList(Map.of("id", 1L), Map.of("id", 2L)), read(json));
    }
}
