package dev.blink.files.internal;

import dev.blink.files.FileSource;
import dev.blink.Location;
import dev.blink.TableName;
import dev.blink.files.EmptyCell;
import dev.blink.files.FileRowException;
import dev.blink.spi.CsvDialect;
import dev.blink.spi.CsvInput;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One read of a CSV file as the bytes that go to {@code COPY … (FORMAT csv)}: from the header
 * line (or the first record) to the end, without a UTF-8 byte order mark and the skipped lines, in
 * the file's own encoding when PostgreSQL knows it (the server decodes it), else decoded by Java
 * and sent as UTF-8.
 *
 * <p>On the way it refuses a record that is {@code \.} alone (see {@link CsvLexer}): a cheap scan
 * of the bytes finds such lines, and only if it finds one is the file split with COPY's rules to
 * tell a record from a line inside quotes. When the store retains rows, every byte passes through
 * a {@link CsvRowIterator} instead, which splits the records for the store as COPY will (and
 * refuses the marker itself). A server error's {@code line N} is found by splitting the file
 * again.
 */
public final class CsvCopyInput extends FileInput implements CsvInput {

    private static final int BUFFER = 64 * 1024;
    /**
     * The buffer under {@link LineSkipper}: the skipped lines and the byte order mark are read
     * through it, COPY's chunks (larger) go past it to the file.
     */
    private static final int SKIP_BUFFER = 8192;

    private final CsvSettings settings;

    private boolean opened;
    private List<String> columns;
    private CsvDialect dialect;
    private InputStream bytes;
    private MarkerScan scan;
    private CsvRowIterator tee;
    private Queue queue;

    /** Prepares a read of the CSV file for COPY; the header is read when first asked for. */
    public CsvCopyInput(CsvSettings settings, TableName table, String step, Consumer<Map<String, Object>> rows) {
        super(table, step, rows);
        this.settings = settings;
    }

    @Override
    public List<String> columns() {
        open();
        return columns;
    }

    @Override
    public CsvDialect dialect() {
        open();
        return dialect;
    }

    private void open() {
        if (opened) {
            return;
        }
        opened = true;
        columns = CsvRowIterator.columnsOf(settings);
        if (columns.isEmpty()) {
            return;
        }
        FileSource source = settings.source();
        String encoding = source.isCharacters() ? null : Encodings.postgresql(settings.charset()).orElse(null);
        Charset sent = encoding == null ? StandardCharsets.UTF_8 : settings.charset();
        boolean nullString = !settings.nullString().isEmpty();
        dialect = new CsvDialect(settings.delimiter(), settings.quote(),
                settings.escape() == null ? settings.quote() : settings.escape(), settings.nullString(),
                settings.header() == null, encoding == null ? "UTF8" : encoding,
                settings.empty() == EmptyCell.NULL && !nullString, settings.empty() == EmptyCell.EMPTY_STRING && !nullString);
        if (rows != null && !Encodings.javaDecodes(sent)) {
            throw new FileRowException(source.name(), 0, 0, null, "the table retains its rows, which Blink splits "
                    + "from the file itself, but Java decodes " + sent.name() + " differently from PostgreSQL for some "
                    + "characters, so the store could hold other text than the table. Retain nothing "
                    + "(TableOptions.retain(Retain.NONE)), or convert the file to UTF-8", null);
        }
        InputStream in;
        try {
            in = encoding == null ? new Utf8Bytes(TextFiles.open(source, settings.charset(), "CSV"))
                    : source.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the CSV file " + source + ": " + e, e);
        }
        bytes = new LineSkipper(new BufferedInputStream(in, SKIP_BUFFER), "UTF8".equals(encoding), settings.skipLines());
        if (rows == null) {
            scan = new MarkerScan();
            return;
        }
        queue = new Queue(bytes);
        tee = CsvRowIterator.open(settings, Transforms.identity(), new StrictReader(queue, sent), true);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        open();
        if (bytes == null) {
            return -1;
        }
        if (tee != null) {
            while (queue.isEmpty() && tee.hasNext()) {
                rows.accept(tee.next());
            }
            return queue.drain(buffer, offset, length);
        }
        int n = bytes.read(buffer, offset, length);
        if (n > 0 && scan != null && scan.candidate(buffer, offset, n)) {
            refuseMarker();
            scan = null;
        }
        return n;
    }

