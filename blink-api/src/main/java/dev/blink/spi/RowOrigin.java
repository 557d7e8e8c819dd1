package dev.blink.spi;

/**
 * Implemented by row iterators that read from a file, so that errors can name the file and line of
 * the row that failed (Blink asks it right after each {@code next()}), and by the exceptions such an
 * iterator throws about one row, so that Blink's error carries the same place.
 */
public interface RowOrigin {

    /** The file the last row returned (or the failed row) came from. */
    String file();

    /** The 1-based line on which the last row returned (or the failed row) starts; 0 if unknown. */
    long line();

    /**
     * The 1-based number of the failed row among the file's rows, for an exception that names one;
     * 0 if it names none (as for an iterator, whose row Blink counts itself).
     */
    default long record() {
        return 0;
    }
}
