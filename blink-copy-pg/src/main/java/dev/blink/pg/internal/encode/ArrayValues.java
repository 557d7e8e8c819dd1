package dev.blink.pg.internal.encode;

import dev.blink.pg.internal.CopyStream;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Arrays: Java arrays (primitive or not) and Collections, nested for more dimensions, with null
 * elements; lower bounds are 1. Each element is written by its own type's rules, in binary or as
 * a quoted element of the text form ({@code {"1","2",NULL}}). A String for the whole column is
 * PostgreSQL's array literal, which the server reads.
 */
final class ArrayValues {

    private static final int MAX_DIMENSIONS = 6;

    private ArrayValues() {
    }

    static Encoder binary(PgType type, Class<?> c, EncoderContext context) {
        return isArray(c, type.element.kind) ? new BinaryArray(type.element, context) : null;
    }

    static TextEncoder text(PgType type, Class<?> c, EncoderContext context) {
        return isArray(c, type.element.kind) ? new TextArray(type.element, context) : null;
    }

    private static boolean isArray(Class<?> c, Kind element) {
        return Collection.class.isAssignableFrom(c) || c.isArray() && !scalarArray(c, element);
    }

    /** byte[] is one value for bytea and MAC addresses, not an array of numbers. */
    private static boolean scalarArray(Class<?> c, Kind element) {
        return c == byte[].class && (element == Kind.BYTEA || element == Kind.MACADDR || element == Kind.MACADDR8);
    }

    /**
     * Whether {@code value}, for a column of array {@code type}, holds an element that only the
     * server can read (a String for an element type such as int4), so the table goes as COPY text.
     */
    static boolean needsServer(PgType type, Object value, EncoderContext context) {
        Shape shape = new Shape(type.element);
        return shape.needsServer(value, 0, context);
    }

    /** How nested values map onto dimensions: the rules that both forms share. */
    private static final class Shape {
        final PgType element;
        final boolean nestedIsElement;

        Shape(PgType element) {
            this.element = element;
            this.nestedIsElement = element.kind == Kind.JSON || element.kind == Kind.JSONB;
        }

        boolean isSub(Object v, int depth) {
            if (v == null || (depth > 0 && nestedIsElement)) {
                return false;
            }
            return v instanceof Collection<?> || v.getClass().isArray() && !scalarArray(v.getClass(), element.kind);
        }

        static int size(Object v) {
            return v instanceof Collection<?> c ? c.size() : Array.getLength(v);
        }

        private static Object first(Object v) {
            if (v instanceof List<?> list) {
                return list.get(0);
            }
            if (v instanceof Collection<?> c) {
                return c.iterator().next();
            }
            if (v instanceof Object[] a) {
                return a[0];
            }
            return null; // a primitive array: its elements are scalars
        }

        /** The dimensions, from the first element at each depth; null for an empty array. */
        int[] dims(Object value) {
            int[] dims = new int[MAX_DIMENSIONS];
            int ndim = 0;
            Object current = value;
            while (isSub(current, ndim)) {
                if (ndim == MAX_DIMENSIONS) {
                    throw BadValue.of("PostgreSQL arrays have at most 6 dimensions");
                }
                int n = size(current);
                dims[ndim++] = n;
                if (n == 0) {
                    if (ndim > 1) {
                        checkEmpty(value);
                    }
                    return null;
                }
                current = first(current);
            }
            return java.util.Arrays.copyOf(dims, ndim);
        }

        private void checkEmpty(Object value) {
            // an array with a zero-length dimension is empty; every sub-array must then be empty too
            if (value instanceof Collection<?> c) {
                for (Object item : c) {
                    if (item == null || !isSub(item, 1) || size(item) != 0) {
                        throw ragged(0);
                    }
                }
            }
        }

        BadValue wrongElement(Class<?> c) {
            return BadValue.of("an element is a " + c.getName() + ", but " + element.display() + " takes "
                    + element.kind.javaTypes() + " or a String in its text form");
        }

        BadValue ragged(int depth) {
            return BadValue.of("multidimensional arrays must have sub-arrays with matching dimensions "
                    + "(a sub-array at depth " + (depth + 1) + " differs in size or shape)");
        }

        /** Checks that {@code value} is a sub-array of the expected size at {@code depth}. */
        void check(Object value, int depth, int[] dims) {
            if (!isSub(value, depth) || size(value) != dims[depth]) {
                throw ragged(depth);
            }
        }

