package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Retain;
import dev.blink.SeedException;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file here is loaded twice: by Blink from {@code Csv.from(file)}, and by PostgreSQL itself
 * with {@code COPY … FROM STDIN (FORMAT csv, HEADER)} into a twin table. The two tables must hold
 * exactly the same rows.
 */
@Tag("versions")
class CsvCopyParityTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path dir;

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS people, people_pg, typed, typed_pg;
                DROP TYPE IF EXISTS mood;
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE TABLE people (id int PRIMARY KEY, name text, note text);
                CREATE TABLE people_pg (LIKE people INCLUDING ALL);
                CREATE TABLE typed (id bigint PRIMARY KEY, name text, amount numeric(14, 2), born date,
                                    seen timestamptz, active boolean, ref uuid, tags text[], scores int[],
                                    doc jsonb, feeling mood, ratio double precision);
                CREATE TABLE typed_pg (LIKE typed INCLUDING ALL);
                """);
    }

    /** Writes {@code content} as UTF-8, every {@code '} turned into {@code "} (a text block cannot hold three). */
    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private long assertLoadsLikeCopy(String table, Path file) throws IOException, SQLException {
        return assertLoadsLikeCopy(table, Csv.from(file), "FORMAT csv, HEADER");
    }

    private long assertLoadsLikeCopy(String table, Csv csv, String copyOptions) throws IOException, SQLException {
        return assertLoadsLikeCopy(table, csv, copyOptions, Seeding.dataSource(db), Seeding.options());
    }

    private long assertLoadsLikeCopy(String table, Csv csv, String copyOptions, DataSource dataSource,
                                     InsertOptions options) throws IOException, SQLException {
        SeedResult result = Blink.plan()
                .addTable(table, csv, TableOptions.retain(Retain.NONE))
                .insert(dataSource, options);
        long copied = Seeding.copy(db, table + "_pg", Path.of(csv.name()), copyOptions);
        assertEquals(copied, result.rows(), "rows written by Blink");
        assertEquals(copied, db.count(table));
        assertEquals(db.checksum(table + "_pg"), db.checksum(table), () -> "Blink's table differs from COPY's: only Blink's "
                + db.query("SELECT r::text FROM " + table + " r EXCEPT ALL SELECT r::text FROM " + table + "_pg r LIMIT 5")
                + ", only COPY's "
                + db.query("SELECT r::text FROM " + table + "_pg r EXCEPT ALL SELECT r::text FROM " + table + " r LIMIT 5"));
        return copied;
    }

    @Test
    void loadsCommasQuotesAndEmbeddedNewlinesLikeCopy() throws Exception {
        Path file = write("people.csv", """
                id,name,note
                1,'Smith, John','She said ''hi'''
                2,Zoë 😀,'first line
                second line, with a comma'
                3,,''
                4,'',
                5,plain,'ends with a quote '''
                6,'  spaced  ',tab\there
                """);
        assertEquals(6, assertLoadsLikeCopy("people", file));
        assertEquals("first line\nsecond line, with a comma", db.queryValue("SELECT note FROM people WHERE id = 2"));
        assertEquals(1L, db.queryValue("SELECT count(*) FROM people WHERE id = 3 AND name IS NULL AND note = ''"));
    }

    @Test
    void loadsUtf8WithAByteOrderMarkLikeCopy() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFid,name,note\n1,Ærø,ß\n2,日本,\"€\"\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, assertLoadsLikeCopy("people", file));
        assertEquals("Ærø", db.queryValue("SELECT name FROM people WHERE id = 1"));
    }

    @Test
    void loadsCrlfLineEndsLikeCopy() throws Exception {
        Path file = write("crlf.csv", "id,name,note\r\n1,a,\"two\r\nlines\"\r\n2,b,\r\n3,c,last\r\n");
        assertEquals(3, assertLoadsLikeCopy("people", file));
        assertEquals("two\r\nlines", db.queryValue("SELECT note FROM people WHERE id = 1"));
    }

    @Test
    void loadsAFileWithoutAFinalLineBreakLikeCopy() throws Exception {
        Path file = write("no-final-newline.csv", "id,name,note\n1,a,b\n2,c,\"d\"");
        assertEquals(2, assertLoadsLikeCopy("people", file));
    }

    @Test
    void loadsAnEmptyFileAsNoRows() throws Exception {
        Path file = write("empty.csv", "");
        assertEquals(0, assertLoadsLikeCopy("people", file));
    }

    @Test
    void loadsAHeaderOnlyFileAsNoRows() throws Exception {
        Path file = write("header.csv", "id,name,note\n");
        assertEquals(0, assertLoadsLikeCopy("people", file));
    }

    @Test
    void loadsTextIntoTypedColumnsLikeCopy() throws Exception {
        Path file = write("typed.csv", """
                id,name,amount,born,seen,active,ref,tags,scores,doc,feeling,ratio
                1,Ann,1234.5,1990-02-28,2024-01-02 03:04:05.123456+02,true,6f1c4a40-3d5e-4a7f-9a1b-1b2c3d4e5f60,'{a,''b c'',NULL}','{1,2,3}','{''k'': [1, 2.50, {''n'': null}]}',happy,0.1
                2,,,,,,,,,,,
                3,'',-0.005,infinity,epoch,f,00000000-0000-0000-0000-000000000000,{x},'{0}',[],sad,-1.5e300
                4,Bob,99999999999.99,2000-01-01,2024-06-30T23:59:59Z,yes,{6F1C4A40-3D5E-4A7F-9A1B-1B2C3D4E5F60},'{NULL}','{-2147483648}','''text''',ok,NaN
                """);
        assertEquals(4, assertLoadsLikeCopy("typed", file));
    }

    @Test
    void loadsOtherDelimitersQuotesAndEscapesLikeCopy() throws Exception {
        Path semicolons = write("semicolons.csv", "id;name;note\n1;'a;b';'x''y'\n2;;''\n");
        assertEquals(2, assertLoadsLikeCopy("people", Csv.from(semicolons).withDelimiter(';'),
                "FORMAT csv, HEADER, DELIMITER ';'"));
        db.execute("TRUNCATE people, people_pg");

        Path tabs = write("tabs.tsv", "id\tname\tnote\n1\t|a\tb|\t|it||s|\n2\t\t||\n");
        assertEquals(2, assertLoadsLikeCopy("people", Csv.from(tabs).withDelimiter('\t').withQuote('|'),
                "FORMAT csv, HEADER, DELIMITER E'\\t', QUOTE '|'"));
        db.execute("TRUNCATE people, people_pg");

        Path escaped = write("escaped.csv", "id,name,note\n1,'say \\'hi\\'','back\\\\slash'\n");
        assertEquals(1, assertLoadsLikeCopy("people", Csv.from(escaped).withEscape('\\'),
                "FORMAT csv, HEADER, ESCAPE '\\'"));
        assertEquals("say \"hi\"", db.queryValue("SELECT name FROM people"));
    }

    @Test
    void loadsWithANullStringLikeCopy() throws Exception {
        Path file = write("nulls.csv", "id,name,note\n1,\\N,''\n2,'\\N',\n3,,\\N\n");
        assertEquals(3, assertLoadsLikeCopy("people", Csv.from(file).withNullString("\\N"),
                "FORMAT csv, HEADER, NULL '\\N'"));
        assertEquals(1L, db.queryValue("SELECT count(*) FROM people WHERE id = 2 AND name = '\\N' AND note = ''"));
    }

    @Test
    void loadsLatin1LikeCopy() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "id,name,note\n1,Ren\u00e9,\u00bd\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(1, assertLoadsLikeCopy("people", Csv.from(file).withCharset(StandardCharsets.ISO_8859_1),
                "FORMAT csv, HEADER, ENCODING 'LATIN1'"));
        assertEquals("Ren\u00e9", db.queryValue("SELECT name FROM people"));
    }

    /** The portable JDBC inserter, with strings sent untyped so that the server parses them. */
    @Test
    void loadsTextIntoTypedColumnsThroughTheJdbcInserterLikeCopy() throws Exception {
        Path file = dir.resolve("generated.csv");
        writeGenerated(file, 1_000, new Random(7));
        assertEquals(1_000, assertLoadsLikeCopy("typed", Csv.from(file), "FORMAT csv, HEADER",
                Seeding.textDataSource(db), Seeding.jdbcOptions()));
    }

    @Test
    void loadsEmptyArrayLiteralsLikeCopy() throws Exception {
        Path file = write("empty-arrays.csv", """
                id,tags,scores
                1,{},'{}'
                2,'{{}}',{}
                3,'{NULL,''''}','{1,NULL}'
                """);
        db.execute("CREATE TABLE arrays (id int PRIMARY KEY, tags text[], scores int[]);"
                + " CREATE TABLE arrays_pg (LIKE arrays)");
        // {{}} is an empty array from PostgreSQL 16 on and malformed before: Blink must do as the server does.
        SQLException refused = null;
        try {
            Seeding.copy(db, "arrays_pg", file, "FORMAT csv, HEADER");
        } catch (SQLException e) {
            refused = e;
        }
        if (refused == null) {
            db.execute("TRUNCATE arrays_pg");
            assertEquals(3, assertLoadsLikeCopy("arrays", Csv.from(file), "FORMAT csv, HEADER"));
        } else {
            SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                    .addTable("arrays", Csv.from(file), TableOptions.retain(Retain.NONE))
                    .insert(Seeding.dataSource(db), Seeding.options()));
            assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("\"tags\""), e::getMessage);
            assertEquals(0L, db.count("arrays"), "nothing stored after the refusal");
        }
    }

    @Test
    void loadsAGenerated100000RowFileLikeCopy() throws Exception {
        Path file = dir.resolve("generated.csv");
        writeGenerated(file, 100_000, new Random(42));
        assertEquals(100_000, assertLoadsLikeCopy("typed", file));
    }

    /** Rows of every column type, with quotes, delimiters, line breaks, NULLs and empty strings. */
    static void writeGenerated(Path file, int rows, Random random) throws IOException {
        String[] moods = {"sad", "ok", "happy"};
        String[] names = {"Ann", "Smith, John", "say \"\"hi\"\"", "two\nlines", "Zoë 😀", "", "tab\there"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,name,amount,born,seen,active,ref,tags,scores,doc,feeling,ratio\n");
            for (int i = 1; i <= rows; i++) {
                boolean sparse = random.nextInt(10) == 0;
                out.write(Integer.toString(i));
                out.write(',');
                if (!sparse) {
                    out.write('"');
                    out.write(names[random.nextInt(names.length)]);
                    out.write('"');
                }
                out.write(',');
                if (!sparse) {
                    out.write(Long.toString(random.nextLong() % 10_000_000_000L));
                    out.write('.');
                    out.write(Integer.toString(random.nextInt(100)));
                }
                out.write(',');
                if (!sparse) {
                    out.write(Integer.toString(1900 + random.nextInt(200)));
                    out.write('-');
                    out.write(two(1 + random.nextInt(12)));
                    out.write('-');
                    out.write(two(1 + random.nextInt(28)));
                }
                out.write(',');
                if (!sparse) {
                    out.write("2024-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28)) + " "
                            + two(random.nextInt(24)) + ":" + two(random.nextInt(60)) + ":" + two(random.nextInt(60))
                            + "." + (100_000 + random.nextInt(900_000)) + "+" + two(random.nextInt(13)));
                }
                out.write(',');
                if (!sparse) {
                    out.write(random.nextBoolean() ? "t" : "false");
                }
                out.write(',');
                if (!sparse) {
                    out.write(new UUID(random.nextLong(), random.nextLong()).toString());
                }
                out.write(',');
                if (!sparse) {
                    out.write("\"{x,\"\"y, z\"\"," + random.nextInt(1000) + "}\"");
                }
                out.write(',');
                if (!sparse) {
                    out.write("\"{" + random.nextInt() + "," + random.nextInt() + "}\"");
                }
                out.write(',');
                if (!sparse) {
                    out.write("\"{\"\"i\"\": " + i + ", \"\"v\"\": [" + random.nextDouble() + ", \"\"é\"\"]}\"");
                }
                out.write(',');
                if (!sparse) {
                    out.write(moods[random.nextInt(moods.length)]);
                }
                out.write(',');
                if (!sparse) {
                    out.write(Double.toString(random.nextGaussian() * 1e6));
                }
                out.write('\n');
            }
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
