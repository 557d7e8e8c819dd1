package dev.blink.pg.internal.encode;

/**
 * text, varchar, char(n), citext and the like, name, xml, {@code "char"} and enums. A String for
 * text or an enum is written in binary as it is: their binary input reads what their input
 * function reads. Not so for {@code name} (binary refuses what the input function cuts to 63
 * bytes), {@code xml} (binary input honours an {@code encoding=} declaration) and {@code "char"}
 * (whose input function changed in PostgreSQL 15): their text goes to the server's input function,
 * in a table sent as COPY text.
 */
final class Texts {

    /** A String in a table sent as text: the server's input function reads it as it is. */
    static final TextEncoder AS_IS = (out, v) -> out.append((String) v);

    private Texts() {
    }

    private static boolean textual(Class<?> c) {
        return CharSequence.class.isAssignableFrom(c) || c == Character.class || Enum.class.isAssignableFrom(c);
    }

    static Encoder binary(Kind kind, Class<?> c) {
        if (kind == Kind.CHAR) {
            return c == Character.class ? (out, v) -> {
                out.int4(1);
                out.int1(internalChar((Character) v));
            } : null;
        }
        if (!textual(c) || kind == Kind.XML && !CharSequence.class.isAssignableFrom(c)) {
            return null;
        }
        if (kind == Kind.NAME || kind == Kind.XML) {
            return Encoders.TEXT_FORM;
        }
        if (c == String.class) {
            return Direct.TEXT;
        }
        if (c == Character.class) {
            return (out, v) -> out.textValue(String.valueOf((char) (Character) v));
        }
        if (Enum.class.isAssignableFrom(c)) {
            return (out, v) -> out.textValue(((Enum<?>) v).name());
        }
        return (out, v) -> out.textValue((CharSequence) v);
    }

    static TextEncoder text(Kind kind, Class<?> c) {
        if (kind == Kind.CHAR) {
            return c == Character.class ? (out, v) -> {
                char ch = internalChar((Character) v);
                if (ch != 0) {
                    out.append(ch); // the input function reads "" as the zero byte
                }
            } : null;
        }
        if (!textual(c) || kind == Kind.XML && !CharSequence.class.isAssignableFrom(c)) {
            return null;
        }
        if (Enum.class.isAssignableFrom(c)) {
            return (out, v) -> out.append(((Enum<?>) v).name());
        }
        return (out, v) -> out.append(v);
    }

    private static char internalChar(char ch) {
        if (ch >= 0x80) {
            throw BadValue.of("\"char\" holds one byte; use a character below U+0080");
        }
        return ch;
    }
}
