package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.ValueException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The format of each table is decided once, from its first row: binary while every typed column
 * gets Java objects, COPY text as soon as one gets a String that the server must read. Rows that
 * contradict the decision, and encoders that cannot serve it, are refused with the way out.
 */
class CopyFormatTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private TestDatabase db;

    record Point(double x, double y) {
    }

    record Id(long value) {
    }

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS things;
                CREATE TABLE things (id int, n int, at timestamptz, p point, tags int[]);
                """);
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private long copy(List<String> columns, Object[]... rows) throws Exception {
        try (var connection = db.connect()) {
            return PgCopyInserter.copy(connection, "things", columns, Arrays.asList(rows));
        }
    }

    @Test
    void mixesJavaObjectsAndTextFormsInATableSentAsText() throws Exception {
        Instant at = Instant.parse("2024-01-02T03:04:05Z");
        copy(List.of("id", "n", "at", "tags"), row(1, "0010", at, List.of(1, 2)),
                row(2, 7, "2024-01-02 03:04:05+00", "{3,4}"), row("3", null, null, List.of("5", 6)));
        assertEquals("1|10|2024-01-02 03:04:05|{1,2};2|7|2024-01-02 03:04:05|{3,4};3|{5,6}",
                db.queryValue("SELECT string_agg(concat_ws('|', id, n, to_char(at AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD HH24:MI:SS'), tags), ';' ORDER BY id) FROM things"));
    }

    @Test
    void refusesAStringInATableDecidedBinaryAndSaysHowToMakeTheRowsConsistent() {
        ValueException e = assertThrows(ValueException.class, () -> copy(List.of("id", "n"), row(1, null), row(2, "7")));
        assertTrue(e.getMessage().contains("row 2, column \"n\""), e.getMessage());
        assertTrue(e.getMessage().contains("this table is sent as binary COPY: Blink decides that per table from its "
                + "first row, where column \"n\" had no value and no typed column a String"), e.getMessage());
        assertTrue(e.getMessage().contains("Give \"n\" the same kind of value in every row"), e.getMessage());
        ValueException element = assertThrows(ValueException.class, () -> copy(List.of("id", "tags"),
                row(1, List.of(1)), row(2, List.of("2"))));
        assertTrue(element.getMessage().contains("give every row the same kind of elements"), element.getMessage());
        assertEquals(0L, db.queryValue("SELECT count(*) FROM things"));
    }

    @Test
    void refusesABinaryWriterInATableSentAsTextAtTheFirstRow() {
        PgCopyInserter inserter = PgCopyInserter.builder()
                .encoder(PgEncoder.of("point", Point.class, (p, out) -> {
                    out.writeFloat8(p.x());
                    out.writeFloat8(p.y());
                }))
                .build();
        ValueException e = assertThrows(ValueException.class, () -> Blink.plan()
                .addTable("things", store -> List.of(Map.of("id", "1", "p", new Point(1, 2))))
                .insert(db.dataSource(), InsertOptions.builder().inserter(inserter).build()));
        assertTrue(e.getMessage().contains("row 1, column \"p\""), e.getMessage());
        assertTrue(e.getMessage().contains("this table is sent as COPY text because column \"id\" (int4) receives a "
                + "String in PostgreSQL's text form in the first row"), e.getMessage());
        assertTrue(e.getMessage().contains("PgEncoder.converting(...)"), e.getMessage());
        // the same writer in a table of Java objects is binary, and fine
        Blink.plan()
                .addTable("things", store -> List.of(Map.of("id", 1, "p", new Point(1, 2))))
                .insert(db.dataSource(), InsertOptions.builder().inserter(inserter).build());
        assertEquals("(1,2)", db.queryValue("SELECT p::text FROM things"));
    }

    @Test
    void aConverterToATextFormSendsTheTableAsText() {
        PgCopyInserter inserter = PgCopyInserter.builder()
                .encoder(PgEncoder.converting("point", Point.class, p -> "(" + p.x() + "," + p.y() + ")"))
                .encoder(PgEncoder.converting("int4", Id.class, id -> id.value() == 0 ? null : " " + id.value()))
                .build();
        Blink.plan()
                .addTable("things", store -> List.of(Map.of("id", new Id(16), "p", new Point(1.5, 2)),
                        Map.of("id", new Id(0), "p", new Point(0, 0))))
                .insert(db.dataSource(), InsertOptions.builder().inserter(inserter).build());
        assertEquals("16 (1.5,2);NULL (0,0)", db.queryValue("SELECT string_agg(coalesce(id::text, 'NULL') || ' '"
                + " || p::text, ';' ORDER BY p[0] DESC) FROM things"));
    }
}
