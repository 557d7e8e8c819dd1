package dev.blink.pg.internal.encode;

import dev.blink.pg.PgEncoder;
import dev.blink.pg.internal.CopyStream;
import java.util.List;

/**
 * Writes a table's rows in the COPY format chosen for it once, from its first row, before the COPY
 * starts: binary, unless a typed column receives a String that only the server's input function
 * can read (a String for int4, timestamptz, an array…, or a LocalDateTime for timestamptz in a
 * session whose TimeZone has rules). Then the whole table goes as COPY text: every String reaches
 * the input function as it is, and every other value is written in its text form.
 *
 * <p>Binary is the fast path (no text to parse on the server); text makes the server the only
 * reader of text forms, so whatever it stores is what the same text stores in SQL, on every
 * version and under every session setting.
 */
public abstract sealed class RowEncoder permits RowEncoder.Binary, RowEncoder.Text {

    final int n;
    final boolean[] constant;
    final byte[][] encoded;
    /** The columns that are not constant, in order: the only ones the row loop encodes. */
    final int[] varying;
    /**
     * What a row starts with (the binary field count, then the bytes of the constant columns before
     * the first varying one) and, per varying column, the bytes of the constant columns right after
     * it (null if none): the constants are encoded once, and a row only appends their bytes.
     */
    byte[] lead;
    byte[][] after;
    private int failed = -1;

    private RowEncoder(int n, boolean[] constant) {
        this.n = n;
        this.constant = constant;
        this.encoded = new byte[n][];
        int count = 0;
        for (boolean c : constant) {
            count += c ? 0 : 1;
        }
        this.varying = new int[count];
        for (int i = 0, k = 0; i < n; i++) {
            if (!constant[i]) {
                varying[k++] = i;
            }
        }
    }

    /**
     * Chooses the format for a table from its first row.
     *
     * @param columns the columns' names
     * @param types their types
     * @param constant which columns hold one value for every row (encoded once)
     * @param first the first row's values, or null if the table has no rows
     * @param context the session
     * @see #encodeConstants(Object[])
     */
    public static RowEncoder forTable(List<String> columns, List<PgType> types, boolean[] constant, Object[] first,
                                      EncoderContext context) {
        String why = first == null ? null : whyText(columns, types, first, context);
        RowEncoder rows = why == null ? new Binary(columns, types, constant, context)
                : new Text(columns, types, constant, context, why);
        if (rows.varying.length == rows.n) {
            rows.segments(); // no constants to wait for
        }
        return rows;
    }

    /**
     * Encodes the constant columns' values once, from the first row.
     *
     * @throws BadValue if one does not fit; {@link #failedColumn()} then says which
     */
    public void encodeConstants(Object[] first) {
        for (int i = 0; i < n; i++) {
            if (constant[i]) {
                encodeOnce(i, first[i]);
            }
        }
        segments();
    }

    /** Joins the constants' bytes into {@link #lead} and {@link #after}, with the format's framing. */
    private void segments() {
        if (varying.length == n && n > 0) {
            noConstants();
            return;
        }
        CopyStream part = CopyStream.inMemory();
        rowStart(part);
        after = new byte[varying.length][];
        int k = -1;
        for (int i = 0; i < n; i++) {
            if (!constant[i]) {
                close(k, part);
                part = CopyStream.inMemory();
                k++;
                continue;
            }
            separator(part, i);
            part.bytes(encoded[i]);
        }
        rowEnd(part);
        close(k, part);
        boolean none = true;
        for (byte[] segment : after) {
            none &= segment == null;
        }
        if (none) {
            after = null; // no constant after any varying column: the row loop need not look
        }
    }

    /** {@link #segments} of a table without constant columns, in two small buffers rather than one per column. */
    private void noConstants() {
        CopyStream part = CopyStream.inMemory();
        rowStart(part);
        lead = part.toByteArray();
        CopyStream end = CopyStream.inMemory();
        rowEnd(end);
        byte[] tail = end.toByteArray();
        after = null;
        if (tail.length > 0) {
            after = new byte[n][];
            after[n - 1] = tail;
        }
    }

    /** Ends the segment before varying column {@code k + 1}: the lead if {@code k} is -1. */
    private void close(int k, CopyStream part) {
        byte[] bytes = part.toByteArray();
        if (k < 0) {
            lead = bytes;
        } else {
            after[k] = bytes.length == 0 ? null : bytes;
        }
    }

    /** What a row begins with, before its first field. */
    abstract void rowStart(CopyStream out);

    /** What goes before the field of column {@code i}. */
    abstract void separator(CopyStream out, int i);

    /** What a row ends with, after its last field. */
    abstract void rowEnd(CopyStream out);

    /** What a column of {@code type} takes, for messages. */
    public static String expected(PgType type) {
        return ColumnWriter.expected(type);
    }

