package dev.blink.files;

import dev.blink.spi.RowOrigin;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of a file could not be read: malformed CSV (an unclosed quote, text after a closing quote),
 * a record with the wrong number of values, invalid JSON, a JSON value that is not an object, text
 * the charset cannot decode, or a {@link RowTransform} that threw. The message names the file, the
 * line, the record and, when known, the column, shows the offending text and says how to fix it.
 *
 * <p>Inside a seed Blink reports it as a {@link dev.blink.CallbackException} of the table (this is
 * its cause) whose {@link dev.blink.CallbackException#location() location} carries the file and
 * line (it is a {@link RowOrigin}), and rolls the whole seed back.
 */
public final class FileRowException extends RuntimeException implements RowOrigin {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long record;
    private final String column;

    /**
     * @param file the file, as given to {@link Csv#from} or {@link Json#from}
     * @param line the 1-based line where the bad row (or text) starts, or 0 if unknown
     * @param record the 1-based number of the row among the file's rows, or 0 if not tied to a row
     * @param column the column (CSV header or JSON key), or null
     * @param problem what is wrong and how to fix it, without the place (it is prepended)
     * @param cause the underlying error, or null
     */
    public FileRowException(String file, long line, long record, String column, String problem, Throwable cause) {
        super(place(Objects.requireNonNull(file, "null file"), line, record, column) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.record = record;
        this.column = column;
    }

    private static String place(String file, long line, long record, String column) {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(", line ").append(line);
        }
        if (record > 0) {
            out.append(" (record ").append(record).append(')');
        }
        if (column != null) {
            out.append(", column \"").append(column).append('"');
        }
        return out.toString();
    }

    /** The file. */
    @Override
    public String file() {
        return file;
    }

    /** The 1-based line where the bad row or text starts, or 0 if unknown. */
    @Override
    public long line() {
        return line;
    }

    /** The 1-based number of the bad row among the file's rows (header not counted), or 0. */
    @Override
    public long record() {
        return record;
    }

    /** The column (CSV header name or JSON key), if known. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
