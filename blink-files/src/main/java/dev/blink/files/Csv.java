package dev.blink.files;

import dev.blink.Store;
import dev.blink.TableName;
import dev.blink.files.internal.CsvCopyInput;
import dev.blink.files.internal.CsvRowIterator;
import dev.blink.files.internal.CsvSettings;
import dev.blink.files.internal.Transforms;
import dev.blink.spi.CsvInput;
import dev.blink.spi.CsvText;
import dev.blink.spi.TableSource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CSV file as rows, read the way PostgreSQL's {@code COPY … FROM (FORMAT csv, HEADER)} reads it:
 * one {@code Map<String, Object>} per record, keyed by the header.
 *
 * <pre>{@code
 * Blink.plan()
 *     .addTable("users", Csv.from(Path.of("seed/users.csv")))
 *     .insert(dataSource);
 * }</pre>
 *
 * <p>Without a transform, the default inserter (blink-copy-pg) streams the file's bytes to
 * {@code COPY … FROM STDIN (FORMAT csv, …)} with these options, so that the server's own CSV
 * reader and input functions decide every value: the table holds exactly what {@code COPY} loads
 * from the same file. With a transform, or an inserter that takes rows, Blink splits the file
 * itself with a port of COPY's CSV reader, proven against the server on PostgreSQL 13–18.
 *
 * <p>By default the file is UTF-8 (a byte order mark is dropped), the first line is the header,
 * values are separated by commas and quoted with double quotes, the first line break fixes the
 * line ending (LF, CRLF or CR). As in COPY, a quote toggles quoting wherever it stands
 * ({@code a""b} is {@code ab}, {@code "ab"c} is {@code abc}), a doubled quote inside quotes is one
 * quote, spaces are kept, and quoted values may hold delimiters and line breaks. Every value is a
 * {@code String}, or {@code null} for an unquoted empty cell (see {@link EmptyCell}). Refused, with
 * the file and line: mixed line endings, an unclosed quote, a record with another number of values
 * than the header, text the charset cannot decode, and a line that is {@code \.} alone (the end of
 * the data to PostgreSQL 13–17, a value to 18).
 *
 * <p>Header names are column names as they are: they must name the table's columns exactly (case
 * included), and are checked against the table before any data is sent, also for a file without
 * rows. Use {@link #transform(RowTransform)} to convert or add values in Java; without one, each
 * row is an unmodifiable map in the header's order.
 *
 * <p>Files live where they are: on the file system ({@link #from(Path)}), on the class path
 * ({@code Csv.from(FileSource.resource("seed/users.csv"))}, also inside a jar), at a URL, or behind
 * a stream or reader that the caller opens: see {@link FileSource}. Errors name them.
 *
 * <p>Reading streams: one record is in memory at a time, so a file of any size loads with a small,
 * constant heap (give the table {@code TableOptions.retain(Retain.NONE)} so that the store does not
 * keep the rows). Each read opens the file afresh; the same {@code Csv} can be read any number of
 * times, also concurrently.
 *
 * <p>Immutable and thread-safe: each {@code with…} method returns a changed copy.
 */
public final class Csv implements TableSource, Iterable<Map<String, Object>>, CsvText {

    /** The longest record read by default, in characters: 16 Mi (see {@link #withMaxRecordLength}). */
    public static final int DEFAULT_MAX_RECORD_LENGTH = 16 * 1024 * 1024;

    private final CsvSettings settings;
    private final RowTransform transform;

    private Csv(CsvSettings settings, RowTransform transform) {
        this.settings = settings;
        this.transform = transform;
    }

    /**
     * The CSV file at {@code file}, with the defaults above. The file is not opened until the rows
     * are read.
     */
    public static Csv from(Path file) {
        return of(FileSource.path(file));
    }

    /** The file at {@code source}: on the class path, at a URL, or behind a stream or reader you open. */
    public static Csv from(FileSource source) {
        return of(Objects.requireNonNull(source, "null source"));
    }

    private static Csv of(FileSource source) {
        return new Csv(new CsvSettings(source, ',', '"', null, "", StandardCharsets.UTF_8, 0, null,
                EmptyCell.AS_POSTGRESQL, DEFAULT_MAX_RECORD_LENGTH), Transforms.identity());
    }

    /**
     * A copy that separates values with {@code delimiter} ({@code ','} by default), e.g. {@code ';'}
     * or {@code '\t'}.
     *
     * @throws IllegalArgumentException for a line break, a character that is not ASCII, or the quote or
     *     escape character
     */
    public Csv withDelimiter(char delimiter) {
        CsvSettings s = settings;
        checkSpecial("delimiter", delimiter);
        checkDistinct("delimiter", delimiter, "quote", s.quote());
        checkDistinct("delimiter", delimiter, "escape", s.escape());
        return with(new CsvSettings(s.source(), delimiter, s.quote(), s.escape(), s.nullString(), s.charset(),
                s.skipLines(), s.header(), s.empty(), s.maxRecordLength()));
    }

    /**
     * A copy that quotes values with {@code quote} ({@code '"'} by default).
     *
     * @throws IllegalArgumentException for a line break, or the delimiter or escape character
     */
    public Csv withQuote(char quote) {
        CsvSettings s = settings;
        checkSpecial("quote", quote);
        checkDistinct("quote", quote, "delimiter", s.delimiter());
        checkDistinct("quote", quote, "escape", s.escape());
        return with(new CsvSettings(s.source(), s.delimiter(), quote, s.escape(), s.nullString(), s.charset(),
                s.skipLines(), s.header(), s.empty(), s.maxRecordLength()));
    }

    /**
     * A copy with an escape character, COPY's {@code ESCAPE} (by default the quote: a quote inside
     * quotes is written twice). Inside quotes, the escape character before a quote or before
     * itself makes that character literal; anywhere else it is an ordinary character.
     *
     * @throws IllegalArgumentException for a line break, or the delimiter or quote character
     */
    public Csv withEscape(char escape) {
        CsvSettings s = settings;
        checkSpecial("escape", escape);
        checkDistinct("escape", escape, "delimiter", s.delimiter());
        checkDistinct("escape", escape, "quote", s.quote());
        return with(new CsvSettings(s.source(), s.delimiter(), s.quote(), escape, s.nullString(), s.charset(),
                s.skipLines(), s.header(), s.empty(), s.maxRecordLength()));
    }

    /**
     * A copy where an unquoted cell equal to {@code nullString} is NULL, COPY's {@code NULL} option
     * (e.g. {@code "\\N"} or {@code "NULL"}); a quoted cell is always text. By default only empty
     * cells may be NULL (see {@link EmptyCell}); giving {@code ""} restores that.
     *
     * @throws IllegalArgumentException if it holds a line break, the delimiter or the quote
     */
    public Csv withNullString(String nullString) {
        Objects.requireNonNull(nullString, "null nullString");
        CsvSettings s = settings;
        if (nullString.indexOf('\n') >= 0 || nullString.indexOf('\r') >= 0
                || nullString.indexOf(s.delimiter()) >= 0 || nullString.indexOf(s.quote()) >= 0) {
            throw new IllegalArgumentException("withNullString(\"" + nullString + "\"): the null string cannot hold a "
                    + "line break, the delimiter or the quote (COPY refuses it)");
        }
        return with(new CsvSettings(s.source(), s.delimiter(), s.quote(), s.escape(), nullString, s.charset(),
                s.skipLines(), s.header(), s.empty(), s.maxRecordLength()));
    }

    /**
     * A copy that decodes the file with {@code charset} (UTF-8 by default). Without a transform,
     * the bytes go to COPY with PostgreSQL's name for the encoding ({@code ENCODING 'LATIN1'}), so
     * the server decodes them; an encoding PostgreSQL does not know (UTF-16, UTF-32) is decoded by
     * Java and sent as UTF-8. When Blink reads the values itself (a transform), bytes that do not
     * decode are an error that names the line, never replaced; and a multi-byte legacy encoding
     * (Shift_JIS, Big5, GBK…), which Java decodes differently from PostgreSQL, is refused.
     *
     * @throws IllegalStateException for a {@link FileSource#reader} source, which has no bytes
     */
    public Csv withCharset(Charset charset) {
        Objects.requireNonNull(charset, "null charset");
        CsvSettings s = settings;
        if (s.source().isCharacters()) {
            throw new IllegalStateException(s.source() + " is read from a Reader, which gives characters: no charset "
                    + "applies");
        }
        return with(new CsvSettings(s.source(), s.delimiter(), s.quote(), s.escape(), s.nullString(), charset,
                s.skipLines(), s.header(), s.empty(), s.maxRecordLength()));
    }

    /**
     * A copy that skips the first {@code lines} lines of the file (a title, comments) before the
     * header, or before the first record when the names are given by {@link #withHeader}. Line
     * numbers in errors still count from the top of the file.
     *
     * @throws IllegalArgumentException if {@code lines} is negative
     */
    public Csv withSkipLines(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("withSkipLines(" + lines + "): the number of lines to skip cannot be negative");
        }
        CsvSettings s = settings;
        return with(new CsvSettings(s.source(), s.delimiter(), s.quote(), s.escape(), s.nullString(), s.charset(),
                lines, s.header(), s.empty(), s.maxRecordLength()));
    }

    /**
     * A copy whose column names are {@code names}, in the file's order, instead of a header line:
     * the file's first line (after {@link #withSkipLines skipped lines}) is then a record. To
     * replace the names of a file that has a header line, skip it: {@code .withHeader("id",
     * "name").withSkipLines(1)}.
     *
     * @throws IllegalArgumentException if no name is given, or a name is empty or given twice
     */
    public Csv withHeader(String... names) {
        Objects.requireNonNull(names, "null names");
        if (names.length == 0) {
            throw new IllegalArgumentException("withHeader() needs at least one column name");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            Objects.requireNonNull(names[i], "null names[" + i + "]");
            if (names[i].isEmpty()) {
                throw new IllegalArgumentException("withHeader(" + List.of(names) + "): name " + (i + 1) + " is empty");
            }
            if (!seen.add(names[i])) {
                throw new IllegalArgumentException("withHeader(" + List.of(names) + "): \"" + names[i]
                        + "\" is given twice; each column is named once");
            }
        }
        CsvSettings s = settings;
        return with(new CsvSettings(s.source(), s.delimiter(), s.quote(), s.escape(), s.nullString(), s.charset(),
                s.skipLines(), List.of(names), s.empty(), s.maxRecordLength()));
    }

    /**
     * A copy where empty cells become {@code empty}: {@link EmptyCell#NULL} or
     * {@link EmptyCell#EMPTY_STRING}, quoted or not. The default, {@link EmptyCell#AS_POSTGRESQL},
     * reads them as PostgreSQL's {@code COPY} does: an unquoted empty cell is NULL, a quoted one
     * ({@code ""}) an empty string.
     */
    public Csv emptyAs(EmptyCell empty) {
        Objects.requireNonNull(empty, "null empty");
        CsvSettings s = settings;
        return with(new CsvSettings(s.source(), s.delimiter(), s.quote(), s.escape(), s.nullString(), s.charset(),
                s.skipLines(), s.header(), empty, s.maxRecordLength()));
    }

    /**
     * A copy that reads records of up to {@code characters} characters (16 Mi by default) and fails
     * on a longer one. The limit stops a quote that is never closed from reading the rest of a
     * large file into memory as one value; raise it for files with very large values.
     *
     * @throws IllegalArgumentException if {@code characters} is not positive
     */
    public Csv withMaxRecordLength(int characters) {
        if (characters < 1) {
            throw new IllegalArgumentException("withMaxRecordLength(" + characters + "): the limit must be positive");
        }
        CsvSettings s = settings;
        return with(new CsvSettings(s.source(), s.delimiter(), s.quote(), s.escape(), s.nullString(), s.charset(),
                s.skipLines(), s.header(), s.empty(), characters));
    }

    /**
     * A copy that passes each row through {@code transform} before it is written. Transforms added
     * by several calls run in the order they were added.
     */
    public Csv transform(RowTransform transform) {
        Objects.requireNonNull(transform, "null transform");
        return new Csv(settings, Transforms.then(this.transform, transform));
    }

    /** The file, resource or stream, as errors name it. */
    public String name() {
        return settings.source().name();
    }

    /**
     * This file's rows, for {@code plan.addTable(name, csv)}: without a transform, the {@code Csv}
     * itself, CSV text that the inserter may hand to the database whole; with one, the rows
     * only, read one by one.
     */
    @Override
    public Iterable<Map<String, Object>> rows(Store store) {
        return Transforms.isIdentity(transform) ? this : this::iterator;
    }

    /**
     * For Blink's {@link CsvText} SPI: one read of the file for an inserter that takes it whole;
     * empty with a transform, whose rows only Blink reads.
     */
    @Override
    public Optional<CsvInput> open(TableName table, String step, Consumer<Map<String, Object>> rows) {
        return Transforms.isIdentity(transform) ? Optional.of(new CsvCopyInput(settings, table, step, rows))
                : Optional.empty();
    }

    /**
     * Opens the file and reads its header (if it has one); rows are read as the iterator advances.
     *
     * @throws java.io.UncheckedIOException if the file cannot be opened or read
     * @throws FileRowException if the header is malformed
     */
    @Override
    public FileRowIterator iterator() {
        return CsvRowIterator.open(settings, transform);
    }

    @Override
    public String toString() {
        return "Csv[" + settings + "]";
    }

    private Csv with(CsvSettings changed) {
        return new Csv(changed, transform);
    }

    private static void checkSpecial(String what, char c) {
        if (c == '\n' || c == '\r') {
            throw new IllegalArgumentException("The CSV " + what + " cannot be a line break");
        }
        if (c == 0 || c >= 0x80) {
            throw new IllegalArgumentException("The CSV " + what + " must be an ASCII character (COPY takes a single "
                    + "one-byte character), not U+" + String.format("%04X", (int) c));
        }
    }

    private static void checkDistinct(String what, char c, String other, Character otherChar) {
        if (otherChar != null && otherChar == c) {
            throw new IllegalArgumentException("The CSV " + what + " '" + c + "' is already the " + other
                    + " character; change the " + other + " first");
        }
    }
}
