package dev.blink.files.internal;

import dev.blink.files.EmptyCell;
import dev.blink.files.FileRowException;
import dev.blink.files.RowTransform;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of a CSV file as rows: {@link CsvLexer} splits it as COPY does, each record is checked
 * for its number of values and made into a map keyed by the header.
 */
public final class CsvRowIterator extends FileRows {

    private static final int MAX_MESSAGE_NAMES = 20;

    private final CsvSettings settings;
    private final Reader reader;
    private final CsvLexer lexer;
    private final String[] names;
    private final int capacity;
    /** What {@link EmptyCell} asks of the reader's NULLs and empty strings, decided once per file. */
    private final boolean nullsBecomeEmpty;
    private final boolean emptiesBecomeNull;

    private CsvRowIterator(CsvSettings settings, RowTransform transform, Reader reader, CsvLexer lexer,
                           String[] names) {
        super(settings.source().name(), transform);
        this.settings = settings;
        this.reader = reader;
        this.lexer = lexer;
        this.names = names;
        this.capacity = (int) Math.ceil(names.length / 0.75) + 1;
        this.nullsBecomeEmpty = settings.empty() == EmptyCell.EMPTY_STRING && settings.nullString().isEmpty();
        this.emptiesBecomeNull = settings.empty() == EmptyCell.NULL;
    }

    /**
     * Opens the file, skips what it is told to, and reads the header line unless the names are
     * given.
     *
     * @throws UncheckedIOException if the file cannot be opened
     * @throws FileRowException if the header is malformed or names a column twice, or the file's
     *     charset is one that Blink cannot decode as PostgreSQL does
     */
    public static CsvRowIterator open(CsvSettings settings, RowTransform transform) {
        if (!settings.source().isCharacters() && !Encodings.javaDecodes(settings.charset())) {
            throw new FileRowException(settings.source().name(), 0, 0, null, "Blink reads the values of this file "
                    + "itself (for a transform, or an inserter that takes rows), but Java decodes "
                    + settings.charset().name() + " differently from PostgreSQL's " + Encodings.postgresql(settings.charset())
                    .orElse("?") + " for some characters, so it could store other text than COPY. Load the file without "
                    + "a transform (PostgreSQL then decodes it), or convert it to UTF-8", null);
        }
        return open(settings, transform, TextFiles.open(settings.source(), settings.charset(), "CSV"), false);
    }

    /**
     * The rows of {@code reader}, closed with the iterator.
     *
     * @param linesSkipped whether the reader starts after the skipped lines (else they are skipped here)
     */
    static CsvRowIterator open(CsvSettings settings, RowTransform transform, Reader reader, boolean linesSkipped) {
        CsvLexer lexer = lexer(settings, reader);
        try {
            int skipped;
            if (linesSkipped) {
                skipped = settings.skipLines();
                lexer.startAtLine(skipped + 1L);
            } else {
                skipped = lexer.skipLines(settings.skipLines());
            }
            String[] names = settings.header() != null ? settings.header().toArray(String[]::new)
                    : readHeader(settings, lexer, skipped);
            return new CsvRowIterator(settings, transform, reader, lexer, names);
        } catch (CsvFormatException e) {
            FileRowException failure = formatFailure(settings, e, 0, lexer);
            TextFiles.closeQuietly(reader, failure);
            throw failure;
        } catch (IOException e) {
            FileRowException failure = new FileRowException(settings.source().name(), lexer.nextLine(), 0, null,
                    decodeProblem(settings, e), e);
            TextFiles.closeQuietly(reader, failure);
            throw failure;
        } catch (RuntimeException e) {
            TextFiles.closeQuietly(reader, e);
            throw e;
        }
    }

    /**
     * The names of the file's columns: given, or read from its header line by a short read (the
     * file decoded by Java; for what only PostgreSQL decodes, names must be ASCII).
     */
    static List<String> columnsOf(CsvSettings settings) {
        if (settings.header() != null) {
            return settings.header();
        }
        try (CsvRowIterator first = open(settings, Transforms.identity(),
                TextFiles.open(settings.source(), settings.charset(), "CSV"), false)) {
            if (!settings.source().isCharacters() && !Encodings.javaDecodes(settings.charset())) {
                for (String name : first.names) {
                    if (!name.chars().allMatch(c -> c < 0x80)) {
                        throw new FileRowException(settings.source().name(), first.lexer.line(), 0, name,
                                "the header names a column in non-ASCII text, which Java may decode differently from "
                                        + "PostgreSQL in " + settings.charset().name() + "; give the names with "
                                        + "withHeader(...).withSkipLines(" + (settings.skipLines() + 1) + ")", null);
                    }
                }
            }
            return first.columns();
        }
    }

