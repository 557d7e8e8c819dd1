package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.SeedException;
import dev.blink.SeedResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * COPY's CSV rules where they differ from RFC 4180 readers (Commons CSV read all of these
 * otherwise): each file is loaded every way Blink loads CSV, and by {@code COPY} itself into a
 * twin table, and the two tables must hold the same rows, or both refuse the file.
 */
@Tag("versions")
class CsvCopyRulesTest extends DatabaseTest {

    @Override
    String schema() {
        return """
                DROP TABLE IF EXISTS t, t_pg, s;
                CREATE TABLE t (id int, name text);
                CREATE TABLE t_pg (LIKE t);
                """;
    }

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("t.csv"), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Loads {@code content} both ways; returns the rows as Blink stored them, checked equal to COPY's. */
    private List<Map<String, Object>> loadsLikeCopy(CsvPath path, String content) throws IOException, SQLException {
        Path file = write(content);
        SeedResult result = path.load(db, "t", Csv.from(file));
        if (!path.splitsItself() || path == CsvPath.COPY_TEXT_RETAINED) {
            assertEquals(Files.size(file), result.bytes(), "the file's bytes went to COPY as they are");
        }
        Seeding.copy(db, "t_pg", file, "FORMAT csv, HEADER");
        List<Map<String, Object>> rows = db.query("SELECT id, name FROM t ORDER BY id");
        assertEquals(db.query("SELECT id, name FROM t_pg ORDER BY id"), rows, "Blink's rows differ from COPY's");
        return rows;
    }

    /** A rule, a file that shows it, and the names of its rows in id order, as COPY stores them. */
    static Stream<Arguments> rules() {
        Object[][] rules = {
            {"a quote toggles quoting anywhere in a value", "id,name\n1,a\"\"b\n2,\"x\"y\"z\"\n", List.of("ab", "xyz")},
            {"a quote opened inside a value runs over the line break", "id,name\n1,a\"b\n2,c\"d\n3,e\n",
                List.of("ab\n2,cd", "e")},
            {"spaces around a quoted value are kept", "id,name\n1, \"ab\" \n2,\"cd\"  \n", List.of(" ab ", "cd  ")},
            {"text after a closing quote is part of the value", "id,name\n1,\"ab\"c\n", List.of("abc")},
            {"a line that is \\. inside quotes is a value", "id,name\n1,\"a\n\\.\nb\"\n2,\\.x\n",
                List.of("a\n\\.\nb", "\\.x")},
        };
        List<Arguments> cases = new ArrayList<>();
        for (Object[] rule : rules) {
            for (CsvPath path : CsvPath.values()) {
                cases.add(Arguments.of(rule[0], path, rule[1], rule[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("rules")
    void loadsAsCopyLoadsIt(String rule, CsvPath path, String content, List<String> names) throws Exception {
        List<Map<String, Object>> rows = loadsLikeCopy(path, content);
        assertEquals(names, rows.stream().map(row -> row.get("name")).toList(), rule);
    }

    @ParameterizedTest
    @EnumSource(CsvPath.class)
    void anEscapeCharacterEscapesOnlyQuotesAndItselfInsideQuotes(CsvPath path) throws Exception {
        Path file = write("id,name\n1,\"a\\\"b\\\\c\\d\"\n2,e\\nf\\\n");
        path.load(db, "t", Csv.from(file).withEscape('\\'));
        Seeding.copy(db, "t_pg", file, "FORMAT csv, HEADER, ESCAPE '\\'");
        List<Map<String, Object>> rows = db.query("SELECT id, name FROM t ORDER BY id");
        assertEquals(db.query("SELECT id, name FROM t_pg ORDER BY id"), rows);
        assertEquals(List.of(Map.of("id", 1, "name", "a\"b\\c\\d"), Map.of("id", 2, "name", "e\\nf\\")), rows);
    }

    @ParameterizedTest
    @EnumSource(CsvPath.class)
    void mixedLineEndingsAreRefusedAsCopyRefusesThem(CsvPath path) throws Exception {
        for (String content : List.of("id,name\n1,a\r\n2,b\n", "id,name\r\n1,a\n2,b\r\n", "id,name\r1,a\n")) {
            Path file = write(content);
            SeedException e = assertThrows(SeedException.class, () -> path.load(db, "t", Csv.from(file)));
            assertThrows(SQLException.class, () -> Seeding.copy(db, "t_pg", file, "FORMAT csv, HEADER"));
            assertEquals(0, db.count("t"));
            assertEquals(2, e.location().lineNumber(), e::getMessage);
            assertTrue(e.getMessage().contains(path.splitsItself() ? "mixed line endings" : "found in data"),
                    e::getMessage);
        }
    }

    /**
     * PostgreSQL 13–17 end the data at a line that is {@code \.} alone and ignore the rest of the
     * file; 18 reads it as a value. Blink refuses it on every version, every way.
     */
    @ParameterizedTest
    @EnumSource(CsvPath.class)
    void aLineThatIsBackslashDotIsRefusedOnEveryVersion(CsvPath path) throws Exception {
        Path file = write("id,name\n1,a\n\\.\n2,b\n");
        SeedException e = assertThrows(SeedException.class, () -> path.load(db, "t", Csv.from(file)));
        assertEquals(0, db.count("t"));
        assertEquals(3, e.location().lineNumber(), e::getMessage);
        assertTrue(e.getMessage().contains("\\. alone, which PostgreSQL 13–17 read as the end of the data"),
                e::getMessage);
        // quoted, it is a value everywhere
        Path quoted = write("name\na\n\"\\.\"\n");
        db.execute("CREATE TABLE s (name text)");
        path.load(db, "s", Csv.from(quoted));
        assertEquals(List.of(Map.of("name", "\\."), Map.of("name", "a")), db.query("SELECT name FROM s ORDER BY name"));
    }

    @ParameterizedTest
    @EnumSource(CsvPath.class)
    void aHeaderOnlyFileWithAnUnknownColumnIsRefused(CsvPath path) throws Exception {
        Path file = write("id,nmae\n");
        if (path == CsvPath.TRANSFORM) {
            // a transform decides the columns, and runs per row: a file without rows writes nothing
            path.load(db, "t", Csv.from(file));
            return;
        }
        SeedException e = assertThrows(SeedException.class, () -> path.load(db, "t", Csv.from(file)));
        assertTrue(e.getMessage().contains("nmae"), e::getMessage);
        if (path != CsvPath.JDBC) {
            assertTrue(e.getMessage().contains("Its columns are [id, name]"), e::getMessage);
        }
    }

    @ParameterizedTest
    @EnumSource(CsvPath.class)
    void unquotedEmptyValuesAreNullAndQuotedOnesEmpty(CsvPath path) throws Exception {
        List<Map<String, Object>> rows = loadsLikeCopy(path, "id,name\n1,\n2,\"\"\n,x\n");
        assertEquals(3, rows.size());
        assertEquals(1L, db.queryValue("SELECT count(*) FROM t WHERE id = 1 AND name IS NULL"));
        assertEquals(1L, db.queryValue("SELECT count(*) FROM t WHERE id = 2 AND name = ''"));
        assertEquals(1L, db.queryValue("SELECT count(*) FROM t WHERE id IS NULL AND name = 'x'"));
    }
}
