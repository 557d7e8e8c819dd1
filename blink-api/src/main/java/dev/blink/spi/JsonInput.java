package dev.blink.spi;

import dev.blink.Location;
import dev.blink.TableName;
import java.util.List;

/**
 * One table whose rows are JSON objects that the database can read itself, as an
 * {@link Inserter} receives it in {@link Inserter#insertJson}: a JSON file without a transform
 * (blink-files' {@code Json}). The inserter hands each object's text to the database, e.g.
 * PostgreSQL's {@code json_populate_record}, so that the server decides what every JSON value
 * means for its column.
 *
 * <p>Every object has the same keys, the columns; the reader checks that, and refuses a key given
 * twice. Not thread-safe; read it from the thread that called the inserter. Blink closes it.
 */
public interface JsonInput extends AutoCloseable {

    /** The target table. */
    TableName table();

    /** The keys of the first object, in its order: the columns. Empty for a file without objects. */
    List<String> columns();

    /**
     * Advances to the next object.
     *
     * @return false at the end of the file
     * @throws dev.blink.BlinkException if the file cannot be read or the object is malformed, with
     *     the file and line
     */
    boolean next();

    /** The current object's text, exactly as it stands in the file. */
    String text();

    /** The current object's 1-based position in the file. */
    long rowNumber();

    /** The line where the current object starts. */
    long line();

    /** Where row {@code row}, which starts on {@code line}, is: the table, the row, the file and line. */
    Location location(long row, long line);

    /** Closes the file. Closing twice does nothing. */
    @Override
    void close();
}
