package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.pg.internal.encode.Kind;
import dev.blink.pg.internal.encode.PgType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a table's columns and their types from the catalog, once per table. */
final class Catalog {

    private static final String TABLE = "SELECT to_regclass(?)::oid, current_setting('TimeZone'),"
            + " current_setting('server_version_num')::int, current_setting('max_identifier_length')::int";

    private static final String COLUMNS = "SELECT attname, atttypid, attgenerated FROM pg_attribute "
            + "WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped ORDER BY attnum";

    private static final String TYPES = "WITH RECURSIVE need(oid) AS ("
            + " SELECT DISTINCT atttypid FROM pg_attribute WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped"
            + " UNION"
            + " SELECT v.x FROM need JOIN pg_type p ON p.oid = need.oid"
            + " LEFT JOIN pg_range r ON r.rngtypid = p.oid"
            + " CROSS JOIN LATERAL (VALUES (p.typbasetype),"
            + " (CASE WHEN p.typreceive = 'array_recv'::regproc THEN p.typelem ELSE 0 END),"
            + " (coalesce(r.rngsubtype, 0))) v(x) WHERE v.x <> 0)"
            + " SELECT p.oid, n.nspname, p.typname, p.typtype, p.typcategory, p.typbasetype,"
            + " CASE WHEN p.typreceive = 'array_recv'::regproc THEN p.typelem ELSE 0 END, coalesce(r.rngsubtype, 0),"
            + " p.typdelim, i.prosrc, v.prosrc"
            + " FROM need JOIN pg_type p ON p.oid = need.oid JOIN pg_namespace n ON n.oid = p.typnamespace"
            + " LEFT JOIN pg_range r ON r.rngtypid = p.oid"
            + " LEFT JOIN pg_proc i ON i.oid = p.typinput LEFT JOIN pg_proc v ON v.oid = p.typreceive";

    private static final String SIMILAR_TABLES = "SELECT n.nspname, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'f')"
            + " AND lower(replace(c.relname, '_', '')) = lower(replace(?, '_', ''))"
            + " AND ((?::text IS NULL AND pg_table_is_visible(c.oid)) OR n.nspname = ?) ORDER BY 1, 2 LIMIT 5";

    /** One column of a table. */
    public record Column(String name, PgType type, boolean generated) {
    }

