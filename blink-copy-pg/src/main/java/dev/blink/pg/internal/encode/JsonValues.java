package dev.blink.pg.internal.encode;

import dev.blink.pg.internal.CopyStream;

/**
 * json and jsonb: a String is JSON text, written as it is (both types' binary input parses it as
 * their input function does); a Map, List, array, record, number or boolean is written as JSON by
 * {@link JsonText}.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Encoder binary(Kind kind, Class<?> c) {
        if (c == String.class) {
            return kind == Kind.JSONB ? Direct.JSONB : (out, v) -> out.textValue((String) v);
        }
        if (!JsonText.writable(c)) {
            return null;
        }
        return kind == Kind.JSONB ? (out, v) -> jsonb(out, JsonText.write(v)) : (out, v) -> out.textValue(JsonText.write(v));
    }

    static TextEncoder text(Class<?> c) {
        return JsonText.writable(c) ? (out, v) -> JsonText.write(out, v) : null;
    }

    /** JSON text as jsonb: version 1, then the text (long text streamed, see {@link CopyStream#jsonbValue}). */
    static void jsonb(CopyStream out, String json) {
        out.jsonbValue(json);
    }
}
