package dev.blink.files.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.blink.files.FileRowException;
import dev.blink.files.JsonLayout;
import dev.blink.files.RowTransform;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of a JSON file through Jackson's streaming parser: the top-level array (or sequence of
 * lines) is walked token by token and each object is built into a map, so that only one row is in
 * memory at a time. The text is decoded by Java's strict decoders (UTF-8, UTF-16 or UTF-32,
 * detected from the first bytes unless a charset is given), so that malformed bytes, overlong
 * UTF-8 among them, are an error that names the line. Each object's text, exactly as in the file,
 * is kept until the next one is read ({@link #text()}).
 */
public final class JsonRowIterator extends FileRows {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private enum State { START, ARRAY, LINES, DONE }

    private final JsonSettings settings;
    private final TextWindow window;
    private final JsonParser parser;

    private State state = State.START;
    private List<String> keys;
    private String text;

    private JsonRowIterator(JsonSettings settings, RowTransform transform, TextWindow window, JsonParser parser) {
        super(settings.source().name(), transform);
        this.settings = settings;
        this.window = window;
        this.parser = parser;
    }

    /**
     * Opens the file.
     *
     * @throws UncheckedIOException if it cannot be opened
     */
    public static JsonRowIterator open(JsonSettings settings, RowTransform transform) {
        Reader reader = TextFiles.openJson(settings.source(), settings.charset());
        TextWindow window = new TextWindow(reader);
        try {
            return new JsonRowIterator(settings, transform, window, FACTORY.createParser(window));
        } catch (IOException e) {
            TextFiles.closeQuietly(window, e);
            throw new UncheckedIOException("Cannot read the JSON file " + settings.source() + ": " + e, e);
        }
    }

    /** The keys of the first object: the columns (null before the first row is read). */
    public List<String> keys() {
        return keys;
    }

    /** The text of the object last read, exactly as in the file. */
    public String text() {
        return text;
    }

    @Override
    Map<String, Object> read() throws IOException {
        if (state == State.DONE) {
            return null;
        }
        JsonToken token = parser.nextToken();
        if (state == State.START) {
            JsonLayout layout = settings.layout();
            if (token == JsonToken.START_ARRAY && layout != JsonLayout.LINES) {
                state = State.ARRAY;
                token = parser.nextToken();
            } else if (token == JsonToken.START_OBJECT && layout != JsonLayout.ARRAY) {
                state = State.LINES;
            } else if (token == null && layout != JsonLayout.ARRAY) {
                state = State.DONE;
                return null;
            } else {
                throw notRows(token, layout);
            }
        }
        if (state == State.ARRAY) {
            if (token == JsonToken.END_ARRAY) {
                JsonToken after = parser.nextToken();
                if (after != null) {
                    throw problem(tokenLine(), "there is more after the top-level array (" + describe(after)
                            + "); a file holds one array of objects. Put every object in the one array", null);
                }
                state = State.DONE;
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw problem(tokenLine(), "element " + (recordNumber() + 1) + " of the top-level array is "
                        + describe(token) + ", not an object; every element is one row, an object of column names to "
                        + "values " + TextFiles.excerpt(settings.source(), settings.charset(), tokenLine(), 1), null);
            }
        } else {
            if (token == null) {
                state = State.DONE;
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw problem(tokenLine(), "the line holds " + describe(token) + ", not an object; in JSON Lines "
                        + "every line is one row, an object of column names to values: "
                        + TextFiles.excerpt(settings.source(), settings.charset(), tokenLine(), 1), null);
            }
        }
        long start = tokenLine();
        startsAt(start);
        long from = parser.currentTokenLocation().getCharOffset();
        window.keepFrom(from);
        Map<String, Object> row = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            row.put(name, value(parser.nextToken()));
        }
        text = window.text(from, parser.currentTokenLocation().getCharOffset() + 1);
        if (state == State.LINES && recordNumber() == 0 && settings.layout() == JsonLayout.AUTO && tokenLine() != start) {
            throw problem(start, "the file starts with an object on lines " + start + " to " + tokenLine()
                    + ", but rows are read from a top-level array of objects or from JSON Lines, one object per line. "
                    + "If the object wraps the rows, as in {\"users\": [...]}, make the array the whole file; if the file "
                    + "is a sequence of objects that span lines, read it with withLayout(JsonLayout.LINES)", null);
        }
        if (!transformed()) {
            checkKeys(row, start);
        }
        return row;
    }

    /**
     * Without a transform, every object has the first one's keys, in any order: they are the
     * table's columns (a transform may add what some objects lack).
     */
    private void checkKeys(Map<String, Object> row, long start) {
        if (keys == null) {
            keys = List.copyOf(row.keySet());
            if (keys.isEmpty()) {
                throw problem(start, "the first object is empty ({}); its keys name the table's columns", null);
            }
            return;
        }
        if (row.size() == keys.size() && row.keySet().containsAll(keys)) {
            return;
        }
        List<String> missing = new ArrayList<>(keys);
        missing.removeAll(row.keySet());
        List<String> extra = new ArrayList<>(row.keySet());
        extra.removeAll(keys);
        throw problem(start, "the object's keys differ from the first object's " + keys
                + (missing.isEmpty() ? "" : ": it lacks " + missing) + (extra.isEmpty() ? "" : ": it adds " + extra)
                + ". Every object names the same columns; give the missing ones as null, or add them in a transform", null);
    }

    private Object value(JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, value(parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(t));
                }
                return list;
            }
            default:
                throw problem(tokenLine(), "unexpected " + describe(token), null);
        }
    }

    private FileRowException notRows(JsonToken token, JsonLayout layout) {
        long at = token == null ? 0 : tokenLine();
        String found = token == null ? "the file is empty" : "the file starts with " + describe(token);
        String expected = switch (layout) {
            case ARRAY -> "a top-level array of objects, [{\"id\": 1}, …] ([] for no rows)";
            case LINES -> "JSON Lines, one object per line";
            default -> "a top-level array of objects, [{\"id\": 1}, …], or JSON Lines, one object per line";
        };
        return problem(at, found + " but rows are read from " + expected, null);
    }

    @Override
    FileRowException failure(IOException e) {
        if (e instanceof JsonProcessingException json && !(json.getCause() instanceof CharacterCodingException)) {
            JsonLocation where = json.getLocation();
            long at = where == null || where.getLineNr() < 1 ? tokenLine() : where.getLineNr();
            String column = where == null || where.getColumnNr() < 1 ? "" : " at character " + where.getColumnNr();
            return new FileRowException(file, at, recordNumber() + 1, rowKey(), "invalid JSON" + column + ": "
                    + json.getOriginalMessage() + ". The line is "
                    + TextFiles.excerpt(settings.source(), settings.charset(), at, 1), e);
        }
        Throwable cause = e instanceof JsonProcessingException ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            long at = Math.max(1, parser.currentLocation().getLineNr());
            return new FileRowException(file, at, recordNumber() + 1, rowKey(), "the file is not valid "
                    + (settings.charset() == null ? "UTF-8, UTF-16 or UTF-32" : settings.charset().name()) + " ("
                    + cause + " on or near this line)" + (settings.charset() == null ? "" : "; give its charset with "
                    + "withCharset(...)"), e);
        }
        return new FileRowException(file, tokenLine(), recordNumber() + 1, rowKey(), "cannot read the file: " + e, e);
    }

    /**
     * The key of the row's object being read when parsing failed, or null. Jackson names a field
     * before it reads its value, so this is the key whose value is bad.
     */
    private String rowKey() {
        int depth = state == State.ARRAY ? 2 : 1;
        JsonStreamContext context = parser.getParsingContext();
        while (context != null && context.getNestingDepth() > depth) {
            context = context.getParent();
        }
        return context != null && context.getNestingDepth() == depth && context.inObject()
                ? context.getCurrentName() : null;
    }

    private FileRowException problem(long at, String message, Throwable cause) {
        return new FileRowException(file, at, state == State.START ? 0 : recordNumber() + 1, null, message, cause);
    }

    private long tokenLine() {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    @Override
    void release() throws IOException {
        parser.close();
        window.close();
    }
}
