package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Csv} reads from a file, row by row, under each of its options. */
@Tag("versions")
class CsvReadingTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("data.csv"), content.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static List<Map<String, Object>> read(Iterable<Map<String, Object>> rows) {
        List<Map<String, Object>> all = new ArrayList<>();
        rows.forEach(all::add);
        return all;
    }

    @Test
    void readsEachRecordAsAMapKeyedByTheHeaderInFileOrder() throws IOException {
        Path file = write("b,a,c\n1,two,3.0\n");
        List<Map<String, Object>> rows = read(Csv.from(file));
        assertEquals(List.of(row("b", "1", "a", "two", "c", "3.0")), rows);
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(rows.get(0).keySet()));
    }

    @Test
    void rowsWithoutATransformAreUnmodifiableMapsThatReadLikeAnyOther() throws IOException {
        Path file = write("b,a,c\n1,,3.0\n");
        Map<String, Object> row = read(Csv.from(file)).get(0);
        Map<String, Object> same = row("b", "1", "a", null, "c", "3.0");
        assertEquals(same, row);
        assertEquals(same.hashCode(), row.hashCode());
        assertEquals("{b=1, a=null, c=3.0}", row.toString());
        assertEquals("3.0", row.get("c"));
        assertTrue(row.containsKey("a"));
        assertFalse(row.containsKey("d"));
        assertEquals(null, row.get("d"));
        assertThrows(UnsupportedOperationException.class, () -> row.put("d", "x"));
    }

    @Test
    void readsUnquotedEmptyCellsAsNullAndQuotedOnesAsEmptyStringsByDefault() throws IOException {
        Path file = write("a,b,c\n,\"\",x\n");
        assertEquals(List.of(row("a", null, "b", "", "c", "x")), read(Csv.from(file)));
    }

    @Test
    void readsEveryEmptyCellAsNullWhenAsked() throws IOException {
        Path file = write("a,b,c\n,\"\",x\n");
        assertEquals(List.of(row("a", null, "b", null, "c", "x")), read(Csv.from(file).emptyAs(EmptyCell.NULL)));
    }

    @Test
    void readsEveryEmptyCellAsAnEmptyStringWhenAsked() throws IOException {
        Path file = write("a,b,c\n,\"\",x\n");
        assertEquals(List.of(row("a", "", "b", "", "c", "x")), read(Csv.from(file).emptyAs(EmptyCell.EMPTY_STRING)));
    }

    @Test
    void readsAnUnquotedNullStringAsNullAndAQuotedOneAsText() throws IOException {
        Path file = write("a,b,c,d\n\\N,\"\\N\",,\"\"\n");
        assertEquals(List.of(row("a", null, "b", "\\N", "c", "", "d", "")), read(Csv.from(file).withNullString("\\N")));
        assertEquals(List.of(row("a", null, "b", "\\N", "c", null, "d", null)),
                read(Csv.from(file).withNullString("\\N").emptyAs(EmptyCell.NULL)));
    }

    @Test
    void readsOtherDelimitersQuotesAndEscapes() throws IOException {
        Path file = write("a;b\n'x;y';'it''s'\n");
        assertEquals(List.of(row("a", "x;y", "b", "it's")), read(Csv.from(file).withDelimiter(';').withQuote('\'')));

        Path tabs = write("a\tb\n\"x\\\"y\"\t\"back\\\\slash\"\n");
        assertEquals(List.of(row("a", "x\"y", "b", "back\\slash")),
                read(Csv.from(tabs).withDelimiter('\t').withEscape('\\')));
    }

    @Test
    void decodesTheCharsetItIsGiven() throws IOException {
        Path file = Files.write(dir.resolve("latin1.csv"), "name\nRen\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(row("name", "Ren\u00e9")), read(Csv.from(file).withCharset(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsTheFirstLineAsARecordWhenTheNamesAreGiven() throws IOException {
        Path file = write("1,Ann\n2,Bob\n");
        assertEquals(List.of(row("id", "1", "name", "Ann"), row("id", "2", "name", "Bob")),
                read(Csv.from(file).withHeader("id", "name")));
    }

    @Test
    void replacesTheHeaderLineWithGivenNamesWhenItIsSkipped() throws IOException {
        Path file = write("Id,Full Name\n1,Ann\n");
        assertEquals(List.of(row("id", "1", "name", "Ann")), read(Csv.from(file).withHeader("id", "name").withSkipLines(1)));
    }

    @Test
    void skipsLinesBeforeTheHeaderAndCountsLinesFromTheTop() throws IOException {
        Path file = write("# exported 2024-01-01\r\n# by hand\r\nid,name\r\n1,Ann\r\n2,Bob\r\n");
        try (FileRowIterator rows = Csv.from(file).withSkipLines(2).iterator()) {
            assertEquals(row("id", "1", "name", "Ann"), rows.next());
            assertEquals(4, rows.line());
            assertEquals(row("id", "2", "name", "Bob"), rows.next());
            assertEquals(5, rows.line());
            assertEquals(2, rows.recordNumber());
            assertFalse(rows.hasNext());
        }
    }

    @Test
    void reportsTheFileAndTheLineWhereEachRecordStarts() throws IOException {
        Path file = write("id,note\n1,\"one\ntwo\r\nthree\"\n2,x\n3,\"\"\"quoted\"\"\nnewline\"\n4,y");
        List<Long> lines = new ArrayList<>();
        try (FileRowIterator rows = Csv.from(file).iterator()) {
            assertEquals(file.toString(), rows.file());
            assertEquals(0, rows.line());
            while (rows.hasNext()) {
                rows.next();
                lines.add(rows.line());
            }
        }
        assertEquals(List.of(2L, 5L, 6L, 8L), lines);
    }

    @Test
    void opensTheFileAfreshForEachIterator() throws IOException {
        Path file = write("n\n1\n2\n3\n");
        Csv csv = Csv.from(file);
        try (FileRowIterator first = csv.iterator(); FileRowIterator second = csv.iterator()) {
            assertEquals("1", first.next().get("n"));
            assertEquals("2", first.next().get("n"));
            assertEquals("1", second.next().get("n"));
            assertEquals("3", first.next().get("n"));
            assertFalse(first.hasNext());
            assertEquals("2", second.next().get("n"));
        }
        assertEquals(3, read(csv).size());
        assertEquals(3, read(csv).size());
    }

    @Test
    void stopsAfterTheLastRowAndWhenClosed() throws IOException {
        Path file = write("n\n1\n2\n");
        FileRowIterator rows = Csv.from(file).iterator();
        rows.next();
        rows.close();
        assertFalse(rows.hasNext());
        assertThrows(NoSuchElementException.class, rows::next);
        rows.close();
    }

    @Test
    void runsTransformsInTheOrderTheyWereAdded() throws IOException {
        Path file = write("id,name\n7,ann\n");
        Csv csv = Csv.from(file)
                .transform(row -> {
                    row.put("id", Long.parseLong((String) row.get("id")));
                    return row;
                })
                .transform(row -> {
                    Map<String, Object> out = new HashMap<>(row);
                    out.put("name", ((String) row.get("name")).toUpperCase() + row.get("id").getClass().getSimpleName());
                    return out;
                });
        assertEquals(List.of(Map.of("id", 7L, "name", "ANNLong")), read(csv));
    }

    @Test
    void returnsChangedCopiesAndLeavesTheOriginalAsItWas() throws IOException {
        Path file = write("a;b\n1;2\n");
        Csv plain = Csv.from(file);
        Csv semicolons = plain.withDelimiter(';');
        Csv transformed = semicolons.transform(row -> {
            row.put("c", "3");
            return row;
        });
        assertEquals(List.of(row("a;b", "1;2")), read(plain));
        assertEquals(List.of(row("a", "1", "b", "2")), read(semicolons));
        assertEquals(List.of(row("a", "1", "b", "2", "c", "3")), read(transformed));
        assertEquals(file.toString(), transformed.name());
        assertTrue(semicolons.toString().contains("delimiter ';'"), semicolons::toString);
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        Csv csv = Csv.from(dir.resolve("any.csv"));
        assertThrows(IllegalArgumentException.class, () -> csv.withDelimiter('"'));
        assertThrows(IllegalArgumentException.class, () -> csv.withQuote(','));
        assertThrows(IllegalArgumentException.class, () -> csv.withDelimiter('\n'));
        assertThrows(IllegalArgumentException.class, () -> csv.withEscape('"'));
        assertThrows(IllegalArgumentException.class, () -> csv.withSkipLines(-1));
        assertThrows(IllegalArgumentException.class, () -> csv.withHeader());
        assertThrows(IllegalArgumentException.class, () -> csv.withHeader("id", "id"));
        assertThrows(IllegalArgumentException.class, () -> csv.withHeader("id", ""));
        assertThrows(NullPointerException.class, () -> csv.withHeader("id", null));
        assertThrows(NullPointerException.class, () -> Csv.from((Path) null));
    }
}
