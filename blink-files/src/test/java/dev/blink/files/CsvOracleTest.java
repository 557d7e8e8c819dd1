package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.BlinkException;
import dev.blink.InsertOptions;
import dev.blink.Retain;
import dev.blink.SeedException;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.postgresql.PGConnection;

/**
 * The differential test of Blink's CSV reading against PostgreSQL's own {@code COPY}: generated
 * files (quotes anywhere, doubled and escaped quotes, spaces, CR, LF, CRLF and mixes of them,
 * {@code \.} lines, byte order marks, UTF-8, LATIN1 and WIN1252 with bytes that do not decode,
 * NUL, other delimiters, quotes, escapes and null strings, empty values, header lines or given
 * names, records of the wrong length) are loaded by Blink every way it loads CSV, and by
 * {@code COPY … FROM STDIN (FORMAT csv …)} from the same bytes into a twin table. Both tables must
 * hold the same rows in the same order, or both must refuse the file; and where Blink retains the
 * rows, the store must hold exactly what the table holds.
 *
 * <p>The one difference, by design: a record that is {@code \.} alone, which ends the data on
 * PostgreSQL 13–17 and is a value on 18, is refused by Blink, and the line it names must be
 * exactly {@code \.}.
 */
@Tag("versions")
class CsvOracleTest {

    private static final List<String> COLUMNS = List.of("c1", "c2", "c3");

    private static OracleDatabase oracle;

    @BeforeContainer
    static void open() throws Exception {
        oracle = OracleDatabase.create(".csv", "CREATE TABLE blink (n serial, c1 text, c2 text, c3 text)",
                "CREATE TABLE copied (n serial, c1 text, c2 text, c3 text)");
    }

    @Provide
    Arbitrary<CsvCase> files() {
        return Arbitraries.randomValue(CsvCase::generate);
    }

    @Property(tries = 200, seed = "20261202")
    void blinkStoresWhatCopyStoresOrBothRefuse(@ForAll("files") CsvCase file) throws Exception {
        Path path = Files.write(oracle.file, file.bytes);
        Outcome copied = copy(file);
        Statistics.label("COPY").collect(copied.error == null ? "loads " + Math.min(3, copied.rows.size()) + "+ rows"
                : copied.error.getMessage().replaceAll("(?s)\\s*(Where|Hint|Detail|Position).*", "").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("0x[0-9a-f]+( 0x[0-9a-f]+)*", "0x…").replaceAll("line \\d+", "line N"));
        for (CsvPath way : List.of(CsvPath.COPY_TEXT, CsvPath.COPY_TEXT_RETAINED, CsvPath.TRANSFORM)) {
            Outcome loaded = blink(way, file.csv(path));
            String what = way + " of " + file;
            if (loaded.error instanceof SeedException e && e.getMessage().contains("\\. alone")) {
                assertEquals("\\.", file.line(e.location().lineNumber()), () -> what + ": " + e.getMessage());
                Statistics.label("Blink").collect("refuses a \\. line");
                continue;
            }
            Statistics.label("Blink").collect(loaded.error == null ? "stores COPY's rows" : "refuses, as COPY");
            assertEquals(copied.error == null, loaded.error == null, () -> what + ": COPY "
                    + (copied.error == null ? "loaded " + copied.rows : "refused: " + copied.error.getMessage())
                    + " but Blink " + (loaded.error == null ? "loaded " + loaded.rows : "refused: " + loaded.error));
            if (loaded.error == null) {
                assertEquals(copied.rows, loaded.rows, () -> what + ": rows differ");
                if (way == CsvPath.COPY_TEXT_RETAINED) {
                    assertEquals(loaded.rows, loaded.retained, () -> what + ": the store differs from the table");
                }
            } else {
                assertTrue(loaded.error.getMessage().contains(path.toString()), () -> what + ": the error names no file: "
                        + loaded.error.getMessage());
            }
        }
    }

    private static Outcome copy(CsvCase file) throws SQLException {
        truncate();
        try {
            oracle.connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copied (c1, c2, c3) FROM STDIN ("
                    + file.copyOptions() + ")", new ByteArrayInputStream(file.withoutBom()));
            return new Outcome(rows("copied"), null, null);
        } catch (SQLException | IOException e) {
            return new Outcome(null, null, e);
        }
    }

    private static Outcome blink(CsvPath way, Csv csv) throws SQLException {
        truncate();
        try {
            SeedResult result = switch (way) {
                case COPY_TEXT -> Blink.plan().addTable("blink", csv, TableOptions.retain(Retain.NONE))
                        .insert(oracle.connection, InsertOptions.defaults());
                case COPY_TEXT_RETAINED -> Blink.plan().addTable("blink", csv).insert(oracle.connection, InsertOptions.defaults());
                case TRANSFORM -> Blink.plan().addTable("blink", csv.transform(row -> row), TableOptions.retain(Retain.NONE))
                        .insert(oracle.connection, InsertOptions.defaults());
                case JDBC -> throw new IllegalArgumentException();
            };
            List<List<String>> retained = new ArrayList<>();
            if (way == CsvPath.COPY_TEXT_RETAINED) {
                for (Object row : result.store().table("blink")) {
                    Map<?, ?> map = (Map<?, ?>) row;
                    retained.add(Arrays.asList((String) map.get("c1"), (String) map.get("c2"), (String) map.get("c3")));
                }
            }
            return new Outcome(rows("blink"), retained, null);
        } catch (BlinkException e) {
            return new Outcome(null, null, e);
        }
    }

