package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blink.Blink;
import dev.blink.BlinkException;
import dev.blink.InsertOptions;
import dev.blink.Retain;
import dev.blink.TableOptions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The differential test of Blink's JSON loading against PostgreSQL's {@code json_populate_record},
 * whose documented rules define what a JSON value means for each column kind: generated files
 * (arrays or JSON Lines, UTF-8, UTF-16 or UTF-32, with or without a byte order mark) of objects
 * whose values are strings that look like numbers, booleans, arrays or JSON, escapes, numbers
 * written every way ({@code -0}, {@code 1e2}, {@code 1.50}, huge), booleans, null, nested objects
 * and arrays with their own spacing, loaded by Blink into a table of every kind of column, and by
 * {@code json_populate_record} from the same objects into a twin table: same rows, or both refuse.
 */
@Tag("versions")
class JsonOracleTest {

    static final String COLUMNS = "t text, v varchar(6), i int, b bigint, n numeric, m numeric(6, 2), f real,"
            + " d double precision, o boolean, j json, jb jsonb, day date, at timestamptz, u uuid, tags text[],"
            + " ints int[], docs jsonb[], mood mood, pos positive";
    static final String[] KEYS = {"t", "v", "i", "b", "n", "m", "f", "d", "o", "j", "jb", "day", "at", "u", "tags",
            "ints", "docs", "mood", "pos"};

    private static OracleDatabase oracle;

    @BeforeContainer
    static void open() throws Exception {
        oracle = OracleDatabase.create(".json", "SET TimeZone = 'UTC'", "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                "CREATE DOMAIN positive AS int CHECK (VALUE > 0)", "CREATE TABLE blink (" + COLUMNS + ")",
                "CREATE TABLE populated (" + COLUMNS + ")");
    }

    @Provide
    Arbitrary<JsonCase> files() {
        return Arbitraries.randomValue(JsonCase::generate);
    }

    @Property(tries = 150, seed = "20261202")
    void blinkStoresWhatJsonPopulateRecordStoresOrBothRefuse(@ForAll("files") JsonCase json) throws Exception {
        Path file = Files.write(oracle.file, json.bytes());
        String populated = populate(json.objects);
        String loaded = load(Json.from(file), TableOptions.retain(Retain.NONE));
        Statistics.label("json_populate_record").collect(populated == null ? "stores"
                : populated.replaceAll("(?s)\\s*(Where|Hint|Detail|Position).*", ""));
        assertEquals(populated == null, loaded == null, () -> json + ": json_populate_record "
                + (populated == null ? "stores the rows" : "refuses: " + populated) + " but Blink "
                + (loaded == null ? "stores them" : "refuses: " + loaded));
        if (loaded == null) {
            assertEquals(rows("populated"), rows("blink"), json::toString);
        }
    }

    /** Loads the objects with {@code json_populate_record} into the twin table; the error, or null. */
    private static String populate(List<String> objects) throws SQLException {
        truncate("populated");
        try (PreparedStatement statement = oracle.connection.prepareStatement("INSERT INTO populated SELECT r.* FROM "
                + "unnest(?::text[]) WITH ORDINALITY AS o(doc, n) CROSS JOIN LATERAL json_populate_record(NULL::populated, "
                + "o.doc::json) r ORDER BY o.n")) {
            statement.setArray(1, oracle.connection.createArrayOf("text", objects.toArray()));
            statement.executeUpdate();
            return null;
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage();
        }
    }

    private static String load(Json json, TableOptions options) throws SQLException {
        truncate("blink");
        try {
            Blink.plan().addTable("blink", json, options).insert(oracle.connection, InsertOptions.defaults());
            return null;
        } catch (BlinkException e) {
            return e.getMessage();
        }
    }

    private static void truncate(String table) throws SQLException {
        oracle.truncate(table);
    }

