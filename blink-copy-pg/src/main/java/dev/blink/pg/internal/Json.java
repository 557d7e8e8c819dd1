package dev.blink.pg.internal;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * A tiny JSON writer for Map, List, arrays, records, numbers, booleans and strings, in the layout of
 * PostgreSQL's jsonb output ({@code {"a": 1, "b": [1, 2]}}).
 */
final class Json {

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private Json() {
    }

    /** Whether values of this class are written as a JSON document (other than a String, taken as is). */
    static boolean writable(Class<?> c) {
        return Map.class.isAssignableFrom(c) || Iterable.class.isAssignableFrom(c) || c.isArray() || c.isRecord()
                || Number.class.isAssignableFrom(c) || c == Boolean.class;
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(64);
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (depth > 200) {
            throw BadValue.of("the value nests more than 200 levels deep (a cycle?)");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>
                || value instanceof java.util.UUID || value instanceof java.time.temporal.TemporalAccessor) {
            string(out, value instanceof Enum<?> e ? e.name() : value.toString());
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw BadValue.of("JSON has no NaN or Infinity");
            }
            out.append(value);
        } else if (value instanceof Number n) {
            out.append(new BigDecimal(n.toString()));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                string(out, String.valueOf(entry.getKey()));
                out.append(": ");
                write(out, entry.getValue(), depth + 1);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                write(out, item, depth + 1);
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            int n = java.lang.reflect.Array.getLength(value);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(out, java.lang.reflect.Array.get(value, i), depth + 1);
            }
            out.append(']');
        } else if (value instanceof Record) {
            out.append('{');
            boolean first = true;
            for (RecordComponent component : COMPONENTS.get(value.getClass())) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                string(out, component.getName());
                out.append(": ");
                try {
                    write(out, component.getAccessor().invoke(value), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw BadValue.of("reading record component " + component.getName() + " failed: " + e);
                }
            }
            out.append('}');
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