    /** A lexer of {@code settings}' dialect over {@code reader}. */
    static CsvLexer lexer(CsvSettings settings, Reader reader) {
        return new CsvLexer(reader, settings.delimiter(), settings.quote(), settings.escape(), settings.nullString(),
                settings.maxRecordLength());
    }

    /**
     * The names of the header line; none (so no rows) for an empty file.
     *
     * @throws FileRowException for an empty or NULL name, or a name given twice
     */
    static String[] readHeader(CsvSettings settings, CsvLexer lexer, int skipped) throws IOException {
        String file = settings.source().name();
        if (!lexer.next()) {
            return new String[0];
        }
        long headerLine = lexer.line();
        String[] names = lexer.values();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (name == null || name.isEmpty()) {
                throw new FileRowException(file, headerLine, 0, null, "the header's name " + (i + 1) + " of "
                        + names.length + " is " + (name == null && !settings.nullString().isEmpty() ? "the null string"
                        : "empty") + "; every column needs a name. The header is "
                        + TextFiles.quoteLines(lexer.text(), 1)
                        + (i == names.length - 1 && names.length > 1 ? " (a delimiter at the end of the line makes an "
                        + "empty last name)" : "") + "; or give the names with withHeader(...)", null);
            }
            Integer before = seen.putIfAbsent(name, i + 1);
            if (before != null) {
                throw new FileRowException(file, headerLine, 0, name, "the header names column \"" + name
                        + "\" twice (names " + before + " and " + (i + 1) + "); a column can be loaded once. "
                        + "Rename one, or give the names with withHeader(...).withSkipLines(" + (skipped + 1) + ")", null);
            }
        }
        return names;
    }

    /** The column names, in file order (empty for an empty file). */
    public List<String> columns() {
        return List.of(names);
    }

    @Override
    Map<String, Object> read() throws IOException {
        if (names.length == 0 || !lexer.next()) {
            return null;
        }
        startsAt(lexer.line());
        int size = lexer.count();
        if (size != names.length) {
            throw wrongCount(size);
        }
        Object[] cells = new Object[size];
        for (int i = 0; i < size; i++) {
            String value = lexer.value(i);
            if (value == null) {
                if (nullsBecomeEmpty) {
                    value = "";
                }
            } else if (emptiesBecomeNull && value.isEmpty()) {
                value = null;
            }
            cells[i] = value;
        }
        if (!transformed()) {
            return new CsvRow(names, cells);
        }
        // the transform owns a fresh, mutable map
        Map<String, Object> row = new LinkedHashMap<>(capacity);
        for (int i = 0; i < size; i++) {
            row.put(names[i], cells[i]);
        }
        return row;
    }

    private FileRowException wrongCount(int size) {
        List<String> header = List.of(names);
        String shown = header.size() <= MAX_MESSAGE_NAMES ? header.toString()
                : header.subList(0, MAX_MESSAGE_NAMES) + "…";
        String fix;
        String first = size == 1 ? lexer.value(0) : "-";
        if (size == 1 && (first == null || first.isEmpty()) && names.length > 1) {
            fix = "the line is blank; remove it";
        } else if (size > names.length) {
            fix = "quote values that hold the delimiter '" + settings.delimiter() + "', or add the missing names to the header";
        } else {
            fix = "add the missing values (an empty cell is NULL), or check the quoting of the line before";
        }
        return new FileRowException(file, lexer.line(), recordNumber() + 1, null, "the record has " + size + " value"
                + (size == 1 ? "" : "s") + " but " + (settings.header() == null ? "the header" : "withHeader(...)")
                + " names " + names.length + " column" + (names.length == 1 ? "" : "s") + " " + shown + ": "
                + TextFiles.quoteLines(lexer.text(), 5) + "; " + fix, null);
    }

    @Override
    FileRowException failure(IOException e) {
        if (e instanceof CsvFormatException format) {
            return formatFailure(settings, format, recordNumber() + 1, lexer);
        }
        return new FileRowException(file, lexer.nextLine(), recordNumber() + 1, null, decodeProblem(settings, e), e);
    }

    /** What COPY's CSV rules refuse, at the record's first line, with the record's text. */
    static FileRowException formatFailure(CsvSettings settings, CsvFormatException e, long record, CsvLexer lexer) {
        String text = TextFiles.quoteLines(lexer.text(), 3);
        return new FileRowException(settings.source().name(), e.recordLine(), record, null, "malformed CSV: "
                + e.getMessage() + ". The record starts with " + text, e);
    }

    private static String decodeProblem(CsvSettings settings, IOException e) {
        if (e instanceof CharacterCodingException) {
            return "the file is not valid " + settings.charset().name() + " (" + e + " on or near this line); give its "
                    + "charset with withCharset(...)";
        }
        return "cannot read the file: " + e;
    }

    @Override
    void release() throws IOException {
        reader.close();
    }
}
