package dev.blink.jpa.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Calendar;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.WrapperOptions;

/**
 * Turns a value as Hibernate holds it for a column (after converters) into the value Hibernate
 * would send: it calls the column's own {@link ValueBinder} on a statement that only records what
 * it is given, then turns JDBC's legacy types into java.time ones. Decided once per column; one
 * instance per column, used by one thread.
 */
final class BoundValue {

    private final String column;
    private final JdbcMapping mapping;
    private final ValueBinder<Object> binder;
    private final boolean withTimeZone;
    private final boolean direct;
    private final boolean array;
    private final Recorder recorder = new Recorder();
    private final PreparedStatement statement;

    @SuppressWarnings("unchecked")
    private BoundValue(String column, JdbcMapping mapping) {
        this.column = column;
        this.mapping = mapping;
        this.binder = (ValueBinder<Object>) mapping.getJdbcValueBinder();
        int code = mapping.getJdbcType().getDefaultSqlTypeCode();
        this.withTimeZone = code == SqlTypes.TIMESTAMP_WITH_TIMEZONE || code == SqlTypes.TIMESTAMP_UTC
                || code == SqlTypes.TIME_WITH_TIMEZONE || code == SqlTypes.TIME_UTC;
        this.direct = isDirect(mapping, code);
        this.array = code == SqlTypes.ARRAY;
        this.statement = (PreparedStatement) Proxy.newProxyInstance(BoundValue.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, recorder);
    }

    /** The binder of {@code mapping}, for the column {@code column} (named in errors). */
    static BoundValue of(String column, JdbcMapping mapping) {
        return new BoundValue(column, mapping);
    }

    /** The column's JDBC mapping. */
    JdbcMapping mapping() {
        return mapping;
    }

    /**
     * The value Hibernate would bind for {@code relational} (a value after the column's converter).
     *
     * @throws IllegalArgumentException if Hibernate's binder rejects it or binds it in a way Blink
     *     cannot write
     */
    Object toValue(Object relational, WrapperOptions options) {
        if (relational == null) {
            return null;
        }
        if (direct) {
            return relational;
        }
        if (array) {
            // Hibernate's array binders ask the session's real connection for a java.sql.Array,
            // which cannot be made while COPY runs: hand the inserter the elements that the binder
            // would put in it, converted by the binder (enums by ordinal or name, converters applied)
            try {
                return binder.getBindValue(relational, options);
            } catch (SQLException | RuntimeException e) {
                throw new IllegalArgumentException("Hibernate could not bind " + describe(relational) + " to column \""
                        + column + "\": " + e.getMessage(), e);
            }
        }
        recorder.reset();
        try {
            binder.bind(statement, relational, 1, options);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalArgumentException("Hibernate could not bind " + describe(relational) + " to column \""
                    + column + "\": " + e.getMessage(), e);
        }
        if (!recorder.bound) {
            throw new IllegalArgumentException("Hibernate's binder for column \"" + column + "\" ("
                    + mapping.getJdbcType().getFriendlyName() + ") bound nothing Blink can write");
        }
        return normalize(recorder.value, recorder.calendar);
    }

    private Object normalize(Object value, Calendar calendar) {
        if (value instanceof Timestamp timestamp) {
            if (withTimeZone) {
                return timestamp.toInstant();
            }
            return calendar == null ? timestamp.toLocalDateTime()
                    : timestamp.toInstant().atZone(zone(calendar)).toLocalDateTime();
        }
        if (value instanceof Date date) {
            return calendar == null ? date.toLocalDate()
                    : java.time.Instant.ofEpochMilli(date.getTime()).atZone(zone(calendar)).toLocalDate();
        }
        if (value instanceof Time time) {
            // not Time.toLocalTime(), which drops the milliseconds that the driver sends
            ZoneId zone = calendar == null ? ZoneId.systemDefault() : zone(calendar);
            return java.time.Instant.ofEpochMilli(time.getTime()).atZone(zone).toLocalTime();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value != null && isPgObject(value.getClass())) {
            // pgjdbc's typed text (json, jsonb, interval, inet…): its text form, which COPY reads as PostgreSQL does
            return value.toString();
        }
        return value;
    }

