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
import dev.blink.files.FileRowIterator;
import dev.blink.files.JsonLayout;
import dev.blink.files.RowTransform;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One read of a JSON file through Jackson's streaming parser: the top-level array (or sequence of
 * lines) is walked token by token and each object is built into a map, so that only one row is in
 * memory at a time.
 */
public final class JsonRowIterator implements FileRowIterator {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private enum State { START, ARRAY, LINES, DONE }

    private final JsonSettings settings;
    private final String file;
    private final RowTransform transform;
    private final boolean identity;
    private final JsonParser parser;

    private State state = State.START;
    private Map<String, Object> pending;
    private long pendingLine;
    private long line;
    private long record;
    private boolean closed;

    private JsonRowIterator(JsonSettings settings, RowTransform transform, JsonParser parser) {
        this.settings = settings;
        this.file = settings.file().toString();
        this.transform = transform;
        this.identity = Transforms.isIdentity(transform);
        this.parser = parser;
    }

    /**
     * Opens the file.
     *
     * @throws UncheckedIOException if it cannot be opened
     */
    public static JsonRowIterator open(JsonSettings settings, RowTransform transform) {
        if (settings.charset() != null) {
            Reader reader = TextFiles.open(settings.file(), settings.charset(), "JSON");
            try {
                return new JsonRowIterator(settings, transform, FACTORY.createParser(reader));
            } catch (IOException e) {
                TextFiles.closeQuietly(reader, e);
                throw new UncheckedIOException("Cannot read the JSON file " + settings.file() + ": " + e, e);
            }
        }
        InputStream in;
        try {
            in = Files.newInputStream(settings.file());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the JSON file " + settings.file() + ": " + e, e);
        }
        try {
            return new JsonRowIterator(settings, transform, FACTORY.createParser(in));
        } catch (IOException e) {
            TextFiles.closeQuietly(in, e);
            throw new UncheckedIOException("Cannot read the JSON file " + settings.file() + ": " + e, e);
        }
    }

    @Override
    public boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (closed || state == State.DONE) {
            return false;
        }
        try {
            Map<String, Object> row = advance();
            if (row == null) {
                close();
                return false;
            }
            pending = identity ? row : transform(row);
            return true;
        } catch (IOException e) {
            FileRowException failure = readFailure(e);
            TextFiles.closeQuietly(this, failure);
            throw failure;
        } catch (RuntimeException e) {
            TextFiles.closeQuietly(this, e);
            throw e;
        }
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows in " + file);
        }
        Map<String, Object> row = pending;
        pending = null;
        line = pendingLine;
        record++;
        return row;
    }

    /** Reads up to the next top-level object and returns it, or null at the end. */
    private Map<String, Object> advance() throws IOException {
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
                throw problem(tokenLine(), "element " + (record + 1) + " of the top-level array is " + describe(token)
                        + ", not an object; every element is one row, an object of column names to values "
                        + TextFiles.excerpt(settings.file(), charset(), tokenLine(), 1), null);
            }
        } else {
            if (token == null) {
                state = State.DONE;
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw problem(tokenLine(), "the line holds " + describe(token) + ", not an object; in JSON Lines "
                        + "every line is one row, an object of column names to values: "
                        + TextFiles.excerpt(settings.file(), charset(), tokenLine(), 1), null);
            }
        }
        pendingLine = tokenLine();
        Map<String, Object> row = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            row.put(name, value(parser.nextToken()));
        }
        if (state == State.LINES && record == 0 && settings.layout() == JsonLayout.AUTO && tokenLine() != pendingLine) {
            throw problem(pendingLine, "the file starts with an object on lines " + pendingLine + " to " + tokenLine()
                    + ", but rows are read from a top-level array of objects or from JSON Lines, one object per line. "
                    + "If the object wraps the rows, as in {\"users\": [...]}, make the array the whole file; if the file "
                    + "is a sequence of objects that span lines, read it with withLayout(JsonLayout.LINES)", null);
        }
        return row;
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

    private Map<String, Object> transform(Map<String, Object> row) {
        Map<String, Object> result;
        try {
            result = transform.apply(row);
        } catch (Exception e) {
            throw new FileRowException(file, pendingLine, record + 1, null, "the transform threw " + e
                    + "; the row was " + TextFiles.quote(String.valueOf(row)), e);
        }
        if (result == null) {
            throw new FileRowException(file, pendingLine, record + 1, null,
                    "the transform returned null; return the row (a Map) to write", null);
        }
        return result;
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

    private FileRowException readFailure(IOException e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation where = json.getLocation();
            long at = where == null || where.getLineNr() < 1 ? tokenLine() : where.getLineNr();
            String column = where == null || where.getColumnNr() < 1 ? "" : " at character " + where.getColumnNr();
            return new FileRowException(file, at, record + 1, rowKey(), "invalid JSON" + column + ": "
                    + json.getOriginalMessage() + ". The line is " + TextFiles.excerpt(settings.file(), charset(), at, 1),
                    e);
        }
        return new FileRowException(file, tokenLine(), record + 1, rowKey(), "cannot read the file: " + e, e);
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
        return new FileRowException(file, at, state == State.START ? 0 : record + 1, null, message, cause);
    }

    private long tokenLine() {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    private Charset charset() {
        return settings.charset() == null ? StandardCharsets.UTF_8 : settings.charset();
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
    public String file() {
        return file;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public long recordNumber() {
        return record;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending = null;
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the JSON file " + file + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "JsonRowIterator[" + file + ", record " + record + ", line " + line + "]";
    }
}
