package dev.blink.files.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening text files, byte order marks, skipped lines, and excerpts for error messages. */
final class TextFiles {

    /** Longest excerpt of a file shown in a message. */
    static final int EXCERPT_LIMIT = 200;

    private static final char BOM = '\uFEFF';
    private static final int BUFFER = 8192;

    private TextFiles() {
    }

    /**
     * Opens {@code file} for reading with {@code charset} (undecodable bytes are an error, not
     * replaced) and skips a byte order mark.
     */
    static BufferedReader open(Path file, Charset charset, String kind) {
        BufferedReader reader;
        try {
            reader = new BufferedReader(new StrictReader(Files.newInputStream(file), charset), BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + kind + " file " + file + ": " + e, e);
        }
        try {
            skipBom(reader);
            return reader;
        } catch (IOException e) {
            closeQuietly(reader, e);
            throw new UncheckedIOException("Cannot read the " + kind + " file " + file + ": " + e, e);
        }
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
    }

    /** Skips up to {@code lines} lines (ending in LF, CRLF or CR); returns how many were skipped. */
    static int skipLines(BufferedReader reader, int lines) throws IOException {
        int skipped = 0;
        while (skipped < lines && reader.readLine() != null) {
            skipped++;
        }
        return skipped;
    }

    /**
     * The text of {@code file} from the start of {@code line} (1-based), up to
     * {@link #EXCERPT_LIMIT} characters and at most {@code lines} lines, quoted for a message; empty
     * if it cannot be read.
     */
    static String excerpt(Path file, Charset charset, long line, int lines) {
        if (line < 1) {
            return "";
        }
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            skipBom(reader);
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
            StringBuilder text = new StringBuilder();
            int taken = 1;
            int previous = 0;
            while (text.length() <= EXCERPT_LIMIT && (c = reader.read()) >= 0) {
                boolean lineBreak = c == '\r' || c == '\n' && previous != '\r';
                if (lineBreak && taken++ == lines) {
                    break;
                }
                text.append((char) c);
                previous = c;
            }
            while (text.length() > 0 && (text.charAt(text.length() - 1) == '\n' || text.charAt(text.length() - 1) == '\r')) {
                text.setLength(text.length() - 1);
            }
            return quote(text);
        } catch (IOException | RuntimeException e) {
            return "";
        }
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
