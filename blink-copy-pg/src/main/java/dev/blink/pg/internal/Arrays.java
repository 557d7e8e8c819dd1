package dev.blink.pg.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/** Encoders for arrays (Java arrays, Lists, nested for more dimensions, or the text form) and ranges. */
final class Arrays {

    private static final int MAX_DIMENSIONS = 6;

    private Arrays() {
    }

    static Encoder encoder(PgType type, Class<?> c, Session session) {
        PgType element = type.element;
        if (c == String.class) {
            Encoder fromText = Encoders.resolve(element, String.class, session);
            if (fromText == null) {
                return null;
            }
            return (out, v) -> literal(out, TextForms.array((String) v, type.display()), element, fromText);
        }
        if (Collection.class.isAssignableFrom(c) || c.isArray() && !scalarArray(c, element.kind)) {
            return new ArrayEncoder(element, session);
        }
        return null;
    }

    /** byte[] is one value for bytea and MAC addresses, not an array of numbers. */
    private static boolean scalarArray(Class<?> c, Kind element) {
        return c == byte[].class && (element == Kind.BYTEA || element == Kind.MACADDR || element == Kind.MACADDR8);
    }

    private static void literal(CopyStream out, TextForms.ArrayLiteral array, PgType element, Encoder fromText) {
        int ndim = array.dims().length;
        out.begin();
        out.int4(ndim);
        boolean hasNull = false;
        for (String item : array.elements()) {
            hasNull |= item == null;
        }
        out.int4(hasNull ? 1 : 0);
        out.int4(element.oid);
        for (int d = 0; d < ndim; d++) {
            out.int4(array.dims()[d]);
            out.int4(array.lowerBounds()[d]);
        }
        for (String item : array.elements()) {
            if (item == null) {
                out.nullValue();
            } else {
                fromText.write(out, item);
            }
        }
        out.end();
    }

    /** Writes Java arrays and Lists, nested for more dimensions; one element encoder cached per class seen. */
    private static final class ArrayEncoder implements Encoder {
        private final PgType element;
        private final Session session;
        private final boolean nestedIsElement;
        private Class<?> lastClass;
        private Encoder last;

        ArrayEncoder(PgType element, Session session) {
            this.element = element;
            this.session = session;
            this.nestedIsElement = element.kind == Kind.JSON || element.kind == Kind.JSONB;
        }

        private boolean isSub(Object v, int depth) {
            if (v == null || (depth > 0 && nestedIsElement)) {
                return false;
            }
            return v instanceof Collection<?> || v.getClass().isArray() && !scalarArray(v.getClass(), element.kind);
        }

        private static int size(Object v) {
            return v instanceof Collection<?> c ? c.size() : java.lang.reflect.Array.getLength(v);
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

        @Override
        public void write(CopyStream out, Object value) {
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
                    break;
                }
                current = first(current);
            }
            boolean empty = false;
            for (int d = 0; d < ndim; d++) {
                empty |= dims[d] == 0;
            }
            if (empty) {
                if (ndim > 1 || dims[0] != 0) {
                    checkEmpty(value, 0, ndim);
                }
                out.int4(12);
                out.int4(0);
                out.int4(0);
                out.int4(element.oid);
                return;
            }
            out.begin();
            out.int4(ndim);
            out.int4(0);
            out.int4(element.oid);
            for (int d = 0; d < ndim; d++) {
                out.int4(dims[d]);
                out.int4(1);
            }
            if (level(out, value, 0, ndim, dims)) {
                out.patchInt4(4, 1);
            }
            out.end();
        }

        private void checkEmpty(Object value, int depth, int ndim) {
            // an array with a zero-length dimension is empty; every sub-array must then be empty too
            if (!isSub(value, depth)) {
                throw BadValue.of("multidimensional arrays must have sub-arrays with matching dimensions");
            }
            if (value instanceof Collection<?> c) {
                for (Object item : c) {
                    if (item == null || !isSub(item, depth + 1) || size(item) != 0) {
                        throw BadValue.of("multidimensional arrays must have sub-arrays with matching dimensions");
                    }
                }
            }
        }

