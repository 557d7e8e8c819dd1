package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.CallbackException;
import dev.blink.Retain;
import dev.blink.SeedException;
import dev.blink.TableOptions;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Files from where they live: a class-path resource (also inside a packaged jar), a URL, a stream
 * or a reader that the caller opens for every read. Each loads the same rows, every way, and an
 * error names the resource.
 */
class FileSourcesTest extends DatabaseTest {

    private static final String CSV = "id,name\n1,Zoë\n2,\"Smith, J\"\n";
    private static final String JSON = "[{\"id\": 1, \"name\": \"Zoë\"}, {\"id\": 2, \"name\": \"Smith, J\"}]";
    private static final List<Map<String, Object>> ROWS = List.of(Map.of("id", 1, "name", "Zoë"),
            Map.of("id", 2, "name", "Smith, J"));

    @Override
    String schema() {
        return "DROP TABLE IF EXISTS people; CREATE TABLE people (id int PRIMARY KEY, name text)";
    }

    /** Loads {@code source} without a transform (and once more with one, for CSV); returns the rows stored. */
    private List<Map<String, Object>> loads(dev.blink.spi.TableSource source) {
        Blink.plan().addTable("people", source, TableOptions.retain(Retain.NONE)).insert(Seeding.dataSource(db));
        List<Map<String, Object>> rows = db.query("SELECT id, name FROM people ORDER BY id");
        db.execute("TRUNCATE people");
        return rows;
    }

    /** A jar holding {@code seed/people.csv} and {@code seed/people.json}, as a test-fixtures artifact would. */
    private Path jar() throws IOException {
        Path jar = dir.resolve("fixtures.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("seed/people.csv"));
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("seed/people.json"));
            out.write(JSON.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void loadsACsvFileFromAPackagedJarOnTheClassPath() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar().toUri().toURL()}, before)) {
            thread.setContextClassLoader(loader);
            Csv csv = Csv.from(FileSource.resource("seed/people.csv"));
            assertEquals("classpath:seed/people.csv", csv.name());
            assertEquals(ROWS, loads(csv));
            assertEquals(ROWS, loads(csv.transform(row -> row)));
            assertEquals(ROWS, loads(Json.from(FileSource.resource("seed/people.json"))));
            URL url = loader.getResource("seed/people.csv");
            assertEquals("jar", url.getProtocol());
            assertEquals(ROWS, loads(Csv.from(FileSource.url(url))));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void loadsAResourceRelativeToAClass() throws Exception {
        // FileSourcesTest.csv sits next to this class in src/test/resources/dev/blink/files
        assertEquals(ROWS, loads(Csv.from(FileSource.resource(FileSourcesTest.class, "FileSourcesTest.csv"))));
        assertEquals(ROWS, loads(Csv.from(FileSource.resource(FileSourcesTest.class,
                "/dev/blink/files/FileSourcesTest.csv"))));
        assertEquals("classpath:dev/blink/files/FileSourcesTest.csv",
                Csv.from(FileSource.resource(FileSourcesTest.class, "FileSourcesTest.csv")).name());
    }

    @Test
    void namesAMissingResource() {
        SeedException e = assertThrows(SeedException.class,
                () -> loads(Csv.from(FileSource.resource("seed/missing.csv"))));
        assertInstanceOf(CallbackException.class, e);
        assertTrue(e.getMessage().contains("classpath:seed/missing.csv"), e::getMessage);
        assertTrue(e.getMessage().contains("no class-path resource \"seed/missing.csv\""), e::getMessage);
        assertInstanceOf(FileNotFoundException.class, e.getCause().getCause());
        assertEquals(0, db.count("people"));
    }

    @Test
    void opensAStreamForEveryRead() {
        AtomicInteger opened = new AtomicInteger();
        Csv csv = Csv.from(FileSource.stream("people (in memory)", () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8));
        }));
        assertEquals(ROWS, loads(csv));
        int perLoad = opened.get();
        assertEquals(ROWS, loads(csv.transform(row -> row)));
        assertTrue(opened.get() > perLoad, "the stream was opened again");
        assertEquals("people (in memory)", csv.name());
        Json json = Json.from(FileSource.stream("people.json (in memory)",
                () -> new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ROWS, loads(json));
        assertEquals(ROWS, loads(json));
    }

    @Test
    void readsCharactersFromAReaderAndSendsThemAsUtf8() {
        Csv csv = Csv.from(FileSource.reader("people (generated)", () -> new StringReader(CSV)));
        assertEquals(ROWS, loads(csv));
        assertEquals(ROWS, loads(csv.transform(row -> row)));
        assertEquals(ROWS, loads(Json.from(FileSource.reader("people.json (generated)", () -> new StringReader(JSON)))));
        assertThrows(IllegalStateException.class, () -> csv.withCharset(StandardCharsets.ISO_8859_1));
    }

    @Test
    void namesTheStreamInErrors() {
        Csv csv = Csv.from(FileSource.stream("people (in memory)",
                () -> new ByteArrayInputStream("id,name\n1,Ann\nx,Bob\n".getBytes(StandardCharsets.UTF_8))));
        SeedException e = assertThrows(SeedException.class, () -> loads(csv));
        assertEquals("people (in memory)", e.location().fileName().orElseThrow());
        assertEquals(3, e.location().lineNumber());
        assertTrue(e.getMessage().contains("(people (in memory), line 3)"), e::getMessage);
    }

    /** Excel's "Unicode text": UTF-16LE with a byte order mark, tab-separated; PostgreSQL cannot read UTF-16 itself. */
    @Test
    void transcodesUtf16ForTheServer() throws Exception {
        Charset utf16 = StandardCharsets.UTF_16LE;
        Path file = dir.resolve("people.txt");
        Files.write(file, ("\ufeff" + CSV.replace(',', '\t').replace("\"Smith\t J\"", "\"Smith, J\"")).getBytes(utf16));
        Csv csv = Csv.from(file).withCharset(utf16).withDelimiter('\t');
        assertEquals(ROWS, loads(csv));
        assertEquals(ROWS, loads(csv.transform(row -> row)));
    }
}
