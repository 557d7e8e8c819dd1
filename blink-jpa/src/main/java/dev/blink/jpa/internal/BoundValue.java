package dev.blink.jpa.internal;

import java.sql.Date;
import java.sql.SQLException;
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
    private final RecordingStatement statement = new RecordingStatement();
    /** The last class found to be, or not to be, pgjdbc's typed text: a column's values are of one class. */
    private Class<?> lastClass;
    private boolean lastPgObject;

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
        statement.reset();
        try {
            binder.bind(statement, relational, 1, options);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalArgumentException("Hibernate could not bind " + describe(relational) + " to column \""
                    + column + "\": " + e.getMessage(), e);
        }
        if (!statement.bound()) {
            throw new IllegalArgumentException("Hibernate's binder for column \"" + column + "\" ("
                    + mapping.getJdbcType().getFriendlyName() + ") bound nothing Blink can write");
        }
        return normalize(statement.value(), statement.calendar());
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

    private boolean isPgObject(Class<?> type) {
        if (type != lastClass) {
            lastPgObject = isPgObjectClass(type);
            lastClass = type;
        }
        return lastPgObject;
    }

    private static boolean isPgObjectClass(Class<?> type) {
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
}
