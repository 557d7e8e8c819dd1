package dev.blink.internal;

/** Renders values for error messages: type and a cut-down text. */
public final class Values {

    /** Longest value text shown in a message. */
    public static final int LENGTH_LIMIT = 200;

    private Values() {
    }

    /** For example {@code java.lang.String "abc"} or {@code null}. */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text;
        if (value instanceof byte[] bytes) {
            text = bytes.length + " bytes";
        } else if (value.getClass().isArray()) {
            text = "array of " + java.lang.reflect.Array.getLength(value);
        } else {
            try {
                text = String.valueOf(value);
            } catch (RuntimeException e) {
                text = "<toString() failed: " + e + ">";
            }
        }
        return value.getClass().getName() + " " + quote(cut(text));
    }

    /** Cuts text to {@link #LENGTH_LIMIT} characters, saying how much was left out. */
    public static String cut(String text) {
        if (text.length() <= LENGTH_LIMIT) {
            return text;
        }
        return text.substring(0, LENGTH_LIMIT) + "… (" + text.length() + " characters)";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\0' -> out.append("\\0");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
