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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads tables' columns and their types from the catalog: a seed's tables all in one round trip
 * ({@link #readAll}), or one table in one ({@link #read}), plus one per level of reference for
 * types that are not built in (an enum: one; an array of a domain over an enum: three).
 */
final class Catalog {

    /** A type's row: the columns of {@link TypeRow}, from {@code pg_type p} and {@code pg_range r}. */
    private static final String TYPE_ROW = "SELECT p.oid::int8, p.typbasetype::int8,"
            + " (CASE WHEN p.typreceive = 'array_recv'::regproc THEN p.typelem ELSE 0 END)::int8,"
            + " coalesce(r.rngsubtype, 0)::int8, n.nspname::text, p.typname::text, p.typtype::text, p.typcategory::text,"
            + " p.typdelim::text, i.prosrc, v.prosrc FROM pg_type p JOIN pg_namespace n ON n.oid = p.typnamespace"
            + " LEFT JOIN pg_range r ON r.rngtypid = p.oid"
            + " LEFT JOIN pg_proc i ON i.oid = p.typinput LEFT JOIN pg_proc v ON v.oid = p.typreceive";

    /**
     * Every table named in the array ({@code $1}, as SQL), its columns and the session's settings, in
     * one round trip: a row per column (a table without columns, or that does not exist, has one row
     * with a null {@code attnum}): table position, OID or null, attnum, name, type, attgenerated,
     * server_version_num, max_identifier_length, TimeZone, server_version. Deliberately a plain join:
     * the server plans it in a fraction of the time a query that also follows the types took (that
     * plan was most of a small seed's server time); types are read by {@link #TYPES}, and built-in
     * ones only once per server version ({@link #BUILT_IN_TYPES}).
     */
    private static final String TABLES = "SELECT u.n, t.oid::int8, a.attnum::int8, a.attname::text, a.atttypid::int8,"
            + " a.attgenerated::text, current_setting('server_version_num')::int8,"
            + " current_setting('max_identifier_length')::int8, current_setting('TimeZone'),"
            + " current_setting('server_version') FROM unnest(?::text[]) WITH ORDINALITY u(x, n)"
            + " CROSS JOIN LATERAL (SELECT to_regclass(u.x)::oid AS oid) t"
            + " LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " ORDER BY u.n, a.attnum";

    /** The types of the OIDs in the array. */
    private static final String TYPES = TYPE_ROW + " WHERE p.oid = ANY (?::oid[])";

    /**
     * PostgreSQL's built-in types: OIDs below 10000 (FirstGenbkiObjectId) are assigned in the
     * server's own catalog files, the same rows on every database of a server version (a minor
     * release never changes the catalog), so they are read once per version and kept.
     */
    private static final String BUILT_IN_TYPES = TYPE_ROW + " WHERE p.oid < 10000";

    private static final int FIRST_NON_BUILT_IN_OID = 10000;

    /** The built-in types by server version ({@code server_version_num} and {@code server_version}). */
    private static final Map<String, Map<Integer, TypeRow>> BUILT_IN = new ConcurrentHashMap<>();

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
     * round trip (one more for each level of types that are not built in). A table that does not
     * exist is left out: {@link #read} reports it.
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
        String timeZone = null;
        int version = 0;
        int maxIdentifierLength = 0;
        String versionKey = null;
        try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
            statement.setArray(1, connection.createArrayOf("text", names));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(1) - 1;
                    oids[n] = (int) rs.getLong(2);
                    exists[n] = !rs.wasNull();
                    long attnum = rs.getLong(3);
                    if (!rs.wasNull()) {
                        String generated = rs.getString(6);
                        columns.get(n).add(new ColumnRow(rs.getString(4), (int) rs.getLong(5),
                                generated != null && !generated.isEmpty()));
                    }
                    version = rs.getInt(7);
                    maxIdentifierLength = rs.getInt(8);
                    timeZone = rs.getString(9);
                    versionKey = version + " " + rs.getString(10);
                }
            }
        }
        Map<Integer, TypeRow> types = readTypes(connection, columns, versionKey);
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

    private static TypeRow typeRow(ResultSet rs) throws SQLException {
        String delimiter = rs.getString(9);
        return new TypeRow((int) rs.getLong(1), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), (int) rs.getLong(2), (int) rs.getLong(3), (int) rs.getLong(4),
                delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0), rs.getString(10), rs.getString(11));
    }

    /**
     * The rows of the columns' types and of every type they refer to (a domain's base, an array's
     * element, a range's subtype, to any depth): built-in ones from {@link #BUILT_IN}, the others
     * read in one round trip per level of reference.
     */
    private static Map<Integer, TypeRow> readTypes(Connection connection, List<List<ColumnRow>> columns,
                                                   String versionKey) throws SQLException {
        Map<Integer, TypeRow> types = new HashMap<>();
        Set<Integer> wanted = new HashSet<>();
        for (List<ColumnRow> table : columns) {
            for (ColumnRow column : table) {
                wanted.add(column.type());
            }
        }
        Map<Integer, TypeRow> builtIn = null;
        while (!wanted.isEmpty()) {
            StringJoiner missing = new StringJoiner(",", "{", "}");
            boolean any = false;
            for (int oid : wanted) {
                if (Integer.compareUnsigned(oid, FIRST_NON_BUILT_IN_OID) < 0) {
                    if (builtIn == null) {
                        builtIn = builtInTypes(connection, versionKey);
                    }
                    TypeRow row = builtIn.get(oid);
                    if (row == null) {
                        throw new SQLException("the catalog names a built-in type that pg_type lacks: " + oid);
                    }
                    types.put(oid, row);
                } else {
                    missing.add(Integer.toUnsignedString(oid));
                    any = true;
                }
            }
            if (any) {
                try (PreparedStatement statement = connection.prepareStatement(TYPES)) {
                    statement.setString(1, missing.toString());
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            TypeRow row = typeRow(rs);
                            types.put(row.oid(), row);
                        }
                    }
                }
                for (int oid : wanted) {
                    if (!types.containsKey(oid)) {
                        throw new SQLException("the catalog names types that pg_type lacks: " + missing);
                    }
                }
            }
            Set<Integer> next = new HashSet<>();
            for (int oid : wanted) {
                TypeRow row = types.get(oid);
                for (int ref : new int[] {"d".equals(row.typtype()) ? row.base() : 0, row.element(), row.subtype()}) {
                    if (ref != 0 && !types.containsKey(ref)) {
                        next.add(ref);
                    }
                }
            }
            wanted = next;
        }
        return types;
    }

    /** The built-in types of the connected server's version, read on its first use. */
    private static Map<Integer, TypeRow> builtInTypes(Connection connection, String versionKey) throws SQLException {
        Map<Integer, TypeRow> known = BUILT_IN.get(versionKey);
        if (known != null) {
            return known;
        }
        Map<Integer, TypeRow> read = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(BUILT_IN_TYPES)) {
            while (rs.next()) {
                TypeRow row = typeRow(rs);
                read.put(row.oid(), row);
            }
        }
        Map<Integer, TypeRow> kept = Map.copyOf(read);
        BUILT_IN.putIfAbsent(versionKey, kept);
        return kept;
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
