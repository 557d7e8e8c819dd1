package dev.blink.jpa.internal;

import dev.blink.InsertOptions;
import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.spi.InsertStats;
import dev.blink.spi.Inserter;
import dev.blink.spi.TableInput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.type.descriptor.ValueBinder;

/**
 * Columns that Hibernate writes through an SQL expression ({@code @ColumnTransformer(write = …)}),
 * which the server evaluates: Blink copies the rows into a temporary table, then moves them into the
 * table with {@code INSERT … SELECT}, each expression applied to its column there. An expression
 * column of the temporary table has the type the server gives the expression's parameter when
 * Hibernate's own binder binds it (asked once, with a described statement), so the expression means
 * what it means in Hibernate's insert; a parameter whose type the server would infer differently
 * from the value Blink writes is refused before anything is sent. Used by one thread.
 */
final class Staging {

    private static final AtomicLong NAMES = new AtomicLong();
    private static final String TYPES = "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
            + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped";
    /** The column of the temporary table that keeps the rows' order. */
    private static final String ORDINAL = "blink_row";

    private final TableName table;
    /** By column: the expression, its parameter written as {@code %s}. */
    private final Map<String, String> expressions;
    /** By column: the type of the expression's parameter, for columns whose expression has one. */
    private final Map<String, String> parameterTypes;
    private TableName stage;

    private Staging(TableName table, Map<String, String> expressions, Map<String, String> parameterTypes) {
        this.table = table;
        this.expressions = expressions;
        this.parameterTypes = parameterTypes;
    }