    /**
     * A line starts with {@code \.} and a line break: splits the whole file with COPY's rules, and
     * refuses it if that line starts a record. What else the splitting finds, the server reports.
     */
    private void refuseMarker() {
        Reader reader = TextFiles.open(settings.source(), settings.charset(), "CSV");
        CsvLexer lexer = CsvRowIterator.lexer(settings, reader);
        try {
            lexer.skipLines(settings.skipLines());
            while (lexer.next()) {
                // the marker is refused by next()
            }
        } catch (CsvFormatException e) {
            if (e.marker()) {
                throw CsvRowIterator.formatFailure(settings, e, lexer.records() + (dialect.header() ? 0 : 1), lexer);
            }
        } catch (IOException e) {
            // undecodable text: the server decodes the file itself, and reports what it refuses
        } finally {
            TextFiles.closeQuietly(reader, new IOException("closing " + settings.source()));
        }
    }

    @Override
    public Location location(long copyLine) {
        Location where = Location.of(step);
        if (!opened || columns.isEmpty() || copyLine < 1) {
            return where;
        }
        String file = settings.source().name();
        long headerRecords = dialect.header() ? 1 : 0;
        Reader reader;
        try {
            reader = TextFiles.open(settings.source(), settings.charset(), "CSV");
        } catch (RuntimeException e) {
            return where.file(file, 0);
        }
        CsvLexer lexer = CsvRowIterator.lexer(settings, reader);
        try {
            lexer.skipLines(settings.skipLines());
            while (lexer.next()) {
                if (lexer.holdsCopyLine(copyLine)) {
                    return where.row(Math.max(0, lexer.records() - headerRecords)).file(file, lexer.line());
                }
                if (lexer.copyLine() > copyLine) {
                    break;
                }
            }
            return where.file(file, 0);
        } catch (IOException e) {
            // the record COPY refused, or one before it that Java cannot decode: named if it is COPY's
            return copyLine >= lexer.recordCopyLine()
                    ? where.row(Math.max(0, lexer.records() + 1 - headerRecords)).file(file, lexer.line())
                    : where.file(file, 0);
        } finally {
            TextFiles.closeQuietly(reader, new IOException("closing " + file));
        }
    }

    @Override
    public void close() {
        AutoCloseable open = tee != null ? tee : bytes;
        tee = null;
        bytes = null;
        if (open != null) {
            try {
                open.close();
            } catch (Exception e) {
                throw new UncheckedIOException("Cannot close the CSV file " + settings.source() + ": " + e,
                        e instanceof IOException io ? io : new IOException(e));
            }
        }
    }

    @Override
    public String toString() {
        return "CsvCopyInput[" + settings + "]";
    }

    /**
     * The bytes going to COPY, as the tee's decoder takes them: every byte it reads is also kept
     * for {@link #drain}, so the server gets exactly the bytes that the store's rows were split from.
     */
    private static final class Queue extends FilterInputStream {

        private byte[] kept = new byte[BUFFER];
        private int start;
        private int end;

        Queue(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                if (end + n > kept.length) {
                    int size = end - start;
                    byte[] target = size + n > kept.length ? new byte[Math.max(kept.length * 2, size + n)] : kept;
                    System.arraycopy(kept, start, target, 0, size);
                    kept = target;
                    start = 0;
                    end = size;
                }
                System.arraycopy(buffer, offset, kept, end, n);
                end += n;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        boolean isEmpty() {
            return start == end;
        }

        /** Hands on kept bytes; -1 if none are left (the tee has read the whole file). */
        int drain(byte[] buffer, int offset, int length) {
            if (start == end) {
                return -1;
            }
            int n = Math.min(length, end - start);
            System.arraycopy(kept, start, buffer, offset, n);
            start += n;
            return n;
        }
    }
}