    private static List<String> rows(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = oracle.connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT r::text FROM " + table + " r")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** A generated file: objects with every key, written as an array or as lines, in a Unicode encoding. */
    record JsonCase(List<String> objects, boolean lines, Charset charset, boolean bom) {

        private static final String[] STRINGS = {"", "abc", "123", "-0", "1e2", " 12 ", "1.50", "true", "t", "null",
                "{1,2}", "{\\\"a,b\\\",NULL}", "[1,2]", "{\\\"k\\\": 1}", "\\u00e9t\\u00e9", "\\ud83d\\ude00", "tab\\there",
                "quote\\\"s", "back\\\\slash", "2024-02-29", "2024-02-30", "2024-01-02 03:04:05+02", "epoch",
                "6f1c4a40-3d5e-4a7f-9a1b-1b2c3d4e5f60", "sad", "happy", "NaN", "-Infinity", "\\u0000", "toolongtext"};
        private static final String[] NUMBERS = {"0", "-0", "1", "-1", "42", "1e2", "1E2", "1.50", "-0.0", "0.1",
                "1e400", "-1e-400", "123456789012345678901234567890", "2147483648", "3.4e38", "1234.567", "12.5e-1"};

        static JsonCase generate(Random random) {
            int count = 1 + random.nextInt(4);
            // about a third of the files hold one value that any column may refuse
            int faultyObject = random.nextInt(3) == 0 ? random.nextInt(count) : -1;
            int faultyKey = random.nextInt(KEYS.length);
            List<String> objects = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                StringBuilder object = new StringBuilder("{");
                for (int k = 0; k < KEYS.length; k++) {
                    object.append(k == 0 ? "" : random.nextBoolean() ? ", " : ",").append('"').append(KEYS[k])
                            .append(random.nextInt(5) == 0 ? "\" : " : "\":");
                    if (i == faultyObject && k == faultyKey || random.nextInt(80) == 0) {
                        value(random, object, 0);
                    } else {
                        typed(random, object, KEYS[k]);
                    }
                }
                objects.add(object.append('}').toString());
            }
            int pick = random.nextInt(8);
            Charset charset = pick < 5 ? StandardCharsets.UTF_8 : pick == 5 ? StandardCharsets.UTF_16LE
                    : pick == 6 ? StandardCharsets.UTF_16BE : Charset.forName("UTF-32LE");
            return new JsonCase(objects, random.nextBoolean(), charset, random.nextInt(4) == 0);
        }

        /** A value that the column of {@code key} mostly takes, in every JSON form that may mean it. */
        private static void typed(Random random, StringBuilder out, String key) {
            String[] choices = switch (key) {
                case "t", "j", "jb" -> null;
                case "v" -> new String[] {"\"abc\"", "\"\"", "12", "-0", "1.50", "true", "\"\\u00e9t\\u00e9\"", "null"};
                case "i", "pos" -> new String[] {"1", "42", "\"7\"", "\" 12 \"", "2147483647", "null", "\"+3\""};
                case "b" -> new String[] {"1", "-0", "9223372036854775807", "\"-5\"", "null"};
                case "n" -> new String[] {"-0", "1e2", "1E2", "1.50", "0.1", "1e-20", "123456789012345678901234567890",
                        "\"NaN\"", "\" 1.5 \"", "null"};
                case "m" -> new String[] {"1.5", "-0", "1234.567", "1e2", "\"9.99\"", "null"};
                case "f", "d" -> new String[] {"-0", "0.1", "1e2", "3.4e38", "1e-40", "\"NaN\"", "\"-Infinity\"",
                        "\"1e5\"", "12.5e-1", "null"};
                case "o" -> new String[] {"true", "false", "\"t\"", "\"yes\"", "\"0\"", "null"};
                case "day" -> new String[] {"\"2024-02-29\"", "\"epoch\"", "\"infinity\"", "\"20240102\"", "null"};
                case "at" -> new String[] {"\"2024-01-02 03:04:05+02\"", "\"2024-06-30T23:59:59Z\"", "\"epoch\"",
                        "\"2024-01-02 03:04:05.123456789\"", "null"};
                case "u" -> new String[] {"\"6f1c4a40-3d5e-4a7f-9a1b-1b2c3d4e5f60\"",
                        "\"{6F1C4A40-3D5E-4A7F-9A1B-1B2C3D4E5F60}\"", "null"};
                case "tags" -> new String[] {"[\"a\", \"b,c\", null, \"q\\\"\"]", "[]", "[1, 2.50, true]", "\"{x,y}\"",
                        "[[\"a\"], [\"b\"]]", "[\"NULL\", \"\"]", "null"};
                case "ints" -> new String[] {"[1, 2, 3]", "[]", "[[1, 2], [3, 4]]", "[\"5\", null]", "\"{1,2}\"", "null"};
                case "docs" -> new String[] {"[{\"a\": 1}, \"s\", 2, null]", "[]", "[[1], [2]]", "null"};
                case "mood" -> new String[] {"\"sad\"", "\"ok\"", "null"};
                default -> throw new IllegalArgumentException(key);
            };
            if (choices == null) {
                value(random, out, 0);
            } else {
                out.append(choices[random.nextInt(choices.length)]);
            }
        }

        private static void value(Random random, StringBuilder out, int depth) {
            int kind = random.nextInt(depth > 1 ? 8 : 10);
            switch (kind) {
                case 0, 1, 2 -> out.append('"').append(STRINGS[random.nextInt(STRINGS.length)]).append('"');
                case 3, 4 -> out.append(NUMBERS[random.nextInt(NUMBERS.length)]);
                case 5 -> out.append(random.nextBoolean());
                case 6, 7 -> out.append("null");
                case 8 -> {
                    out.append(random.nextBoolean() ? "[" : "[ ");
                    int n = random.nextInt(4);
                    boolean nested = random.nextInt(4) == 0;
                    for (int i = 0; i < n; i++) {
                        out.append(i == 0 ? "" : ", ");
                        if (nested) {
                            out.append('[');
                            value(random, out, depth + 2);
                            out.append(']');
                        } else {
                            value(random, out, depth + 1);
                        }
                    }
                    out.append(']');
                }
                default -> {
                    out.append("{ \"a\" : ");
                    value(random, out, depth + 1);
                    out.append(random.nextBoolean() ? ", \"b\":[1, \"x\"]}" : "}");
                }
            }
        }

        byte[] bytes() {
            String text = lines ? String.join("\n", objects) + "\n" : "[\n" + String.join(",\n", objects) + "\n]";
            return ((bom ? "\ufeff" : "") + text).getBytes(charset);
        }

        @Override
        public String toString() {
            return charset + (bom ? " with BOM" : "") + (lines ? " lines " : " array ") + objects;
        }
    }
}
