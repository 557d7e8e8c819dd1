package dev.blink.pg.internal.encode;

import dev.blink.pg.internal.CopyStream;

/**
 * Writes one column's values in binary COPY: the encoder is chosen for the column's type and the
 * Java class of the first value, and chosen again only when a value of another class comes.
 *
 * <p>The common pairs of type and class are {@link Direct} constants, written through their own
 * switch rather than the {@link Encoder} interface: every column shares the one call site of
 * {@code Encoder.write}, so the JIT sees it megamorphic and dispatches through an interface table
 * per value; {@code Direct.write} is a final method whose switch it inlines into the row loop.
 */
public final class ColumnWriter {

    private final String column;
    private final PgType type;
    private final EncoderContext context;
    private Class<?> lastClass;
    private Encoder last;
    private Direct direct;

    /**
     * @param column the column's name
     * @param type its type
     * @param context the session
     */
    public ColumnWriter(String column, PgType type, EncoderContext context) {
        this.column = column;
        this.type = type;
        this.context = context;
    }

    /**
     * Writes a non-null value as a whole field.
     *
     * @throws BadValue if it does not fit the column
     */
    public void write(CopyStream out, Object value) {
        Class<?> c = value.getClass();
        if (c != lastClass) {
            choose(c);
        }
        if (direct != null) {
            direct.write(out, value);
        } else {
            last.write(out, value);
        }
    }

    private void choose(Class<?> c) {
        Encoder encoder = Encoders.resolveBinary(type, c, context);
        if (encoder == null) {
            throw BadValue.wrongType();
        }
        if (encoder instanceof Encoders.ServerReads reads) {
            throw BadValue.of(reads.what + " for a column that the server's input function must read, but this "
                    + "table is sent as binary COPY: Blink decides that per table from its first row, where column \""
                    + column + "\" had " + (lastClass == null ? "no value" : "a " + lastClass.getName())
                    + " and no typed column a String. Give \"" + column + "\" the same kind of value in every row: "
                    + "Java objects (" + type.kind.javaTypes() + "), or Strings from the first row on");
        }
        last = encoder;
        lastClass = c;
        direct = encoder instanceof Direct d ? d : null;
    }

    /** The column's name. */
    public String column() {
        return column;
    }

    /** What the column takes, for messages. */
    public String expected() {
        return expected(type);
    }

    static String expected(PgType type) {
        if (type.kind == Kind.UNSUPPORTED) {
            return type.display() + ", which has no built-in encoder but for a String in its text form: register a "
                    + "PgEncoder for \"" + type.name + "\" with PgCopyInserter.builder().encoder(...)";
        }
        return type.display() + " (" + type.kind.javaTypes() + ", or a String in PostgreSQL's text form)";
    }
}
