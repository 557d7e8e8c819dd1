package dev.blink.bench;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.StringJoiner;

/** The two benchmark tables: their DDL, columns, and how each peer writes one row. */
public enum BenchTable {

    /** Nine columns of common types, with a primary key. */
    USERS("bench_users", """
            CREATE TABLE bench_users (
                id bigint PRIMARY KEY,
                name text NOT NULL,
                email text,
                age int,
                score numeric(10,2),
                active boolean,
                created_at timestamptz,
                uuid uuid,
                tags jsonb
            )""", List.of("id", "name", "email", "age", "score", "active", "created_at", "uuid", "tags")),

    /** Two fixed-width columns, no index. */
    NARROW("bench_narrow", "CREATE TABLE bench_narrow (id bigint, v int)", List.of("id", "v"));

    private final String tableName;
    private final String ddl;
    private final List<String> columns;

    BenchTable(String tableName, String ddl, List<String> columns) {
        this.tableName = tableName;
        this.ddl = ddl;
        this.columns = columns;
    }

    /** The table for a JMH parameter value: {@code users} or {@code narrow}. */
    public static BenchTable of(String param) {
        return switch (param) {
            case "users" -> USERS;
            case "narrow" -> NARROW;
            default -> throw new IllegalArgumentException("table must be users or narrow, was " + param);
        };
    }

    /** The SQL name of the table. */
    public String tableName() {
        return tableName;
    }

    /** {@code CREATE TABLE}. */
    public String ddl() {
        return ddl;
    }

    /** The columns, in table order. */
    public List<String> columns() {
        return columns;
    }

    /** The pre-generated rows as records. */
    public List<?> records(int rows) {
        return this == USERS ? BenchRows.users(rows) : BenchRows.narrow(rows);
    }

    /** One SQL placeholder per column, with the casts that text parameters need. */
    String placeholders() {
        return this == USERS ? "(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)" : "(?, ?)";
    }

    /** {@code INSERT INTO t (columns) VALUES} followed by {@code rows} groups of placeholders. */
    public String insertSql(int rows) {
        StringBuilder sql = new StringBuilder(64 + rows * 32)
                .append("INSERT INTO ").append(tableName).append(" (").append(String.join(", ", columns)).append(") VALUES ");
        String group = placeholders();
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(group);
        }
        return sql.toString();
    }

    /** Binds one record's values from parameter {@code first} on; returns the next free parameter. */
    public int bind(PreparedStatement statement, int first, Object row) throws SQLException {
        int p = first;
        if (row instanceof UserRow user) {
            statement.setLong(p++, user.id());
            statement.setString(p++, user.name());
            if (user.email() == null) {
                statement.setNull(p++, Types.VARCHAR);
            } else {
                statement.setString(p++, user.email());
            }
            statement.setInt(p++, user.age());
            statement.setBigDecimal(p++, user.score());
            statement.setBoolean(p++, user.active());
            statement.setObject(p++, user.createdAt());
            statement.setObject(p++, user.uuid());
            statement.setString(p++, user.tags());
        } else {
            NarrowRow narrow = (NarrowRow) row;
            statement.setLong(p++, narrow.id());
            statement.setInt(p++, narrow.v());
        }
        return p;
    }

    /** Writes the rows as CSV (with a header; an empty unquoted field is NULL), as PostgreSQL reads it. */
    public void writeCsv(List<?> rows, Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(String.join(",", columns));
            out.write('\n');
            for (Object row : rows) {
                out.write(csvLine(row));
                out.write('\n');
            }
        }
    }

    /** One record as a CSV line, without the line end. */
    public String csvLine(Object row) {
        if (row instanceof UserRow user) {
            StringJoiner line = new StringJoiner(",");
            line.add(Long.toString(user.id()));
            line.add(csvText(user.name()));
            line.add(user.email() == null ? "" : csvText(user.email()));
            line.add(Integer.toString(user.age()));
            line.add(user.score().toPlainString());
            line.add(Boolean.toString(user.active()));
            line.add(user.createdAt().toString());
            line.add(user.uuid().toString());
            line.add(csvText(user.tags()));
            return line.toString();
        }
        NarrowRow narrow = (NarrowRow) row;
        return narrow.id() + "," + narrow.v();
    }

    private static String csvText(String value) {
        if (value.isEmpty() || value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** PgBulkInsert's mapping for {@code bench_users}. */
    public static final class UsersMapping extends AbstractMapping<UserRow> {
        /** Maps every column, with primitive accessors where PgBulkInsert has them. */
        public UsersMapping() {
            super("public", "bench_users");
            mapLongPrimitive("id", UserRow::id);
            mapText("name", UserRow::name);
            mapText("email", UserRow::email);
            mapIntegerPrimitive("age", UserRow::age);
            mapNumeric("score", UserRow::score);
            mapBooleanPrimitive("active", UserRow::active);
            mapTimeStampTz("created_at", row -> row.createdAt().toZonedDateTime());
            mapUUID("uuid", UserRow::uuid);
            mapJsonb("tags", UserRow::tags);
        }
    }

    /** PgBulkInsert's mapping for {@code bench_narrow}. */
    public static final class NarrowMapping extends AbstractMapping<NarrowRow> {
        /** Maps both columns with primitive accessors. */
        public NarrowMapping() {
            super("public", "bench_narrow");
            mapLongPrimitive("id", NarrowRow::id);
            mapIntegerPrimitive("v", NarrowRow::v);
        }
    }
}