    private static boolean isPgObject(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.postgresql.util.PGobject")) {
                return true;
            }
        }
        return false;
    }

    private static ZoneId zone(Calendar calendar) {
        return calendar.getTimeZone().toZoneId();
    }

    /** Types the binder would pass to the driver unchanged, so calling it can be skipped. */
    private static boolean isDirect(JdbcMapping mapping, int code) {
        Class<?> type = mapping.getJdbcJavaType().getJavaTypeClass();
        return switch (code) {
            case SqlTypes.INTEGER -> type == Integer.class;
            case SqlTypes.BIGINT -> type == Long.class;
            case SqlTypes.SMALLINT -> type == Short.class;
            case SqlTypes.VARCHAR, SqlTypes.LONGVARCHAR, SqlTypes.LONG32VARCHAR -> type == String.class;
            case SqlTypes.BOOLEAN -> type == Boolean.class;
            case SqlTypes.DOUBLE, SqlTypes.FLOAT -> type == Double.class;
            case SqlTypes.NUMERIC, SqlTypes.DECIMAL -> type == java.math.BigDecimal.class;
            case SqlTypes.UUID -> type == java.util.UUID.class;
            case SqlTypes.DATE -> type == java.time.LocalDate.class;
            // the instant the binder would bind, without its detour through java.sql.Timestamp and a Calendar
            case SqlTypes.TIMESTAMP_WITH_TIMEZONE, SqlTypes.TIMESTAMP_UTC -> type == java.time.OffsetDateTime.class
                    || type == java.time.Instant.class || type == java.time.ZonedDateTime.class;
            default -> false;
        };
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 100) {
            text = text.substring(0, 100) + "…";
        }
        return value.getClass().getSimpleName() + " " + text;
    }

    /** A statement that keeps the one parameter it is given. */
    private static final class Recorder implements InvocationHandler {
        private Object value;
        private Calendar calendar;
        private boolean bound;
        private Connection connection;

        void reset() {
            value = null;
            calendar = null;
            bound = false;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                bound = true;
                value = switch (name) {
                    case "setNull" -> null;
                    case "setBinaryStream" -> read((InputStream) args[1]);
                    case "setCharacterStream", "setNCharacterStream" -> read((Reader) args[1]);
                    case "setArray" -> args[1] instanceof RecordedArray array ? array.elements() : args[1];
                    case "setBlob", "setClob", "setNClob", "setRef", "setRowId", "setSQLXML", "setAsciiStream",
                         "setUnicodeStream", "setURL" -> throw new SQLFeatureNotSupportedException(
                            "Blink cannot write a value that Hibernate binds with " + name
                                    + " (a LOB or locator); map the attribute to text or bytea");
                    default -> args[1];
                };
                if (args.length == 3 && args[2] instanceof Calendar c) {
                    calendar = c;
                }
                return null;
            }
            return switch (name) {
                case "getConnection" -> connection();
                case "toString" -> "recording statement";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "isWrapperFor" -> false;
                default -> throw new SQLFeatureNotSupportedException(
                        "Blink records bound values only; Hibernate's binder called " + name);
            };
        }

        private Connection connection() {
            if (connection == null) {
                connection = (Connection) Proxy.newProxyInstance(BoundValue.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("createArrayOf")) {
                                return new RecordedArray((Object[]) args[1]);
                            }
                            throw new SQLFeatureNotSupportedException(
                                    "Blink records bound values only; Hibernate's binder called Connection."
                                            + method.getName());
                        });
            }
            return connection;
        }

        private static byte[] read(InputStream in) {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String read(Reader in) {
            try (in) {
                StringBuilder out = new StringBuilder();
                char[] buffer = new char[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.append(buffer, 0, n);
                }
                return out.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What a binder's {@code createArrayOf} made: the elements, as the inserter takes them. */
    private record RecordedArray(Object[] elements) implements java.sql.Array {
        @Override public String getBaseTypeName() throws SQLException { throw unsupported(); }
        @Override public int getBaseType() throws SQLException { throw unsupported(); }
        @Override public Object getArray() { return elements; }
        @Override public Object getArray(java.util.Map<String, Class<?>> map) { return elements; }
        @Override public Object getArray(long index, int count) throws SQLException { throw unsupported(); }
        @Override public Object getArray(long index, int count, java.util.Map<String, Class<?>> map) throws SQLException { throw unsupported(); }
        @Override public java.sql.ResultSet getResultSet() throws SQLException { throw unsupported(); }
        @Override public java.sql.ResultSet getResultSet(java.util.Map<String, Class<?>> map) throws SQLException { throw unsupported(); }
        @Override public java.sql.ResultSet getResultSet(long index, int count) throws SQLException { throw unsupported(); }
        @Override public java.sql.ResultSet getResultSet(long index, int count, java.util.Map<String, Class<?>> map) throws SQLException { throw unsupported(); }
        @Override public void free() { }

        private static SQLException unsupported() {
            return new SQLFeatureNotSupportedException("a recorded array holds its elements only");
        }
    }
}