    /**
     * A table: its OID, columns in order, the session's {@code TimeZone} setting, the server's
     * {@code server_version_num} and its longest identifier in bytes ({@code max_identifier_length}).
     */
    public record Table(int oid, TableName name, Map<String, Column> columns, String timeZone, int serverVersion,
                        int maxIdentifierLength) {

        /**
         * The columns named, in order.
         *
         * @param names the names as the server stores them (cut to {@link #maxIdentifierLength})
         * @param given the names as given, for messages
         * @throws SeedException for a name the table lacks (with a "did you mean") or a generated column
         */
        public List<Column> select(List<String> names, List<String> given, String step) {
            List<Column> selected = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Column column = columns.get(name);
                if (column == null) {
                    String cut = name.equals(given.get(i)) ? "" : " (PostgreSQL cuts names to " + maxIdentifierLength
                            + " bytes: \"" + name + "\")";
                    throw new SeedException(Location.of(step).column(given.get(i)), "table " + this.name
                            + " has no column \"" + given.get(i) + "\"" + cut + didYouMean(name, columns.keySet())
                            + ". Its columns are " + columns.keySet()
                            + "; rename the key or record component, or drop it from the rows", null);
                }
                if (column.generated()) {
                    throw new SeedException(Location.of(step).column(name), "column \"" + name + "\" of table "
                            + this.name + " is a generated column, which cannot be written; drop it from the rows", null);
                }
                selected.add(column);
            }
            return selected;
        }
    }

    private Catalog() {
    }

    /**
     * Reads {@code table} from the catalog of {@code connection}.
     *
     * @throws SeedException if the table does not exist (with similar names)
     */
    public static Table read(Connection connection, TableName table, String step) throws SQLException {
        int oid;
        String timeZone;
        int version;
        int maxIdentifierLength;
        try (PreparedStatement statement = connection.prepareStatement(TABLE)) {
            statement.setString(1, table.toSql());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                oid = (int) rs.getLong(1);
                boolean missing = rs.wasNull();
                maxIdentifierLength = rs.getInt(4);
                if (missing) {
                    throw new SeedException(Location.of(step), "table " + table + " does not exist"
                            + (table.schema().isPresent() ? "" : " on the search_path")
                            + cutNote(table, maxIdentifierLength) + similarTables(connection, table)
                            + "; create it first, or check the name's case (Blink quotes names exactly as given)", null);
                }
                timeZone = rs.getString(2);
                version = rs.getInt(3);
            }
        }
        Map<Integer, PgType> types = readTypes(connection, oid);
        Map<String, Column> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setLong(1, oid & 0xffffffffL);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String generated = rs.getString(3);
                    columns.put(name, new Column(name, types.get((int) rs.getLong(2)),
                            generated != null && !generated.isEmpty()));
                }
            }
        }
        return new Table(oid, table, java.util.Collections.unmodifiableMap(columns), timeZone, version,
                maxIdentifierLength);
    }

    /** A note that the server looked for the cut name, if a part of {@code table} is longer than the limit. */
    private static String cutNote(TableName table, int max) {
        boolean cut = table.name().getBytes(StandardCharsets.UTF_8).length > max
                || table.schema().map(s -> s.getBytes(StandardCharsets.UTF_8).length > max).orElse(false);
        return cut ? " (PostgreSQL cuts names to " + max + " bytes, and looked for the cut name)" : "";
    }

    private record TypeRow(int oid, String schema, String name, String typtype, String category, int base,
                           int element, int subtype, char delimiter, String input, String receive) {
    }

    private static Map<Integer, PgType> readTypes(Connection connection, int table) throws SQLException {
        Map<Integer, TypeRow> rows = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TYPES)) {
            statement.setLong(1, table & 0xffffffffL);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String delimiter = rs.getString(9);
                    TypeRow row = new TypeRow((int) rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), (int) rs.getLong(6), (int) rs.getLong(7), (int) rs.getLong(8),
                            delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0), rs.getString(10),
                            rs.getString(11));
                    rows.put(row.oid(), row);
                }
            }
        }
        Map<Integer, PgType> built = new HashMap<>();
        for (Integer oid : rows.keySet()) {
            build(oid, rows, built);
        }
        return built;
    }

    private static PgType build(int oid, Map<Integer, TypeRow> rows, Map<Integer, PgType> built) {
        PgType done = built.get(oid);
        if (done != null) {
            return done;
        }
        TypeRow row = rows.get(oid);
        char delimiter = row.delimiter();
        PgType type;
        if ("d".equals(row.typtype())) {
            PgType base = build(row.base(), rows, built);
            type = new PgType(oid, row.schema(), row.name(), base.kind(), base, base.element(), base.subtype(),
                    delimiter);
        } else if (row.element() != 0) {
            type = new PgType(oid, row.schema(), row.name(), Kind.ARRAY, null, build(row.element(), rows, built), null,
                    delimiter);
        } else if ("e".equals(row.typtype())) {
            type = new PgType(oid, row.schema(), row.name(), Kind.ENUM, null, null, null, delimiter);
        } else if ("r".equals(row.typtype())) {
            type = new PgType(oid, row.schema(), row.name(), Kind.RANGE, null, null, build(row.subtype(), rows, built),
                    delimiter);
        } else {
            Kind kind = "pg_catalog".equals(row.schema()) ? Kind.ofBuiltIn(row.name()) : null;
            if (kind == null) {
                // a string type whose text and binary input are text's own (citext): a String is written as is
                boolean textual = "S".equals(row.category()) && "b".equals(row.typtype())
                        && ("textin".equals(row.input()) || "varcharin".equals(row.input())
                        || "bpcharin".equals(row.input())) && ("textrecv".equals(row.receive())
                        || "varcharrecv".equals(row.receive()) || "bpcharrecv".equals(row.receive()));
                kind = textual ? Kind.TEXT : Kind.UNSUPPORTED;
            }
            type = new PgType(oid, row.schema(), row.name(), kind, null, null, null, delimiter);
        }
        built.put(oid, type);
        return type;
    }

    private static String similarTables(Connection connection, TableName table) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SIMILAR_TABLES)) {
            statement.setString(1, table.name());
            statement.setString(2, table.schema().orElse(null));
            statement.setString(3, table.schema().orElse(null));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    TableName similar = table.schema().isPresent() ? TableName.of(rs.getString(1), rs.getString(2))
                            : TableName.of(rs.getString(2));
                    found.add(similar.toString());
                }
            }
        }
        return found.isEmpty() ? "" : "; did you mean " + String.join(" or ", found) + "?";
    }

    /** A "; did you mean …?" for a name that differs from one of {@code names} only in case or underscores. */
    static String didYouMean(String name, Iterable<String> names) {
        String wanted = normalize(name);
        List<String> similar = new ArrayList<>();
        for (String candidate : names) {
            if (normalize(candidate).equals(wanted)) {
                similar.add("\"" + candidate + "\"");
            }
        }
        return similar.isEmpty() ? "" : "; did you mean " + String.join(" or ", similar) + "?";
    }

    private static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