    /**
     * The staging of {@code columns}' table, or empty if Hibernate writes every column as a plain
     * parameter.
     *
     * @throws IllegalArgumentException if an expression cannot be staged exactly (the message says
     *     what to change)
     */
    static Optional<Staging> prepare(TableColumns columns, SharedSessionContractImplementor session,
                                     Connection connection) throws SQLException {
        Map<String, String> expressions = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            SelectableMapping mapping = columns.mapping(i);
            String expression = mapping.getWriteExpression();
            if (expression == null || expression.equals("?")) {
                continue;
            }
            String column = columns.names().get(i);
            List<Integer> parameters = parameters(expression);
            if (parameters.size() > 1) {
                throw new IllegalArgumentException("column " + column + " of table " + columns.table()
                        + " is written through the expression " + expression + ", which has more than one parameter; "
                        + "Blink stages expressions of one parameter (give the column one ?)");
            }
            if (parameters.isEmpty()) {
                expressions.put(column, expression.replace("%", "%%"));
                continue;
            }
            int at = parameters.get(0);
            expressions.put(column, expression.substring(0, at).replace("%", "%%") + "%s"
                    + expression.substring(at + 1).replace("%", "%%"));
            types.put(column, parameterType(columns, i, expression, session, connection));
        }
        return expressions.isEmpty() ? Optional.empty()
                : Optional.of(new Staging(columns.table(), expressions, types));
    }

    /**
     * Writes {@code rows} through the temporary table: copied there by {@code planInserter}, then
     * inserted into the table in their order.
     */
    InsertStats insert(Connection connection, TableInput rows, InsertOptions options, Inserter planInserter)
            throws SQLException {
        if (stage == null) {
            stage = create(connection, rows.columns());
        }
        Staged staged = new Staged(rows, stage);
        InsertStats copied = planInserter.insert(connection, staged, options);
        StringJoiner names = new StringJoiner(", ");
        StringJoiner selected = new StringJoiner(", ");
        for (String column : rows.columns()) {
            String quoted = TableName.quote(column);
            names.add(quoted);
            String expression = expressions.get(column);
            selected.add(expression == null ? "s." + quoted : String.format(expression, "s." + quoted));
        }
        String sql = "INSERT INTO " + table.toSql() + " (" + names + ") SELECT " + selected + " FROM " + stage.toSql()
                + " s ORDER BY s." + ORDINAL;
        long inserted;
        try (Statement statement = connection.createStatement()) {
            inserted = statement.executeLargeUpdate(sql);
            statement.execute("TRUNCATE " + stage.toSql());
        } catch (SQLException e) {
            throw new SeedException(Location.of(rows.location().table()), "the database rejected the rows of " + table
                    + " as Blink moved them from its staging table, where it applies the SQL expressions Hibernate "
                    + "writes columns " + expressions.keySet() + " with: " + e.getMessage()
                    + " [SQLSTATE " + e.getSQLState() + "]", e);
        }
        // rows the plan's inserter skipped never reached the stage; every staged row is inserted
        return new InsertStats(inserted, copied.skipped(), copied.bytes());
    }

    /** Drops the temporary table, once the table is written. */
    void drop(Connection connection) throws SQLException {
        if (stage != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + stage.toSql());
            }
            stage = null;
        }
    }

    private TableName create(Connection connection, List<String> columns) throws SQLException {
        Map<String, String> targetTypes = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TYPES)) {
            statement.setString(1, table.toSql());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    targetTypes.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        TableName name = TableName.of("pg_temp", "blink_jpa_stage_" + NAMES.incrementAndGet());
        StringJoiner definitions = new StringJoiner(", ", "CREATE TEMPORARY TABLE " + TableName.quote(name.name()) + " (",
                ", " + ORDINAL + " bigint) ON COMMIT DROP");
        for (String column : columns) {
            String type = parameterTypes.getOrDefault(column, targetTypes.get(column));
            if (type == null) {
                // the table's catalog does not know the column: COPY into the table would say so too
                throw new SeedException(Location.of(table.toString()), "table " + table + " has no column " + column
                        + "; its columns are " + targetTypes.keySet(), null);
            }
            definitions.add(TableName.quote(column) + " " + type);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(definitions.toString());
        }
        return name;
    }

    /** The positions of the expression's parameters: {@code ?} outside quoted strings and names. */
    private static List<Integer> parameters(String expression) {
        List<Integer> parameters = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                parameters.add(i);
            }
        }
        return parameters;
    }

    /**
     * The type the server gives the parameter of {@code expression} when Hibernate's binder binds a
     * value of the column's type, as in Hibernate's insert.
     */
    @SuppressWarnings("unchecked")
    private static String parameterType(TableColumns columns, int position, String expression,
                                        SharedSessionContractImplementor session, Connection connection)
            throws SQLException {
        JdbcMapping mapping = columns.mapping(position).getJdbcMapping();
        Class<?> type = mapping.getJdbcJavaType().getJavaTypeClass();
        Object sample = sample(type);
        String column = columns.names().get(position);
        String resolved;
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + expression)) {
            ((ValueBinder<Object>) mapping.getJdbcValueBinder()).bind(statement, sample, 1, session);
            resolved = statement.getParameterMetaData().getParameterTypeName(1);
        } catch (SQLException e) {
            throw new IllegalArgumentException("column " + column + " of table " + columns.table()
                    + " is written through the expression " + expression + ", which the server does not accept for a "
                    + type.getSimpleName() + " parameter (Hibernate's own insert fails the same way): " + e.getMessage(), e);
        }
        Object bound = sample == null ? null : columns.binder(position).toValue(sample, session);
        Class<?> written = bound == null ? type : bound.getClass();
        if (written != String.class && !natural(written).contains(resolved)) {
            throw new IllegalArgumentException("column " + column + " of table " + columns.table() + " is written "
                    + "through the expression " + expression + ", whose parameter the server takes as " + resolved
                    + " while Hibernate binds a " + written.getSimpleName() + " there; Blink cannot write that value "
                    + "as the server would read it. Cast the parameter in the expression to the type of the value "
                    + "(e.g. cast(? as " + String.join(" or ", natural(written)) + "))");
        }
        return resolved;
    }

    /** A value of the column's Java type, so that the binder binds what it binds for real values; null if unknown. */
    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "";
        }
        if (type == Integer.class) {
            return 0;
        }
        if (type == Long.class) {
            return 0L;
        }
        if (type == Short.class) {
            return (short) 0;
        }
        if (type == Byte.class) {
            return (byte) 0;
        }
        if (type == Double.class) {
            return 0d;
        }
        if (type == Float.class) {
            return 0f;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ZERO;
        }
        if (type == BigInteger.class) {
            return BigInteger.ZERO;
        }
        if (type == Boolean.class) {
            return false;
        }
        if (type == LocalDate.class) {
            return LocalDate.EPOCH;
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.of(LocalDate.EPOCH, LocalTime.MIDNIGHT);
        }
        if (type == LocalTime.class) {
            return LocalTime.MIDNIGHT;
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == OffsetDateTime.class) {
            return Instant.EPOCH.atOffset(ZoneOffset.UTC);
        }
        if (type == ZonedDateTime.class) {
            return Instant.EPOCH.atZone(ZoneOffset.UTC);
        }
        if (type == OffsetTime.class) {
            return LocalTime.MIDNIGHT.atOffset(ZoneOffset.UTC);
        }
        if (type == UUID.class) {
            return new UUID(0, 0);
        }
        if (type == byte[].class) {
            return new byte[0];
        }
        return null;
    }

    /** The types a value of {@code type} is written as, in the server's names. */
    private static List<String> natural(Class<?> type) {
        if (type == Integer.class) {
            return List.of("int4");
        }
        if (type == Long.class) {
            return List.of("int8");
        }
        if (type == Short.class || type == Byte.class) {
            return List.of("int2");
        }
        if (type == Double.class) {
            return List.of("float8");
        }
        if (type == Float.class) {
            return List.of("float4");
        }
        if (type == BigDecimal.class || type == BigInteger.class) {
            return List.of("numeric");
        }
        if (type == Boolean.class) {
            return List.of("bool");
        }
        if (type == LocalDate.class) {
            return List.of("date");
        }
        if (type == LocalDateTime.class) {
            return List.of("timestamp");
        }
        if (type == LocalTime.class) {
            return List.of("time");
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return List.of("timestamptz");
        }
        if (type == OffsetTime.class) {
            return List.of("timetz");
        }
        if (type == UUID.class) {
            return List.of("uuid");
        }
        if (type == byte[].class) {
            return List.of("bytea");
        }
        return List.of();
    }

    /** The rows of a run, as the temporary table takes them: with their ordinal. */
    private static final class Staged extends ForwardingInput {
        private final TableName stage;
        private final List<String> columns;
        private final int ordinal;
        private long count;

        Staged(TableInput rows, TableName stage) {
            super(rows);
            this.stage = stage;
            List<String> all = new ArrayList<>(rows.columns());
            all.add(ORDINAL);
            this.columns = List.copyOf(all);
            this.ordinal = all.size() - 1;
        }

        @Override
        public TableName table() {
            return stage;
        }

        @Override
        public List<String> columns() {
            return columns;
        }

        @Override
        public boolean next(Object[] values) {
            if (!input.next(values)) {
                return false;
            }
            values[ordinal] = ++count;
            return true;
        }
    }
}
