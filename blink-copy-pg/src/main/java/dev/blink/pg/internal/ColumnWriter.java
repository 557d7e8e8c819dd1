package dev.blink.pg.internal;

/**
 * Writes one column's values: the encoder is chosen for the column's type and the Java class of
 * the first value, and chosen again only when a value of another class comes.
 */
final class ColumnWriter {

    final String column;
    final PgType type;
    private final Session session;
    private Class<?> lastClass;
    private Encoder last;

    ColumnWriter(String column, PgType type, Session session) {
        this.column = column;
        this.type = type;
        this.session = session;
    }

    void write(CopyStream out, Object value) {
        Class<?> c = value.getClass();
        if (c != lastClass) {
            choose(c);
        }
        last.write(out, value);
    }

    private void choose(Class<?> c) {
        Encoder encoder = Encoders.resolve(type, c, session);
        if (encoder == null) {
            throw BadValue.wrongType();
        }
        last = encoder;
        lastClass = c;
    }

    /** What the column takes, for messages. */
    String expected() {
        if (type.kind == Kind.UNSUPPORTED) {
            return type.display() + ", which has no built-in encoder: register a PgEncoder for \"" + type.name
                    + "\" with PgCopyInserter.builder().encoder(...)";
        }
        return type.display() + " (" + type.kind.javaTypes() + ", or a String in PostgreSQL's text form)";
    }
}
