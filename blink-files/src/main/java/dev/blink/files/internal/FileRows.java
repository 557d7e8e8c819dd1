package dev.blink.files.internal;

import dev.blink.files.FileRowException;
import dev.blink.files.FileRowIterator;
import dev.blink.files.RowTransform;
import java.io.IOException;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What every file's row iterator does, whatever the format: reads one row ahead, runs the
 * transform, keeps the file, line and record of the row last returned, turns every failure into a
 * {@link FileRowException} and closes itself on it, at the end, or when closed. A format supplies
 * {@link #read()} and {@link #release()}.
 */
abstract class FileRows implements FileRowIterator {

    /** How errors name the file. */
    final String file;
    private final RowTransform transform;
    private final boolean identity;

    private Map<String, Object> pending;
    private long pendingLine;
    private long line;
    private long record;
    private boolean closed;

    FileRows(String file, RowTransform transform) {
        this.file = file;
        this.transform = transform;
        this.identity = Transforms.isIdentity(transform);
    }

    /** Whether rows go through a transform (then {@link #read()} returns a fresh, mutable map). */
    final boolean transformed() {
        return !identity;
    }

    /**
     * Reads the next row and tells its line with {@link #startsAt}.
     *
     * @return the row, or null at the end
     * @throws IOException a read failure, turned into a {@link FileRowException} by {@link #failure}
     */
    abstract Map<String, Object> read() throws IOException;

    /** A read failure of the row being read (record {@link #recordNumber()} + 1) as the format tells it. */
    abstract FileRowException failure(IOException e);

    /** Closes what the read holds. */
    abstract void release() throws IOException;

    @Override
    public final String file() {
        return file;
    }

    /** Says on which line the row being read starts. */
    final void startsAt(long line) {
        this.pendingLine = line;
    }

    @Override
    public final boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (closed) {
            return false;
        }
        Map<String, Object> row;
        try {
            row = read();
            if (row == null) {
                close();
                return false;
            }
            if (!identity) {
                row = transform(row);
            }
        } catch (IOException e) {
            FileRowException failure = failure(e);
            TextFiles.closeQuietly(this, failure);
            throw failure;
        } catch (RuntimeException e) {
            TextFiles.closeQuietly(this, e);
            throw e;
        }
        pending = row;
        return true;
    }

    @Override
    public final Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows in " + file);
        }
        Map<String, Object> row = pending;
        pending = null;
        line = pendingLine;
        record++;
        return row;
    }

    private Map<String, Object> transform(Map<String, Object> row) {
        Map<String, Object> result;
        try {
            result = transform.apply(row);
        } catch (Exception e) {
            throw new FileRowException(file, pendingLine, record + 1, null, "the transform threw " + e
                    + "; the row was " + TextFiles.quote(String.valueOf(row)), e);
        }
        if (result == null) {
            throw new FileRowException(file, pendingLine, record + 1, null,
                    "the transform returned null; return the row (a Map) to write", null);
        }
        return result;
    }

    /** The line where the row being read starts (for failures). */
    final long pendingLine() {
        return pendingLine;
    }

    @Override
    public final long line() {
        return line;
    }

    @Override
    public final long recordNumber() {
        return record;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending = null;
        try {
            release();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot close " + file + ": " + e, e);
        }
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + file + ", record " + record + ", line " + line + "]";
    }
}