        private BadValue ragged(int depth) {
            return BadValue.of("multidimensional arrays must have sub-arrays with matching dimensions "
                    + "(a sub-array at depth " + (depth + 1) + " differs in size or shape)");
        }

        /** Writes one level; returns whether a NULL element was written. */
        private boolean level(CopyStream out, Object value, int depth, int ndim, int[] dims) {
            if (depth == ndim) {
                if (value == null) {
                    out.nullValue();
                    return true;
                }
                if (isSub(value, depth)) {
                    throw ragged(depth - 1);
                }
                Class<?> c = value.getClass();
                if (c != lastClass) {
                    Encoder next = Encoders.resolve(element, c, session);
                    if (next == null) {
                        throw BadValue.of("an element is a " + c.getName() + ", but " + element.display()
                                + " takes " + element.kind.javaTypes() + " or a String in its text form");
                    }
                    last = next;
                    lastClass = c;
                }
                last.write(out, value);
                return false;
            }
            if (!isSub(value, depth) || size(value) != dims[depth]) {
                throw ragged(depth);
            }
            boolean hasNull = false;
            if (value instanceof Collection<?> c) {
                Iterator<?> items = c.iterator();
                while (items.hasNext()) {
                    hasNull |= level(out, items.next(), depth + 1, ndim, dims);
                }
            } else if (value instanceof Object[] a) {
                for (Object item : a) {
                    hasNull |= level(out, item, depth + 1, ndim, dims);
                }
            } else {
                primitives(out, value, depth, ndim, dims);
            }
            return hasNull;
        }

        private void primitives(CopyStream out, Object value, int depth, int ndim, int[] dims) {
            if (value instanceof int[] a) {
                if (element.kind == Kind.INT4 && element.base == null && session.custom.isEmpty()) {
                    for (int x : a) {
                        out.valueInt4(x);
                    }
                    return;
                }
                for (int x : a) {
                    level(out, x, depth + 1, ndim, dims);
                }
            } else if (value instanceof long[] a) {
                if (element.kind == Kind.INT8 && element.base == null && session.custom.isEmpty()) {
                    for (long x : a) {
                        out.valueInt8(x);
                    }
                    return;
                }
                for (long x : a) {
                    level(out, x, depth + 1, ndim, dims);
                }
            } else if (value instanceof short[] a) {
                for (short x : a) {
                    level(out, x, depth + 1, ndim, dims);
                }
            } else if (value instanceof byte[] a) {
                for (byte x : a) {
                    level(out, x, depth + 1, ndim, dims);
                }
            } else if (value instanceof double[] a) {
                for (double x : a) {
                    level(out, x, depth + 1, ndim, dims);
                }
            } else if (value instanceof float[] a) {
                for (float x : a) {
                    level(out, x, depth + 1, ndim, dims);
                }
            } else if (value instanceof boolean[] a) {
                for (boolean x : a) {
                    level(out, x, depth + 1, ndim, dims);
                }
            } else if (value instanceof char[] a) {
                for (char x : a) {
                    level(out, x, depth + 1, ndim, dims);
                }
            }
        }
    }

    // ---- ranges ----

    static Encoder range(PgType type, Session session) {
        Encoder bound = Encoders.resolve(type.subtype, String.class, session);
        if (bound == null) {
            return null;
        }
        return (out, v) -> {
            TextForms.RangeLiteral range = TextForms.range((String) v);
            out.begin();
            if (range.empty()) {
                out.int1(0x01);
            } else {
                int flags = (range.lowerInclusive() ? 0x02 : 0) | (range.upperInclusive() ? 0x04 : 0)
                        | (range.lower() == null ? 0x08 : 0) | (range.upper() == null ? 0x10 : 0);
                out.int1(flags);
                if (range.lower() != null) {
                    bound.write(out, range.lower());
                }
                if (range.upper() != null) {
                    bound.write(out, range.upper());
                }
            }
            out.end();
        };
    }
}
