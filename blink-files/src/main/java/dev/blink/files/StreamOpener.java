package dev.blink.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the bytes of a file that does not live on the file system (a blob, an archive entry, a
 * download), for {@link FileSource#stream}. It is called once per read,
 * so every call must return a fresh stream from the start; Blink closes it.
 *
 * <pre>{@code
 * Csv.from(FileSource.stream("users.csv (S3)", () -> s3.getObject(bucket, "seed/users.csv")))
 * }</pre>
 */
@FunctionalInterface
public interface StreamOpener {

    /** A new stream over the whole file, never null. */
    InputStream open() throws IOException;
}
