package dev.blink.pg.internal.encode;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A small JSON writer for Map, List, arrays, records, numbers, booleans and strings, in the layout
 * of PostgreSQL's jsonb output ({@code {"a": 1, "b": [1, 2]}}). Strings, characters, enums (by
 * name), UUIDs and java.time values (in their ISO form) are JSON strings. Any other object has no
 * JSON form that Blink could know, and is refused rather than written as its {@code toString()}.
 */
final class JsonText {

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

    /** Classes whose {@code toString()} is their ISO 8601 form. */
    private static final Set<Class<?>> ISO = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
            LocalTime.class, OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class, Year.class, YearMonth.class,
            MonthDay.class, Duration.class, Period.class, UUID.class);

    private JsonText() {
    }

    /** Whether values of this class are written as a JSON document (other than a String, taken as JSON text). */
    static boolean writable(Class<?> c) {
        return Map.class.isAssignableFrom(c) || Iterable.class.isAssignableFrom(c) || c.isArray() || c.isRecord()
                || Number.class.isAssignableFrom(c) || c == Boolean.class;
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(64);
        write(out, value);
        return out.toString();
    }

    static void write(StringBuilder out, Object value) {
        write(out, value, 0, "the value");
    }

    private static void write(StringBuilder out, Object value, int depth, String where) {
        if (depth > 200) {
            throw BadValue.of("the value nests more than 200 levels deep (a cycle?)");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character || ISO.contains(value.getClass())) {
            string(out, value.toString());
        } else if (value instanceof Enum<?> e) {
            string(out, e.name());
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number n) {
            number(out, n, where);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                String key = key(entry.getKey(), where);
                string(out, key);
                out.append(": ");
                write(out, entry.getValue(), depth + 1, "key \"" + key + "\"");
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            int i = 0;
            for (Object item : list) {
                if (i > 0) {
                    out.append(", ");
                }
                write(out, item, depth + 1, "element " + i + " of " + where);
                i++;
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(out, Array.get(value, i), depth + 1, "element " + i + " of " + where);
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
                Object item;
                try {
                    item = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw BadValue.of("reading record component " + component.getName() + " failed: " + e);
                }
                write(out, item, depth + 1, "component " + component.getName());
            }
            out.append('}');
        } else {
            throw BadValue.of("JSON has no form for the " + value.getClass().getName() + " at " + where
                    + "; convert it to a String, Number, Boolean, Map, List or record first, or pass the whole "
                    + "value as JSON text in a String");
        }
    }

    private static void number(StringBuilder out, Number n, String where) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof BigDecimal) {
            out.append(n);
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw BadValue.of("JSON has no NaN or Infinity (at " + where + ")");
            }
            out.append(n);
        } else {
            try {
                out.append(new BigDecimal(n.toString()));
            } catch (NumberFormatException e) {
                throw BadValue.of("the " + n.getClass().getName() + " at " + where + " has no decimal form (\""
                        + n + "\"); convert it to a BigDecimal or Long first");
            }
        }
    }

    private static String key(Object key, String where) {
        if (key instanceof CharSequence || key instanceof Character || key instanceof Number
                || key instanceof Boolean || key instanceof UUID) {
            return key.toString();
        }
        if (key instanceof Enum<?> e) {
            return e.name();
        }
        throw BadValue.of("a JSON object's key must be text, but " + where + " has a "
                + (key == null ? "null key" : "key of " + key.getClass().getName())
                + "; use String keys (or numbers, enums, UUIDs)");
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
