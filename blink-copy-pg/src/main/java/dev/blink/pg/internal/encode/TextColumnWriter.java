package dev.blink.pg.internal.encode;

import dev.blink.pg.internal.CopyStream;

/**
 * Writes one column's values as fields of COPY text: a String as it is (the server's input
 * function reads it, under the session's settings), any other value in its text form. The form
 * is chosen for the Java class of the first value, and again only when a value of another class
 * comes.
 */
public final class TextColumnWriter {

    private final String column;
    private final PgType type;
    private final EncoderContext context;
    /** Why the table goes as text, for messages. */
    private final String why;
    private final StringBuilder scratch = new StringBuilder(64);
    private Class<?> lastClass;
    private TextEncoder last;

    /**
     * @param column the column's name
     * @param type its type
     * @param context the session
     * @param why why the table goes as COPY text (a column and what it receives), for messages
     */
    TextColumnWriter(String column, PgType type, EncoderContext context, String why) {
        this.column = column;
        this.type = type;
        this.context = context;
        this.why = why;
    }

    /**
     * Writes a non-null value as one field (without the tab or newline after it).
     *
     * @throws BadValue if it does not fit the column
     */
    public void write(CopyStream out, Object value) {
        Class<?> c = value.getClass();
        if (c != lastClass) {
            TextEncoder encoder = Encoders.resolveText(type, c, context, why);
            if (encoder == null) {
                throw BadValue.wrongType();
            }
            last = encoder;
            lastClass = c;
        }
        if (last == Texts.AS_IS) {
            out.copyText((String) value);
            return;
        }
        StringBuilder text = scratch;
        text.setLength(0);
        try {
            last.append(text, value);
        } catch (CustomEncoders.NullText e) {
            out.textNull();
            return;
        }
        out.copyText(text);
        if (text.length() > 1 << 16) {
            scratch.setLength(0);
            scratch.trimToSize();
        }
    }

    /** The column's name. */
    public String column() {
        return column;
    }

    /** What the column takes, for messages. */
    public String expected() {
        return ColumnWriter.expected(type);
    }
}
