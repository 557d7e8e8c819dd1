package dev.blink.files.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits CSV text into records and values exactly as PostgreSQL's {@code COPY … FROM (FORMAT csv)}
 * does: a port of {@code CopyReadLineText} and {@code CopyReadAttributesCSV} from
 * {@code src/backend/commands/copyfromparse.c}, which are the same in PostgreSQL 13 to 18 but for
 * the end-of-data marker (below). {@code CsvOracleTest} compares it with the server on every major.
 *
 * <p>What that means, unlike RFC 4180 readers: a quote opens or closes quoting wherever it appears
 * in a value ({@code a""b} is {@code ab}, {@code "ab"c} is {@code abc}, and {@code 1,a"b} then
 * {@code 2,c"d} is one record); spaces around a quoted part are kept; the escape character (the
 * quote by default) escapes only a quote or itself inside quotes; the first line break outside
 * quotes fixes the file's line ending (LF, CRLF or CR) and a different one later is an error; an
 * unquoted value equal to the null string (empty by default) is NULL; a record is read to its end
 * before it is split, so an unclosed quote reads to the end of the file.
 *
 * <p>The end-of-data marker: PostgreSQL 13–17 end the data at a record that is {@code \.} followed
 * by the file's line ending (and ignore the rest), PostgreSQL 18 reads it as a value. Since the
 * same file means different things to different servers, such a record is refused, as are the
 * marker's newline-style errors of 13–17 (which 18 reports as a stray line break).
 *
 * <p>Also counts lines: the file's physical lines (LF, CR or CRLF, quoted or not), and COPY's own
 * {@code line N} of its error messages, which counts records and only some of the line breaks
 * inside quotes (those that match the line ending, once it is known), so that a server error can
 * be turned into the file's line. Not thread-safe.
 */
final class CsvLexer {

    private static final int UNKNOWN = 0;
    private static final int NL = 1;
    private static final int CR = 2;
    private static final int CRNL = 3;

    private static final int BUFFER = 64 * 1024;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    /** The escape character, or -1 when it is the quote (COPY's default); for splitting lines. */
    private final int lineEscape;
    /** The escape character as COPY's value splitter uses it (the quote by default). */
    private final char escape;
    private final String nullString;
    private final int maxRecord;

    private char[] buffer = new char[BUFFER];
    private int position;
    private int limit;
    private boolean endOfInput;

    private int eol = UNKNOWN;
    /** The physical line of the next character. */
    private long physicalLine = 1;
    /** COPY's {@code cur_lineno}. */
    private long copyLine;

    private char[] line = new char[256];
    private int lineLength;
    private final StringBuilder value = new StringBuilder(64);
    private String[] values = new String[16];
    private int count;
    private long recordLine;
    private long recordCopyFirst;
    private long recordCopyLast;
    private long records;

    /**
     * @param escape the escape character, or null for the quote
     * @param nullString the text of an unquoted NULL value ({@code ""} by default)
     * @param maxRecord the longest record, in characters
     */
    CsvLexer(Reader in, char delimiter, char quote, Character escape, String nullString, int maxRecord) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape == null ? quote : escape;
        this.lineEscape = escape == null || escape == quote ? -1 : escape;
        this.nullString = nullString;
        this.maxRecord = maxRecord;
    }

    /**
     * Skips {@code lines} physical lines (ending in LF, CR or CRLF), which COPY never sees: the
     * next record starts after them and COPY's line count starts there.
     *
     * @return the lines skipped (fewer at the end of the text)
     */
    int skipLines(int lines) throws IOException {
        int skipped = 0;
        while (skipped < lines) {
            int c = take();
            if (c < 0) {
                break;
            }
            if (c == '\n' || c == '\r' && peek(0) != '\n') {
                skipped++;
            }
        }
        return skipped;
    }

    /** Numbers the physical lines from {@code line} on (when the text starts after lines skipped by others). */
    void startAtLine(long line) {
        physicalLine = line;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the text
     * @throws CsvFormatException for what COPY refuses while splitting, and the end-of-data marker
     */
    boolean next() throws IOException {
        copyLine++;
        recordCopyFirst = copyLine;
        recordLine = physicalLine;
        lineLength = 0;
        boolean atEnd = readLine();
        recordCopyLast = copyLine;
        if (atEnd && lineLength == 0) {
            count = 0;
            return false;
        }
        split();
        records++;
        return true;
    }

    /** The values of the record last read: a String, or null for NULL. */
    String value(int i) {
        return values[i];
    }

    /** The number of values of the record last read. */
    int count() {
        return count;
    }

    /** The values of the record last read, in a new array. */
    String[] values() {
        return Arrays.copyOf(values, count);
    }

    /** The record last read as it stands in the file (quotes kept, line ending dropped). */
    String text() {
        return new String(line, 0, lineLength);
    }

    /** The physical line where the record last read starts. */
    long line() {
        return recordLine;
    }

    /** The physical line of the next character (after the record last read). */
    long nextLine() {
        return physicalLine;
    }

    /** Records read so far. */
    long records() {
        return records;
    }

    /**
     * Whether COPY's {@code line N} falls in the record last read: COPY counts
     * {@code recordCopyFirst} when it starts the record and may count on inside quotes.
     */
    boolean holdsCopyLine(long copyLineNumber) {
        return copyLineNumber >= recordCopyFirst && copyLineNumber <= recordCopyLast;
    }

    /** COPY's line count at the start of the record being (or last) read. */
    long recordCopyLine() {
        return recordCopyFirst;
    }

    /** COPY's line count so far (the record being or last read). */
    long copyLine() {
        return copyLine;
    }

    // ---- CopyReadLineText ----

    /** Reads one record's text into {@link #line}; true if the text ended (the record may still hold text). */
    private boolean readLine() throws IOException {
        boolean firstChar = true;
        boolean inQuote = false;
        boolean lastWasEscape = false;
        while (true) {
            int c = take();
            if (c < 0) {
                return true;
            }
            if (inQuote && c == lineEscape) {
                lastWasEscape = !lastWasEscape;
            }
            if (c == quote && !lastWasEscape) {
                inQuote = !inQuote;
            }
            if (c != lineEscape) {
                lastWasEscape = false;
            }
            if (inQuote && c == (eol == NL ? '\n' : '\r')) {
                copyLine++;
            }
            if (c == '\r' && !inQuote) {
                if (eol == UNKNOWN || eol == CRNL) {
                    if (peek(0) == '\n') {
                        take();
                        eol = CRNL;
                    } else {
                        if (eol == CRNL) {
                            throw lineEnding("a carriage return (CR) without a line feed, but the file's lines end with"
                                    + " CRLF", "unquoted carriage return found in data");
                        }
                        eol = CR;
                    }
                } else if (eol == NL) {
                    throw lineEnding("a carriage return (CR), but the file's lines end with LF",
                            "unquoted carriage return found in data");
                }
                return false;
            }
            if (c == '\n' && !inQuote) {
                if (eol == CR || eol == CRNL) {
                    throw lineEnding("a line feed (LF), but the file's lines end with " + (eol == CR ? "CR" : "CRLF"),
                            "unquoted newline found in data");
                }
                eol = NL;
                return false;
            }
            if (c == '\\' && firstChar) {
                int next = peek(0);
                if (next < 0) {
                    append('\\');
                    return true;
                }
                if (next == '.') {
                    endOfDataMarker();
                }
            }
            append((char) c);
            firstChar = false;
        }
    }

    /**
     * After a record's first character {@code \} and a {@code .}: refuses what PostgreSQL 13–17
     * read as the end-of-data marker (or as a broken one); anything else is data, as in COPY.
     */
    private void endOfDataMarker() throws IOException {
        int at = 1;
        if (eol == CRNL) {
            int c = peek(at++);
            if (c != '\r') {
                return;
            }
        }
        int c = peek(at);
        if (c != '\r' && c != '\n') {
            return;
        }
        if (eol == NL && c != '\n' || eol == CRNL && c != '\n' || eol == CR && c != '\r') {
            throw new CsvFormatException(recordLine, "the line is \\. followed by a line ending other "
                    + "than the file's, which PostgreSQL 13–17 refuse as a broken end-of-data marker "
                    + "(end-of-copy marker does not match previous newline style). Quote the value (\"\\.\") or delete "
                    + "the line", true);
        }
        throw new CsvFormatException(recordLine, "the line is \\. alone, which PostgreSQL 13–17 read "
                + "as the end of the data (ignoring the rest of the file) and PostgreSQL 18 as a value; to load it as a "
                + "value quote it (\"\\.\"), to end the data there delete the rest of the file", true);
    }

    private CsvFormatException lineEnding(String found, String copyMessage) {
        return new CsvFormatException(recordLine, "mixed line endings: this line ends with " + found
                + " (COPY: " + copyMessage + "). Use one line ending throughout the file, and quote values that "
                + "hold line breaks");
    }

    private void append(char c) throws CsvFormatException {
        if (lineLength == line.length) {
            if (lineLength >= maxRecord) {
                throw new CsvFormatException(recordLine, "the record is longer than " + maxRecord
                        + " characters" + (quoteOpen() ? "; a quote that is never closed makes the rest of the file "
                        + "one record: close it, or double a quote that is part of a value (\"\")" : "")
                        + "; or raise the limit with withMaxRecordLength(...)");
            }
            line = Arrays.copyOf(line, (int) Math.min(maxRecord, lineLength * 2L));
        }
        line[lineLength++] = c;
    }

    /** Whether the record text read so far has an open quote (for messages). */
    private boolean quoteOpen() {
        boolean open = false;
        for (int i = 0; i < lineLength; i++) {
            if (line[i] == quote) {
                open = !open;
            }
        }
        return open;
    }

    // ---- CopyReadAttributesCSV ----

    private void split() throws CsvFormatException {
        char[] text = line;
        int end = lineLength;
        int p = 0;
        count = 0;
        while (true) {
            boolean foundDelimiter = false;
            boolean sawQuote = false;
            int start = p;
            int endOfInput;
            StringBuilder out = null;
            field:
            while (true) {
                while (true) {
                    endOfInput = p;
                    if (p >= end) {
                        break field;
                    }
                    char c = text[p++];
                    if (c == delimiter) {
                        foundDelimiter = true;
                        break field;
                    }
                    if (c == quote) {
                        if (!sawQuote) {
                            sawQuote = true;
                            out = value;
                            out.setLength(0);
                            out.append(text, start, p - 1 - start);
                        }
                        break;
                    }
                    if (out != null) {
                        out.append(c);
                    }
                }
                while (true) {
                    endOfInput = p;
                    if (p >= end) {
                        throw new CsvFormatException(recordLine, "a quoted value is never closed: the "
                                + "file ends inside quotes that open on line " + recordLine + " or later (COPY: "
                                + "unterminated CSV quoted field). Close the quote, or double a quote that is part of a "
                                + "value (\"\")");
                    }
                    char c = text[p++];
                    if (c == escape && p < end) {
                        char next = text[p];
                        if (next == escape || next == quote) {
                            out.append(next);
                            p++;
                            continue;
                        }
                    }
                    if (c == quote) {
                        break;
                    }
                    out.append(c);
                }
            }
            String field;
            if (sawQuote) {
                field = out.toString();
            } else if (isNull(text, start, endOfInput - start)) {
                field = null;
            } else {
                field = new String(text, start, endOfInput - start);
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = field;
            if (!foundDelimiter) {
                return;
            }
        }
    }

    private boolean isNull(char[] text, int start, int length) {
        String nulls = nullString;
        if (length != nulls.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[start + i] != nulls.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // ---- input ----

    /** The next character (counting physical lines), or -1 at the end. */
    private int take() throws IOException {
        if (position == limit && !fill(1)) {
            return -1;
        }
        char c = buffer[position++];
        if (c == '\n') {
            if (position < 2 || buffer[position - 2] != '\r') {
                physicalLine++;
            }
        } else if (c == '\r') {
            physicalLine++;
        } else if (c == 0) {
            throw new CsvFormatException(recordLine, "the text holds a NUL character (0x00), which "
                    + "PostgreSQL refuses in text (invalid byte sequence … 0x00); remove it");
        }
        return c;
    }

    /** The character {@code ahead} places after the next one to take, or -1 past the end. */
    private int peek(int ahead) throws IOException {
        if (position + ahead >= limit && !fill(ahead + 1)) {
            return -1;
        }
        return buffer[position + ahead];
    }

    /**
     * Makes at least {@code wanted} characters available from {@link #position}, keeping the one
     * before it (for CRLF counting); false if the text ends first.
     */
    private boolean fill(int wanted) throws IOException {
        while (limit - position < wanted) {
            if (endOfInput) {
                return false;
            }
            int keep = Math.max(0, position - 1);
            if (keep > 0) {
                System.arraycopy(buffer, keep, buffer, 0, limit - keep);
                position -= keep;
                limit -= keep;
            }
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
            } else {
                limit += n;
            }
        }
        return true;
    }
}
