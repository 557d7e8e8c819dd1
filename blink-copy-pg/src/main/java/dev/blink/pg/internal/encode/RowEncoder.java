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
    private int failed = -1;

    private RowEncoder(int n, boolean[] constant) {
        this.n = n;
        this.constant = constant;
        this.encoded = new byte[n][];
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
        return why == null ? new Binary(columns, types, constant, context)
                : new Text(columns, types, constant, context, why);
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
    }

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
        public void write(CopyStream out, Object[] values) {
            int i = 0;
            try {
                out.int2(n);
                for (; i < n; i++) {
                    if (constant[i]) {
                        out.bytes(encoded[i]);
                        continue;
                    }
                    Object value = values[i];
                    if (value == null) {
                        out.nullValue();
                    } else {
                        writers[i].write(out, value);
                    }
                }
            } catch (BadValue e) {
                throw failed(i, e);
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
        public void write(CopyStream out, Object[] values) {
            int i = 0;
            try {
                for (; i < n; i++) {
                    if (i > 0) {
                        out.int1('\t');
                    }
                    if (constant[i]) {
                        out.bytes(encoded[i]);
                        continue;
                    }
                    field(out, i, values[i]);
                }
                out.int1('\n');
            } catch (BadValue e) {
                throw failed(i, e);
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