        boolean needsServer(Object value, int depth, EncoderContext context) {
            if (value == null) {
                return false;
            }
            if (!isSub(value, depth)) {
                Encoder encoder = Encoders.resolveBinary(element, value.getClass(), context);
                return encoder instanceof Encoders.ServerReads;
            }
            if (value instanceof Iterable<?> items) {
                for (Object item : items) {
                    if (needsServer(item, depth + 1, context)) {
                        return true;
                    }
                }
            } else if (value instanceof Object[] items) {
                for (Object item : items) {
                    if (needsServer(item, depth + 1, context)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Writes Java arrays and Collections in binary; one element encoder cached per class seen. */
    private static final class BinaryArray implements Encoder {
        private final PgType element;
        private final EncoderContext context;
        private final Shape shape;
        private final boolean plainElements;
        private Class<?> lastClass;
        private Encoder last;

        BinaryArray(PgType element, EncoderContext context) {
            this.element = element;
            this.context = context;
            this.shape = new Shape(element);
            this.plainElements = element.base == null && context.custom.isEmpty();
        }

        @Override
        public void write(CopyStream out, Object value) {
            int[] dims = shape.dims(value);
            if (dims == null) {
                out.int4(12);
                out.int4(0);
                out.int4(0);
                out.int4(element.oid);
                return;
            }
            int ndim = dims.length;
            out.begin();
            out.int4(ndim);
            out.int4(0);
            out.int4(element.oid);
            for (int d = 0; d < ndim; d++) {
                out.int4(dims[d]);
                out.int4(1);
            }
            if (level(out, value, 0, dims)) {
                out.patchInt4(4, 1);
            }
            out.end();
        }

        /** Writes one level; returns whether a NULL element was written. */
        private boolean level(CopyStream out, Object value, int depth, int[] dims) {
            if (depth == dims.length) {
                if (value == null) {
                    out.nullValue();
                    return true;
                }
                if (shape.isSub(value, depth)) {
                    throw shape.ragged(depth - 1);
                }
                Class<?> c = value.getClass();
                if (c != lastClass) {
                    Encoder next = Encoders.resolveBinary(element, c, context);
                    if (next == null) {
                        throw shape.wrongElement(c);
                    }
                    if (next instanceof Encoders.ServerReads reads) {
                        throw BadValue.of("an element is " + reads.what + ", which the server's input function must "
                                + "read, but this table is sent as binary COPY: Blink decides that per table from its "
                                + "first row, where this column's elements were not Strings; give every row the same "
                                + "kind of elements");
                    }
                    last = next;
                    lastClass = c;
                }
                last.write(out, value);
                return false;
            }
            shape.check(value, depth, dims);
            boolean hasNull = false;
            if (value instanceof Collection<?> c) {
                Iterator<?> items = c.iterator();
                while (items.hasNext()) {
                    hasNull |= level(out, items.next(), depth + 1, dims);
                }
            } else if (value instanceof Object[] a) {
                for (Object item : a) {
                    hasNull |= level(out, item, depth + 1, dims);
                }
            } else if (value instanceof int[] a && element.kind == Kind.INT4 && plainElements) {
                for (int x : a) {
                    out.valueInt4(x);
                }
            } else if (value instanceof long[] a && element.kind == Kind.INT8 && plainElements) {
                for (long x : a) {
                    out.valueInt8(x);
                }
            } else {
                int n = Array.getLength(value);
                for (int i = 0; i < n; i++) {
                    level(out, Array.get(value, i), depth + 1, dims);
                }
            }
            return hasNull;
        }
    }

    /** Writes Java arrays and Collections as PostgreSQL's array literal, every element quoted. */
    private static final class TextArray implements TextEncoder {
        private final PgType element;
        private final EncoderContext context;
        private final Shape shape;
        private final StringBuilder item = new StringBuilder();
        private Class<?> lastClass;
        private TextEncoder last;

        TextArray(PgType element, EncoderContext context) {
            this.element = element;
            this.context = context;
            this.shape = new Shape(element);
        }

        @Override
        public void append(StringBuilder out, Object value) {
            int[] dims = shape.dims(value);
            if (dims == null) {
                out.append("{}");
                return;
            }
            level(out, value, 0, dims);
        }

        private void level(StringBuilder out, Object value, int depth, int[] dims) {
            if (depth == dims.length) {
                element(out, value, depth);
                return;
            }
            shape.check(value, depth, dims);
            out.append('{');
            if (value instanceof Iterable<?> items) {
                boolean first = true;
                for (Object v : items) {
                    if (!first) {
                        out.append(element.delimiter);
                    }
                    first = false;
                    level(out, v, depth + 1, dims);
                }
            } else {
                int n = Array.getLength(value);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(element.delimiter);
                    }
                    level(out, Array.get(value, i), depth + 1, dims);
                }
            }
            out.append('}');
        }

        private void element(StringBuilder out, Object value, int depth) {
            if (value == null) {
                out.append("NULL");
                return;
            }
            if (shape.isSub(value, depth)) {
                throw shape.ragged(depth - 1);
            }
            Class<?> c = value.getClass();
            if (c != lastClass) {
                TextEncoder next = Encoders.resolveText(element, c, context, "a typed column receives Strings");
                if (next == null) {
                    throw shape.wrongElement(c);
                }
                last = next;
                lastClass = c;
            }
            StringBuilder text = item;
            text.setLength(0);
            try {
                last.append(text, value);
            } catch (CustomEncoders.NullText e) {
                out.append("NULL");
                return;
            }
            // quoted, so that NULL, spaces, braces and delimiters in an element stay text
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
    }
}
