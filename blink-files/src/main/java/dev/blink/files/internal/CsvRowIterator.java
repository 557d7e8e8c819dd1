package dev.blink.files.internal;

import dev.blink.files.EmptyCell;
import dev.blink.files.FileRowException;
import dev.blink.files.FileRowIterator;
import dev.blink.files.RowTransform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * One read of a CSV file through Commons CSV: a record at a time, each made into a map keyed by the
 * header, checked for its number of values, and transformed.
 *
 * <p>Commons CSV runs in its strict quote mode ({@link QuoteMode#ALL_NON_NULL}), in which an
 * unquoted empty cell is {@code null} and a quoted one an empty string, and in which the null string
 * matches unquoted cells only: PostgreSQL's rules. Empty lines are records, as in PostgreSQL.
 */
public final class CsvRowIterator implements FileRowIterator {

    private static final int MAX_MESSAGE_NAMES = 20;

    private final CsvSettings settings;
    private final String file;
    private final RowTransform transform;
    private final boolean identity;
    private final BufferedReader reader;
    private final CountingReader counter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** Lines before the parser's first line (skipped by us). */
    private final long lineOffset;
    private final String[] names;
    private final int capacity;
    /** What {@link EmptyCell} asks of the parser's nulls and empty strings, decided once per file. */
    private final boolean nullsBecomeEmpty;
    private final boolean emptiesBecomeNull;

    private Map<String, Object> pending;
    private long pendingLine;
    private long line;
    private long record;
    private boolean closed;

    private CsvRowIterator(CsvSettings settings, RowTransform transform, BufferedReader reader,
                           CountingReader counter, CSVParser parser, long lineOffset, String[] names) {
        this.settings = settings;
        this.file = settings.file().toString();
        this.transform = transform;
        this.identity = Transforms.isIdentity(transform);
        this.reader = reader;
        this.counter = counter;
        this.parser = parser;
        this.records = parser.iterator();
        this.lineOffset = lineOffset;
        this.names = names;
        this.capacity = (int) Math.ceil(names.length / 0.75) + 1;
        this.nullsBecomeEmpty = settings.empty() == EmptyCell.EMPTY_STRING && settings.nullString() == null;
        this.emptiesBecomeNull = settings.empty() == EmptyCell.NULL;
    }

    /**
     * Opens the file, skips what it is told to, and reads the header line unless the names are
     * given.
     *
     * @throws UncheckedIOException if the file cannot be opened or read
     * @throws FileRowException if the header is malformed or names a column twice
     */
    public static CsvRowIterator open(CsvSettings settings, RowTransform transform) {
        BufferedReader reader = TextFiles.open(settings.file(), settings.charset(), "CSV");
        try {
            int skipped = TextFiles.skipLines(reader, settings.skipLines());
            CountingReader counter = new CountingReader(reader, settings.maxRecordLength());
            counter.markRecord(0, skipped + 1);
            CSVParser parser = CSVParser.parse(counter, format(settings));
            String[] names;
            if (settings.header() != null) {
                names = settings.header().toArray(String[]::new);
            } else {
                names = readHeader(settings, parser, skipped);
            }
            return new CsvRowIterator(settings, transform, reader, counter, parser, skipped, names);
        } catch (IOException e) {
            TextFiles.closeQuietly(reader, e);
            throw new UncheckedIOException("Cannot read the CSV file " + settings.file() + ": " + e, e);
        } catch (RuntimeException e) {
            TextFiles.closeQuietly(reader, e);
            throw e;
        }
    }

    private static CSVFormat format(CsvSettings settings) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(settings.delimiter())
                .setQuote(settings.quote())
                .setEscape(settings.escape())
                .setNullString(settings.nullString())
                .setQuoteMode(QuoteMode.ALL_NON_NULL)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .setCommentMarker(null)
                .get();
    }

    /** The names of the header line; none (so no rows) for an empty file. */
    private static String[] readHeader(CsvSettings settings, CSVParser parser, long skipped) {
        String file = settings.file().toString();
        long headerLine = skipped + 1;
        Iterator<CSVRecord> records = parser.iterator();
        CSVRecord header;
        try {
            if (!records.hasNext()) {
                return new String[0];
            }
            header = records.next();
        } catch (UncheckedIOException e) {
            throw readFailure(settings, e, headerLine, 0, parser.getCurrentLineNumber() + skipped);
        }
        String[] names = new String[header.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = header.get(i);
            if (name == null || name.isEmpty()) {
                throw new FileRowException(file, headerLine, 0, null, "the header's name " + (i + 1) + " of "
                        + names.length + " is empty; every column needs a name. The header is "
                        + TextFiles.excerpt(settings.file(), settings.charset(), headerLine, 1)
                        + (settings.skipLines() == 0 && i == names.length - 1
                        ? " (a delimiter at the end of the line makes an empty last name)" : "")
                        + "; or give the names with withHeader(...)", null);
            }
            Integer before = seen.putIfAbsent(name, i + 1);
            if (before != null) {
                throw new FileRowException(file, headerLine, 0, name, "the header names column \"" + name
                        + "\" twice (names " + before + " and " + (i + 1) + "); a column can be loaded once. "
                        + "Rename one, or give the names with withHeader(...).withSkipLines(" + (skipped + 1) + ")", null);
            }
            names[i] = name;
        }
        return names;
    }

    @Override
    public boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (closed) {
            return false;
        }
        if (names.length == 0) {
            close();
            return false;
        }
        long start = lineOffset + parser.getCurrentLineNumber() + 1;
        long number = record + 1;
        CSVRecord next;
        try {
            if (!records.hasNext()) {
                close();
                return false;
            }
            next = records.next();
            counter.markRecord(next.getCharacterPosition(), start);
        } catch (UncheckedIOException e) {
            FileRowException failure = readFailure(settings, e, start, number, lineOffset + parser.getCurrentLineNumber());
            TextFiles.closeQuietly(this, failure);
            throw failure;
        }
        Map<String, Object> row;
        try {
            row = toMap(next, start, number);
            if (!identity) {
                row = transform(row, start, number);
            }
        } catch (RuntimeException e) {
            TextFiles.closeQuietly(this, e);
            throw e;
        }
        pending = row;
        pendingLine = start;
        return true;
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

    private Map<String, Object> toMap(CSVRecord values, long start, long number) {
        int size = values.size();
        if (size != names.length) {
            throw wrongCount(values, start, number);
        }
        Object[] cells = new Object[size];
        for (int i = 0; i < size; i++) {
            String value = values.get(i);
            if (value == null) {
                if (nullsBecomeEmpty) {
                    value = "";
                }
            } else if (emptiesBecomeNull && value.isEmpty()) {
                value = null;
            }
            cells[i] = value;
        }
        if (identity) {
            return new CsvRow(names, cells);
        }
        // the transform owns a fresh, mutable map
        Map<String, Object> row = new LinkedHashMap<>(capacity);
        for (int i = 0; i < size; i++) {
            row.put(names[i], cells[i]);
        }
        return row;
    }

    private Map<String, Object> transform(Map<String, Object> row, long start, long number) {
        Map<String, Object> result;
        try {
            result = transform.apply(row);
        } catch (Exception e) {
            throw new FileRowException(file, start, number, null, "the transform threw " + e + "; the row was "
                    + TextFiles.quote(String.valueOf(row)), e);
        }
        if (result == null) {
            throw new FileRowException(file, start, number, null,
                    "the transform returned null; return the row (a Map) to write", null);
        }
        return result;
    }

    private FileRowException wrongCount(CSVRecord values, long start, long number) {
        List<String> header = List.of(names);
        String shown = header.size() <= MAX_MESSAGE_NAMES ? header.toString()
                : header.subList(0, MAX_MESSAGE_NAMES) + "…";
        String fix;
        String first = values.size() == 1 ? values.get(0) : "-";
        if (values.size() == 1 && (first == null || first.isEmpty()) && names.length > 1) {
            fix = "the line is blank; remove it";
        } else if (values.size() > names.length) {
            fix = "quote values that hold the delimiter '" + settings.delimiter() + "', or add the missing names to the header";
        } else {
            fix = "add the missing values (an empty cell is NULL), or check the quoting of the line before";
        }
        long lines = Math.max(1, lineOffset + parser.getCurrentLineNumber() - start + 1);
        return new FileRowException(file, start, number, null, "the record has " + values.size() + " value"
                + (values.size() == 1 ? "" : "s") + " but " + (settings.header() == null ? "the header" : "withHeader(...)")
                + " names " + names.length + " column"
                + (names.length == 1 ? "" : "s") + " " + shown + ": "
                + TextFiles.excerpt(settings.file(), settings.charset(), start, (int) Math.min(lines, 5)) + "; " + fix, null);
    }

    private static FileRowException readFailure(CsvSettings settings, UncheckedIOException e, long start, long number,
                                                long current) {
        String file = settings.file().toString();
        IOException cause = e.getCause();
        if (cause instanceof CSVException csv) {
            String message = String.valueOf(csv.getMessage());
            String hint;
            if (message.contains("EOF reached before encapsulated token finished")) {
                hint = "a quoted value is never closed: the file ends inside quotes that open on line " + start
                        + " or later. Close the quote, or double a quote that is part of a value (\"\")";
            } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
                hint = "there is text after a closing quote on line " + current
                        + ". Quote the whole value, and double a quote that is part of it (\"\")";
            } else {
                hint = "check the quoting of the record";
            }
            return new FileRowException(file, start, number, null, "malformed CSV (" + message + "): " + hint
                    + ". The record starts with " + TextFiles.excerpt(settings.file(), settings.charset(), start, 3), csv);
        }
        if (cause instanceof CountingReader.RecordTooLongException) {
            return new FileRowException(file, start, number, null, "the record is longer than "
                    + settings.maxRecordLength() + " characters: most likely a quote opens a value and is never "
                    + "closed. Close or double the quote (\"\"), or raise the limit with withMaxRecordLength(...). "
                    + "The record starts with " + TextFiles.excerpt(settings.file(), settings.charset(), start, 1), cause);
        }
        if (cause instanceof CharacterCodingException) {
            return new FileRowException(file, current, number, null, "the file is not valid "
                    + settings.charset().name() + " (" + cause + " on or near this line); give its charset with withCharset(...)",
                    cause);
        }
        return new FileRowException(file, current, number, null, "cannot read the file: " + cause, cause);
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
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the CSV file " + file + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "CsvRowIterator[" + file + ", record " + record + ", line " + line + "]";
    }
}
