package dev.blink.files;

import dev.blink.spi.RowOrigin;
import java.util.Iterator;
import java.util.Map;

/**
 * The rows of one read of a file, one at a time, with the file and line of the row last returned.
 * Blink closes it when the table is done; close it yourself when you iterate by hand and stop early
 * (it also closes itself once the last row was read, or when reading fails).
 *
 * <pre>{@code
 * try (FileRowIterator rows = Csv.from(path).iterator()) {
 *     while (rows.hasNext()) {
 *         Map<String, Object> row = rows.next();
 *         System.out.println(rows.file() + ":" + rows.line() + " " + row);
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe. {@code hasNext()} and {@code next()} throw {@link FileRowException} for a
 * malformed row, a transform that threw, or a file that cannot be read further; the iterator is
 * then closed.
 */
public interface FileRowIterator extends Iterator<Map<String, Object>>, RowOrigin, AutoCloseable {

    /** The number of rows returned so far: the 1-based record number of the row last returned. */
    long recordNumber();

    /** Closes the file. Closing twice does nothing. */
    @Override
    void close();
}
