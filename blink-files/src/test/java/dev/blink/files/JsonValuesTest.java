package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.CallbackException;
import dev.blink.Retain;
import dev.blink.SeedException;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a JSON value means for its column, as {@code json_populate_record} decides (a file without
 * a transform): the defects of reading JSON into Java values first, each checked against the
 * server's own function on the same object.
 */
@Tag("versions")
class JsonValuesTest extends DatabaseTest {

    @Override
    String schema() {
        return """
                DROP TABLE IF EXISTS v, v_pg;
                CREATE TABLE v (id int, doc jsonb, j json, t text, f double precision, r real, n numeric, tags text[]);
                CREATE TABLE v_pg (LIKE v);
                """;
    }

    /** Loads the JSON Lines {@code objects} with Blink, and with json_populate_record into v_pg; the rows must agree. */
    private Map<String, Object> loads(String object) throws IOException {
        Path file = Files.writeString(dir.resolve("v.jsonl"), object + "\n");
        Blink.plan().addTable("v", Json.from(file), TableOptions.retain(Retain.NONE)).insert(Seeding.dataSource(db));
        db.execute("INSERT INTO v_pg SELECT * FROM json_populate_record(NULL::v_pg, '" + object.replace("'", "''") + "')");
        String select = "SELECT id, doc::text AS doc, jsonb_typeof(doc) AS kind, j::text AS j, t, f::text AS f,"
                + " r::text AS r, n::text AS n, tags::text AS tags FROM ";
        List<Map<String, Object>> rows = db.query(select + "v");
        assertEquals(db.query(select + "v_pg"), rows, "Blink's row differs from json_populate_record's");
        return rows.get(0);
    }

    @Test
    void aStringForAJsonColumnStaysAString() throws IOException {
        Map<String, Object> row = loads("{\"id\": 1, \"doc\": \"123\", \"j\": \"{\\\"a\\\": 1}\"}");
        assertEquals(List.of("string", "\"123\"", "\"{\\\"a\\\": 1}\""),
                List.of(row.get("kind"), row.get("doc"), row.get("j")));
    }

    @Test
    void negativeZeroKeepsItsSignWhereTheColumnKeepsIt() throws IOException {
        Map<String, Object> row = loads("{\"id\": 1, \"doc\": -0, \"j\": -0, \"t\": -0, \"f\": -0, \"r\": -0, \"n\": -0}");
        // numeric (and so jsonb) has no negative zero
        assertEquals(Map.of("f", "-0", "r", "-0", "t", "-0", "j", "-0", "n", "0", "doc", "0"),
                Map.of("f", row.get("f"), "r", row.get("r"), "t", row.get("t"), "j", row.get("j"), "n", row.get("n"),
                        "doc", row.get("doc")));
    }

    @Test
    void numbersAndObjectsReachATextColumnAsWritten() throws IOException {
        Map<String, String> written = Map.of("1e2", "1e2", "1.50", "1.50", "{ \"a\" : [1,  2] }", "{ \"a\" : [1,  2] }");
        for (Map.Entry<String, String> value : written.entrySet()) {
            db.execute("TRUNCATE v, v_pg");
            assertEquals(value.getValue(), loads("{\"id\": 1, \"t\": " + value.getKey() + "}").get("t"));
        }
        db.execute("TRUNCATE v, v_pg");
        Map<String, Object> row = loads("{\"id\": 1, \"j\": { \"a\" : 1 }, \"tags\": [\"x,y\", null, \"q\\\"\"]}");
        assertEquals("{ \"a\" : 1 }", row.get("j"));
        assertEquals("{\"x,y\",NULL,\"q\\\"\"}", row.get("tags"));
    }

    @Test
    void theStoreKeepsJavaValuesAsATransformWouldSeeThem() throws IOException {
        Path file = Files.writeString(dir.resolve("v.jsonl"), "{\"id\": 1, \"doc\": \"123\", \"n\": 1.50}\n");
        SeedResult result = Blink.plan().addTable("v", Json.from(file)).insert(Seeding.dataSource(db));
        assertEquals(List.of(Map.of("id", 1L, "doc", "123", "n", new BigDecimal("1.50"))), result.store().table("v"));
        assertEquals("string", db.queryValue("SELECT jsonb_typeof(doc) FROM v"));
    }

    @Test
    void refusesOverlongUtf8WithTheFileAndLineEveryWay() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"id\": 1, \"t\": \"a\"}\n{\"id\": 2, \"t\": \"a".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xc0, (byte) 0xaf});
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("v.jsonl"), bytes.toByteArray());
        for (Json json : List.of(Json.from(file), Json.from(file).transform(row -> row))) {
            SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                    .addTable("v", json, TableOptions.retain(Retain.NONE)).insert(Seeding.dataSource(db)));
            assertInstanceOf(CallbackException.class, e);
            FileRowException cause = assertInstanceOf(FileRowException.class, e.getCause());
            assertEquals(2, cause.line());
            assertEquals(file.toString(), e.location().fileName().orElseThrow());
            assertTrue(e.getMessage().contains("not valid UTF-8"), e::getMessage);
            assertEquals(0, db.count("v"));
        }
    }

    @Test
    void namesTheRowLineAndColumnOfAValueTheServerRefuses() throws IOException {
        Path file = Files.writeString(dir.resolve("v.jsonl"), "{\"id\": 1, \"f\": 1}\n{\"id\": 2, \"f\": 2}\n"
                + "{\"id\": 3,\n \"f\": \"fast\"}\n", StandardCharsets.UTF_8);
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("v", Json.from(file).withLayout(JsonLayout.LINES), TableOptions.retain(Retain.NONE))
                .insert(Seeding.dataSource(db)));
        assertEquals(3, e.location().rowNumber());
        assertEquals(3, e.location().lineNumber());
        assertEquals("f", e.location().columnName().orElseThrow());
        assertTrue(e.getMessage().contains("\"\\\"fast\\\"\""), e::getMessage);
        assertTrue(e.getMessage().contains("invalid input syntax for type double precision"), e::getMessage);
        assertEquals(0, db.count("v"));
    }
}
