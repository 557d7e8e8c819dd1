package dev.blink.spi;

import dev.blink.Location;
import dev.blink.TableName;
import java.io.IOException;
import java.util.List;

/**
 * One table whose rows are CSV text that the database can read itself, as an {@link Inserter}
 * receives it in {@link Inserter#insertCsv}: a CSV file without a transform (blink-files'
 * {@code Csv}). The inserter streams the text to the database, e.g. PostgreSQL's
 * {@code COPY table (columns) FROM STDIN (FORMAT csv, …)} with the {@link #dialect()}'s options, so
 * that the server's own CSV reader and input functions decide every value.
 *
 * <p>The header has been read and checked (no empty or repeated names) before the inserter gets
 * it. Not thread-safe; read it from the thread that called the inserter. Blink closes it.
 */
public interface CsvInput extends AutoCloseable {

    /** The target table. */
    TableName table();

    /** The columns the text fills, in its order: the header's names, or the names the file was given. */
    List<String> columns();

    /** How the text is written. */
    CsvDialect dialect();

    /**
     * Reads the next bytes of the text, from its header record (if {@link CsvDialect#header()}) to
     * its end, in {@link CsvDialect#encoding()}: at least one byte unless at the end.
     *
     * @return the number of bytes read, or -1 at the end
     * @throws IOException if the file cannot be read
     * @throws dev.blink.BlinkException if the text holds what Blink refuses to send (e.g. a line
     *     that one PostgreSQL version reads as the end of the data and another as a value), with
     *     the file and line
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /**
     * Where the record is that a COPY error names as {@code line N} (PostgreSQL counts records,
     * the header included, and some line breaks inside quotes): the table, the row's number, the
     * file and the line where the record starts. Reads the text again, so call it only for an
     * error. Returns the table's location alone if the text has no such record.
     */
    Location location(long copyLine);

    /** Closes the file. Closing twice does nothing. */
    @Override
    void close();
}