    /** Why the table must be sent as COPY text, or null if binary takes every value of the first row. */
    static String whyText(List<String> columns, List<PgType> types, Object[] first, EncoderContext context) {
        for (int i = 0; i < first.length; i++) {
            Object value = first[i];
            PgType type = types.get(i);
            EncoderContext session = context;
            if (value != null && Encoders.custom(type, value.getClass(), context) instanceof PgEncoder.Converter<?> c) {
                value = convertQuietly(c, value);
                session = context.builtInOnly();
            }
            if (value == null) {
                continue;
            }
            Encoder encoder = Encoders.resolveBinary(type, value.getClass(), session);
            if (encoder instanceof Encoders.ServerReads reads) {
                return "column \"" + columns.get(i) + "\" (" + type.display() + ") receives " + reads.what
                        + " in the first row";
            }
            if (type.kind == Kind.ARRAY && encoder != null && ArrayValues.needsServer(type, value, session)) {
                return "column \"" + columns.get(i) + "\" (" + type.display() + ") receives elements that are "
                        + "Strings in PostgreSQL's text form in the first row";
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> Object convertQuietly(PgEncoder.Converter<T> converter, Object value) {
        try {
            return converter.converter().apply((T) value);
        } catch (RuntimeException e) {
            return null; // the column's writer reports it at the row
        }
    }

    /** The options of the COPY statement: {@code FORMAT binary} or {@code FORMAT text}. */
    public abstract String copyOptions();

    /** Whether the table goes as COPY text. */
    public boolean text() {
        return this instanceof Text;
    }

    /** What comes before the first row. */
    public abstract void header(CopyStream out);

    /** What comes after the last row. */
    public abstract void trailer(CopyStream out);

    /**
     * Writes one row.
     *
     * @throws BadValue if a value does not fit; {@link #failedColumn()} then says which
     */
    public abstract void write(CopyStream out, Object[] values);

    /** The index of the column whose value failed last. */
    public int failedColumn() {
        return failed;
    }

    BadValue failed(int column, BadValue e) {
        failed = column;
        return e;
    }

    /** What column {@code i} takes, for messages. */
    public abstract String expected(int i);

    abstract void field(CopyStream out, int i, Object value);

    private void encodeOnce(int i, Object value) {
        CopyStream scratch = CopyStream.inMemory();
        try {
            field(scratch, i, value);
        } catch (BadValue e) {
            throw failed(i, e);
        }
        encoded[i] = scratch.toByteArray();
    }

    /** Binary COPY: the fast path. */
    static final class Binary extends RowEncoder {
        private final ColumnWriter[] writers;

        Binary(List<String> columns, List<PgType> types, boolean[] constant, EncoderContext context) {
            super(columns.size(), constant);
            writers = new ColumnWriter[n];
            for (int i = 0; i < n; i++) {
                writers[i] = new ColumnWriter(columns.get(i), types.get(i), context);
            }
        }

        @Override
        public String copyOptions() {
            return "FORMAT binary";
        }

        @Override
        public void header(CopyStream out) {
            out.header();
        }

        @Override
        public void trailer(CopyStream out) {
            out.int2(-1);
        }

        @Override
        void rowStart(CopyStream out) {
            out.int2(n);
        }

        @Override
        void separator(CopyStream out, int i) {
        }

        @Override
        void rowEnd(CopyStream out) {
        }

        @Override
        public void write(CopyStream out, Object[] values) {
            int[] columns = varying;
            byte[][] constants = after;
            int k = 0;
            try {
                if (lead.length == 2) {
                    out.int2(n); // no constant before the first varying column
                } else {
                    out.bytes(lead);
                }
                if (constants == null) {
                    for (; k < columns.length; k++) {
                        field(out, columns[k], values[columns[k]]);
                    }
                    return;
                }
                for (; k < columns.length; k++) {
                    int i = columns[k];
                    field(out, i, values[i]);
                    byte[] next = constants[k];
                    if (next != null) {
                        out.bytes(next);
                    }
                }
            } catch (BadValue e) {
                throw failed(columns[k], e);
            }
        }

        @Override
        void field(CopyStream out, int i, Object value) {
            if (value == null) {
                out.nullValue();
            } else {
                writers[i].write(out, value);
            }
        }

        @Override
        public String expected(int i) {
            return writers[i].expected();
        }
    }

    /** COPY text: the server's input functions read every value. */
    static final class Text extends RowEncoder {
        private final TextColumnWriter[] writers;

        Text(List<String> columns, List<PgType> types, boolean[] constant, EncoderContext context, String why) {
            super(columns.size(), constant);
            writers = new TextColumnWriter[n];
            for (int i = 0; i < n; i++) {
                writers[i] = new TextColumnWriter(columns.get(i), types.get(i), context, why);
            }
        }

        @Override
        public String copyOptions() {
            return "FORMAT text";
        }

        @Override
        public void header(CopyStream out) {
        }

        @Override
        public void trailer(CopyStream out) {
        }

        @Override
        void rowStart(CopyStream out) {
        }

        @Override
        void separator(CopyStream out, int i) {
            if (i > 0) {
                out.int1('\t');
            }
        }

        @Override
        void rowEnd(CopyStream out) {
            out.int1('\n');
        }

        @Override
        public void write(CopyStream out, Object[] values) {
            int[] columns = varying;
            byte[][] constants = after; // never null: the last segment holds the row's end
            int k = 0;
            try {
                out.bytes(lead);
                for (; k < columns.length; k++) {
                    int i = columns[k];
                    if (i > 0) {
                        out.int1('\t');
                    }
                    field(out, i, values[i]);
                    byte[] next = constants[k];
                    if (next != null) {
                        out.bytes(next);
                    }
                }
            } catch (BadValue e) {
                throw failed(columns[k], e);
            }
        }

        @Override
        void field(CopyStream out, int i, Object value) {
            if (value == null) {
                out.textNull();
            } else {
                writers[i].write(out, value);
            }
        }

        @Override
        public String expected(int i) {
            return writers[i].expected();
        }
    }
}
