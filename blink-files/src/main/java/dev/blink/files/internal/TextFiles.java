package dev.blink.files.internal;

import dev.blink.files.FileSource;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.FilterReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/** Opening text, byte order marks, and excerpts for error messages. */
final class TextFiles {

    /** Longest excerpt of a file shown in a message. */
    static final int EXCERPT_LIMIT = 200;

    private static final char BOM = '\uFEFF';

    private TextFiles() {
    }

    /**
     * Opens {@code source} for reading: its characters, or its bytes decoded with {@code charset}
     * (undecodable bytes are an error that names the line, never replaced). A byte order mark
     * (U+FEFF as the first character) is dropped when the text is Unicode.
     */
    static Reader open(FileSource source, Charset charset, String kind) {
        Reader reader;
        try {
            reader = source.isCharacters() ? source.openReader() : new StrictReader(source.openStream(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + kind + " file " + source + ": " + e, e);
        }
        return source.isCharacters() || Encodings.isUnicode(charset) ? new DropBom(reader) : reader;
    }

    /**
     * Opens a JSON text: its characters, its bytes decoded with {@code charset}, or, when that is
     * null, with the Unicode encoding its first bytes show (RFC 4627: UTF-32 or UTF-16 in either
     * byte order, else UTF-8). A byte order mark is dropped.
     */
    static Reader openJson(FileSource source, Charset charset) {
        if (source.isCharacters() || charset != null) {
            return open(source, charset, "JSON");
        }
        InputStream in;
        try {
            in = new BufferedInputStream(source.openStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the JSON file " + source + ": " + e, e);
        }
        try {
            in.mark(4);
            byte[] first = in.readNBytes(4);
            in.reset();
            return new DropBom(new StrictReader(in, Encodings.detectUnicode(first)));
        } catch (IOException e) {
            closeQuietly(in, e);
            throw new UncheckedIOException("Cannot read the JSON file " + source + ": " + e, e);
        }
    }

    /** Drops a byte order mark that is the text's first character. */
    private static final class DropBom extends FilterReader {

        private boolean first = true;

        DropBom(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (first && n > 0) {
                first = false;
                if (buffer[offset] == BOM) {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    return n == 1 ? read(buffer, offset, length) : n - 1;
                }
            }
            return n;
        }
    }

    /**
     * The text of {@code source} from the start of {@code line} (1-based), up to
     * {@link #EXCERPT_LIMIT} characters and at most {@code lines} lines, quoted for a message; empty
     * if it cannot be read.
     */
    static String excerpt(FileSource source, Charset charset, long line, int lines) {
        if (line < 1) {
            return "";
        }
        try (BufferedReader reader = new BufferedReader(charset == null ? openJson(source, null)
                : open(source, charset, "text"))) {
            long at = 1;
            int c = 0;
            while (at < line && (c = reader.read()) >= 0) {
                if (c == '\n' || c == '\r') {
                    at++;
                    if (c == '\r') {
                        reader.mark(1);
                        if (reader.read() != '\n') {
                            reader.reset();
                        }
                    }
                }
            }
            if (c < 0) {
                return "";
            }
            return quoteLines(readUpTo(reader, EXCERPT_LIMIT + 1), lines);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String readUpTo(Reader reader, int limit) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while (text.length() < limit && (c = reader.read()) >= 0) {
            text.append((char) c);
        }
        return text.toString();
    }

    /** At most {@code lines} lines of {@code text} (line endings LF, CR or CRLF), quoted, without the final line ending. */
    static String quoteLines(CharSequence text, int lines) {
        int end = 0;
        int taken = 1;
        while (end < text.length()) {
            char c = text.charAt(end);
            boolean lineBreak = c == '\r' || c == '\n' && (end == 0 || text.charAt(end - 1) != '\r');
            if (lineBreak && taken++ == lines) {
                break;
            }
            end++;
        }
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return quote(text.subSequence(0, end));
    }

    /** Text in double quotes with control characters escaped, cut to {@link #EXCERPT_LIMIT}. */
    static String quote(CharSequence text) {
        int end = Math.min(text.length(), EXCERPT_LIMIT);
        StringBuilder out = new StringBuilder(end + 24).append('"');
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        out.append('"');
        if (text.length() > end) {
            out.append('…');
        }
        return out.toString();
    }

    static void closeQuietly(AutoCloseable closeable, Throwable failure) {
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
