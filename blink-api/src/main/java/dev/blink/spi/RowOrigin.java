package dev.blink.spi;

/**
 * Implemented by row iterators that read from a file, so that errors can name the file and line of
 * the row that failed. Blink asks it right after each {@code next()}.
 */
public interface RowOrigin {

    /** The file the last row returned came from. */
    String file();

    /** The 1-based line on which the last row returned starts. */
    long line();
}