    private static void truncate() throws SQLException {
        oracle.truncate("blink, copied");
    }

    private static List<List<String>> rows(String table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = oracle.connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT c1, c2, c3 FROM " + table + " ORDER BY n")) {
            while (rs.next()) {
                rows.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return rows;
    }

    private record Outcome(List<List<String>> rows, List<List<String>> retained, Exception error) {
    }

    /** A generated file, its dialect, and how Blink is told to read it. */
    static final class CsvCase {

        private static final String[] EOLS = {"\n", "\r\n", "\r"};

        final byte[] bytes;
        final Charset charset;
        final char delimiter;
        final char quote;
        final Character escape;
        final String nullString;
        final boolean headerLine;
        final boolean bom;
        private final String text;

        private CsvCase(byte[] bytes, Charset charset, char delimiter, char quote, Character escape, String nullString,
                        boolean headerLine, boolean bom, String text) {
            this.bytes = bytes;
            this.charset = charset;
            this.delimiter = delimiter;
            this.quote = quote;
            this.escape = escape;
            this.nullString = nullString;
            this.headerLine = headerLine;
            this.bom = bom;
            this.text = text;
        }

        static CsvCase generate(Random random) {
            int pick = random.nextInt(10);
            Charset charset = pick < 6 ? StandardCharsets.UTF_8 : pick < 8 ? StandardCharsets.ISO_8859_1
                    : Charset.forName("windows-1252");
            char delimiter = oneOf(random, ",,,,;\t|");
            char quote = random.nextInt(5) == 0 ? '\'' : '"';
            Character escape = random.nextInt(4) == 0 ? Character.valueOf(random.nextBoolean() ? '\\' : '!') : null;
            String nullString = random.nextInt(3) > 0 ? "" : random.nextBoolean() ? "\\N" : "NULL";
            boolean headerLine = random.nextInt(4) > 0;
            boolean bom = charset == StandardCharsets.UTF_8 && random.nextInt(6) == 0;
            String eol = EOLS[random.nextInt(3)];
            String specials = "" + delimiter + quote + quote + (escape == null ? "" : "" + escape + escape) + " \\.";
            Generator out = new Generator(random, charset, delimiter, quote, escape, nullString, eol, specials);
            if (bom) {
                out.raw(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            }
            if (headerLine) {
                out.text(random.nextInt(4) == 0 ? quote + "c1" + quote + delimiter + "c2" + delimiter + quote + "c3" + quote
                        : "c1" + delimiter + "c2" + delimiter + "c3");
                out.text(eol);
            }
            int records = random.nextInt(13);
            for (int i = 0; i < records; i++) {
                out.record(i == records - 1);
            }
            return new CsvCase(out.bytes(), charset, delimiter, quote, escape, nullString, headerLine, bom, out.shown());
        }

        private static char oneOf(Random random, String chars) {
            return chars.charAt(random.nextInt(chars.length()));
        }

        Csv csv(Path file) {
            Csv csv = Csv.from(file).withCharset(charset).withDelimiter(delimiter).withQuote(quote)
                    .withNullString(nullString);
            if (escape != null) {
                csv = csv.withEscape(escape);
            }
            return headerLine ? csv : csv.withHeader(COLUMNS.toArray(String[]::new));
        }

        String copyOptions() {
            return "FORMAT csv" + (headerLine ? ", HEADER" : "") + ", DELIMITER " + literal(delimiter) + ", QUOTE "
                    + literal(quote) + (escape == null ? "" : ", ESCAPE " + literal(escape)) + ", NULL E'"
                    + nullString.replace("\\", "\\\\") + "', ENCODING '" + (charset == StandardCharsets.UTF_8 ? "UTF8"
                    : charset == StandardCharsets.ISO_8859_1 ? "LATIN1" : "WIN1252") + "'";
        }

        private static String literal(char c) {
            return c == '\\' || c == '\'' ? "E'\\" + c + "'" : "E'" + c + "'";
        }

        /** The bytes COPY reads: Blink drops a UTF-8 byte order mark, which COPY would read as text. */
        byte[] withoutBom() {
            return bom ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
        }

        /** The physical line {@code n} (1-based) of the text, as generated. */
        String line(long n) {
            String[] lines = text.split("\r\n|\r|\n", -1);
            return n >= 1 && n <= lines.length ? lines[(int) n - 1] : null;
        }

        @Override
        public String toString() {
            return charset.name() + (bom ? " with BOM" : "") + ", " + copyOptions() + ": " + quoteForMessage(text);
        }

        private static String quoteForMessage(String s) {
            return '"' + s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
                    .replace("\0", "\\0") + '"';
        }
    }

    /** Writes one file: text in its charset, and now and then bytes that do not decode. */
    private static final class Generator {

        private final Random random;
        private final Charset charset;
        private final char delimiter;
        private final char quote;
        private final Character escape;
        private final String nullString;
        private final String eol;
        private final String specials;
        /** Whether this file may break COPY's rules (about a third do): else it should load. */
        private final boolean faulty;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final StringBuilder shown = new StringBuilder();

        Generator(Random random, Charset charset, char delimiter, char quote, Character escape, String nullString,
                  String eol, String specials) {
            this.random = random;
            this.charset = charset;
            this.delimiter = delimiter;
            this.quote = quote;
            this.escape = escape;
            this.nullString = nullString;
            this.eol = eol;
            this.specials = specials;
            this.faulty = random.nextInt(3) == 0;
        }

        /** True now and then in a faulty file ({@code 1/n} of the chances), never in a clean one. */
        private boolean fault(int n) {
            return faulty && random.nextInt(n) == 0;
        }

        void text(String s) {
            bytes.writeBytes(s.getBytes(charset));
            shown.append(s);
        }

        void raw(byte[] b) {
            bytes.writeBytes(b);
            if (!(b.length == 3 && (b[0] & 0xff) == 0xef)) {
                shown.append('\ufffd');
            }
        }

        void record(boolean last) {
            if (fault(15)) {
                text("\\.");
            } else if (fault(15)) {
                text("");
            } else {
                int fields = fault(8) ? 2 + 2 * random.nextInt(2) : 3;
                for (int f = 0; f < fields; f++) {
                    if (f > 0) {
                        text(String.valueOf(delimiter));
                    }
                    field();
                }
            }
            if (!last || random.nextInt(5) > 0) {
                text(fault(10) ? CsvCase.EOLS[random.nextInt(3)] : eol);
            }
        }

        private void field() {
            int kind = random.nextInt(20);
            if (kind == 0) {
                text(nullString);
            } else if (kind == 1) {
                // empty
            } else if (kind < 9) {
                if (random.nextInt(6) == 0) {
                    text(" ");
                }
                text(String.valueOf(quote));
                content(true);
                if (!fault(15)) {
                    text(String.valueOf(quote));
                }
                if (random.nextInt(6) == 0) {
                    content(false);
                }
            } else {
                content(false);
            }
        }

        /** Characters of a value; inside quotes, quotes are doubled or escaped (mostly) and line breaks appear. */
        private void content(boolean quoted) {
            int length = random.nextInt(7);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(30);
                if (kind == 0 && fault(6)) {
                    raw(invalid());
                } else if (kind == 1 && fault(10)) {
                    text("\0");
                } else if (kind < 5) {
                    char c = specials.charAt(random.nextInt(specials.length()));
                    if (c == quote && (quoted || !faulty) && !fault(4)) {
                        // a quote inside quotes doubled or escaped; outside, a pair that opens and closes quoting
                        text(quoted && escape != null && random.nextBoolean() ? "" + escape + quote : "" + quote + quote);
                    } else if (quoted || c != delimiter) {
                        text(String.valueOf(c));
                    }
                } else if (kind < 7 && quoted && escape != null) {
                    // escaped escapes and quotes, and an escape before anything else
                    text(new String[] {"" + escape + escape, "" + escape + quote, "" + escape + escape + quote + quote,
                            "" + escape + "x"}[random.nextInt(4)]);
                } else if (kind < 8 && quoted) {
                    text(random.nextInt(6) == 0 ? CsvCase.EOLS[random.nextInt(3)] : eol);
                } else if (kind < 9) {
                    text(nonAscii());
                } else {
                    text(String.valueOf((char) ('a' + random.nextInt(26))));
                }
            }
        }

        private String nonAscii() {
            if (charset == StandardCharsets.UTF_8) {
                return new String[] {"é", "€", "日本", "😀", "\u00a0", "ß"}[random.nextInt(6)];
            }
            if (charset == StandardCharsets.ISO_8859_1) {
                return new String[] {"é", "ß", "\u00a0", "ÿ", "\u0085"}[random.nextInt(5)];
            }
            return new String[] {"é", "€", "ž", "\u00a0", "‰"}[random.nextInt(5)];
        }

        /** Bytes that do not decode in the charset (none exist in LATIN1: a C1 control instead). */
        private byte[] invalid() {
            if (charset == StandardCharsets.UTF_8) {
                return new byte[][] {{(byte) 0xc0, (byte) 0xaf}, {(byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}}[random.nextInt(5)];
            }
            return new byte[] {(byte) (charset == StandardCharsets.ISO_8859_1 ? 0x81 : 0x81)};
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        String shown() {
            return shown.toString();
        }
    }
}
