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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads tables' columns and their types from the catalog: a seed's tables all in one round trip
 * ({@link #readAll}), or one table in one ({@link #read}).
 */
final class Catalog {

    /** A type's references: a domain's base type, an array's element type, a range's subtype (0: none). */
    private static final String REFERENCES = " JOIN pg_type p ON p.oid = x.oid LEFT JOIN pg_range r ON r.rngtypid = p.oid"
            + " CROSS JOIN LATERAL (VALUES (p.typbasetype),"
            + " (CASE WHEN p.typreceive = 'array_recv'::regproc THEN p.typelem ELSE 0 END),"
            + " (coalesce(r.rngsubtype, 0))) v(ref) WHERE v.ref <> 0";

    /** A type's row: the columns of {@link TypeRow}, from {@code pg_type p} and {@code pg_range r}. */
    private static final String TYPE_ROW = "p.oid::int8, p.typbasetype::int8,"
            + " (CASE WHEN p.typreceive = 'array_recv'::regproc THEN p.typelem ELSE 0 END)::int8,"
            + " coalesce(r.rngsubtype, 0)::int8, n.nspname::text, p.typname::text, p.typtype::text, p.typcategory::text,"
            + " p.typdelim::text, i.prosrc, v.prosrc FROM pg_type p JOIN pg_namespace n ON n.oid = p.typnamespace"
            + " LEFT JOIN pg_range r ON r.rngtypid = p.oid"
            + " LEFT JOIN pg_proc i ON i.oid = p.typinput LEFT JOIN pg_proc v ON v.oid = p.typreceive";

    /**
     * Every table named in the array ({@code $1}, as SQL), its columns and their types, and the session's
     * settings, in one round trip. Rows of three kinds, in one shape: {@code r} per table (its position,
     * OID or null, server_version_num, max_identifier_length, TimeZone), {@code a} per column (table
     * position, type, attnum, name, attgenerated), {@code t} per type (the columns of {@link TypeRow}).
     * Types are followed two references deep without recursion (a domain's base, an array's element,
     * a range's subtype: domains over arrays and arrays of domains included), which covers the common
     * cases; {@link #readTypes} reads any deeper reference on its own.
     */
    private static final String TABLES = "WITH t AS (SELECT u.n, to_regclass(u.x)::oid AS oid"
            + " FROM unnest(?::text[]) WITH ORDINALITY u(x, n)),"
            + " c AS (SELECT t.n, a.attnum, a.attname, a.atttypid, a.attgenerated FROM t"
            + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped),"
            + " t0 AS (SELECT DISTINCT atttypid AS oid FROM c),"
            + " t1 AS (SELECT DISTINCT v.ref AS oid FROM t0 x" + REFERENCES + "),"
            + " t2 AS (SELECT DISTINCT v.ref AS oid FROM t1 x" + REFERENCES + "),"
            + " ty AS (SELECT oid FROM t0 UNION SELECT oid FROM t1 UNION SELECT oid FROM t2)"
            + " SELECT 'r', t.n, t.oid::int8, current_setting('server_version_num')::int8,"
            + " current_setting('max_identifier_length')::int8, NULL::int8, current_setting('TimeZone'),"
            + " NULL, NULL, NULL, NULL, NULL, NULL FROM t"
            + " UNION ALL SELECT 'a', c.n, c.atttypid::int8, c.attnum::int8, NULL, NULL, c.attname::text,"
            + " c.attgenerated::text, NULL, NULL, NULL, NULL, NULL FROM c"
            + " UNION ALL SELECT 't', 0, " + TYPE_ROW + " WHERE p.oid IN (SELECT oid FROM ty)"
            + " ORDER BY 1, 2, 4";

    /** The types of the OIDs in the array, for references deeper than {@link #TABLES} follows. */
    private static final String TYPES = "SELECT 't', 0, " + TYPE_ROW + " WHERE p.oid = ANY (?::oid[])";

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
     * Reads {@code table} from the catalog of {@code connection}, in one round trip.
     *
     * @throws SeedException if the table does not exist (with similar names)
     */
    public static Table read(Connection connection, TableName table, String step) throws SQLException {
        Tables read = readAll(connection, List.of(table));
        Table found = read.found().get(table);
        if (found == null) {
            throw new SeedException(Location.of(step), "table " + table + " does not exist"
                    + (table.schema().isPresent() ? "" : " on the search_path")
                    + cutNote(table, read.maxIdentifierLength()) + similarTables(connection, table)
                    + "; create it first, or check the name's case (Blink quotes names exactly as given)", null);
        }
        return found;
    }

    /**
     * Tables read together: those that exist, by the name given, and the server's
     * {@code max_identifier_length}.
     */
    record Tables(Map<TableName, Table> found, int maxIdentifierLength) {
    }

    /**
     * Reads every table of {@code tables} that exists from the catalog of {@code connection}, in one
     * round trip (one more for each level of types nested deeper than a domain over an array or an
     * array of a domain). A table that does not exist is left out: {@link #read} reports it.
     */
    static Tables readAll(Connection connection, List<TableName> tables) throws SQLException {
        String[] names = new String[tables.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = tables.get(i).toSql();
        }
        int[] oids = new int[names.length];
        boolean[] exists = new boolean[names.length];
        List<List<ColumnRow>> columns = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            columns.add(new ArrayList<>());
        }
        Map<Integer, TypeRow> types = new HashMap<>();
        String timeZone = null;
        int version = 0;
        int maxIdentifierLength = 0;
        try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
            statement.setArray(1, connection.createArrayOf("text", names));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "r" -> {
                            int n = rs.getInt(2) - 1;
                            oids[n] = (int) rs.getLong(3);
                            exists[n] = !rs.wasNull();
                            version = rs.getInt(4);
                            maxIdentifierLength = rs.getInt(5);
                            timeZone = rs.getString(7);
                        }
                        case "a" -> {
                            String generated = rs.getString(8);
                            columns.get(rs.getInt(2) - 1).add(new ColumnRow(rs.getString(7), (int) rs.getLong(3),
                                    generated != null && !generated.isEmpty()));
                        }
                        default -> putType(rs, types);
                    }
                }
            }
        }
        readDeeperTypes(connection, types);
        Map<Integer, PgType> built = new HashMap<>();
        Map<TableName, Table> found = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (!exists[i]) {
                continue;
            }
            Map<String, Column> byName = new LinkedHashMap<>();
            for (ColumnRow column : columns.get(i)) {
                byName.put(column.name(), new Column(column.name(), build(column.type(), types, built),
                        column.generated()));
            }
            found.put(tables.get(i), new Table(oids[i], tables.get(i), Collections.unmodifiableMap(byName), timeZone,
                    version, maxIdentifierLength));
        }
        return new Tables(Collections.unmodifiableMap(found), maxIdentifierLength);
    }

    /** A note that the server looked for the cut name, if a part of {@code table} is longer than the limit. */
    private static String cutNote(TableName table, int max) {
        boolean cut = table.name().getBytes(StandardCharsets.UTF_8).length > max
                || table.schema().map(s -> s.getBytes(StandardCharsets.UTF_8).length > max).orElse(false);
        return cut ? " (PostgreSQL cuts names to " + max + " bytes, and looked for the cut name)" : "";
    }

    private record ColumnRow(String name, int type, boolean generated) {
    }

    private record TypeRow(int oid, String schema, String name, String typtype, String category, int base,
                           int element, int subtype, char delimiter, String input, String receive) {
    }

    private static void putType(ResultSet rs, Map<Integer, TypeRow> types) throws SQLException {
        String delimiter = rs.getString(11);
        TypeRow row = new TypeRow((int) rs.getLong(3), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), (int) rs.getLong(4), (int) rs.getLong(5), (int) rs.getLong(6),
                delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0), rs.getString(12), rs.getString(13));
        types.put(row.oid(), row);
    }

    /** Reads the types that {@code types} refer to but lacks, level by level, until none is missing. */
    private static void readDeeperTypes(Connection connection, Map<Integer, TypeRow> types) throws SQLException {
        while (true) {
            StringJoiner missing = new StringJoiner(",", "{", "}");
            boolean any = false;
            for (TypeRow row : types.values()) {
                for (int ref : new int[] {"d".equals(row.typtype()) ? row.base() : 0, row.element(), row.subtype()}) {
                    if (ref != 0 && !types.containsKey(ref)) {
                        missing.add(Integer.toUnsignedString(ref));
                        any = true;
                    }
                }
            }
            if (!any) {
                return;
            }
            int known = types.size();
            try (PreparedStatement statement = connection.prepareStatement(TYPES)) {
                statement.setString(1, missing.toString());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        putType(rs, types);
                    }
                }
            }
            if (types.size() == known) {
                throw new SQLException("the catalog names types that pg_type lacks: " + missing);
            }
        }
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
