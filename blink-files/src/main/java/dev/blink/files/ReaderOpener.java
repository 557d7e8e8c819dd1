package dev.blink.files;

import java.io.IOException;
import java.io.Reader;

/**
 * Opens the characters of a file that the caller decodes (or generates), for
 * {@link FileSource#reader}. It is called once per read, so every call
 * must return a fresh reader from the start; Blink closes it. No charset applies to it.
 *
 * <pre>{@code
 * Csv.from(FileSource.reader("generated users", () -> new StringReader(csvText)))
 * }</pre>
 */
@FunctionalInterface
public interface ReaderOpener {

    /** A new reader over the whole text, never null. */
    Reader open() throws IOException;
}
