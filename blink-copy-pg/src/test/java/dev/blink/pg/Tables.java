package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers: copy values of one type into a fresh table and compare with PostgreSQL's own reading of literals. */
final class Tables {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private Tables() {
    }

    /**
     * Copies {@code values} into a new one-column table of {@code type} with binary COPY, then
     * asserts that each stored value's text equals PostgreSQL's text of the SQL expression at the
     * same position (cast to the type), e.g. {@code "'42'"} or {@code "NULL"}.
     */
    static void assertLands(Connection connection, String type, List<?> values, List<String> literals)
            throws SQLException {
        assertEquals(values.size(), literals.size(), "one literal per value");
        String table = "rt_" + TABLES.incrementAndGet();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (i int, v " + type + ")");
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(new Object[] {i + 1, values.get(i)});
        }
        assertEquals(values.size(), PgCopyInserter.copy(connection, table, List.of("i", "v"), rows));
        StringJoiner expected = new StringJoiner(", ", "(VALUES ", ")");
        for (int i = 0; i < literals.size(); i++) {
            expected.add("(" + (i + 1) + ", (" + literals.get(i) + ")::" + type + ")");
        }
        int seen = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT t.i, t.v::text AS got, e.x::text AS want FROM " + table
                     + " t JOIN " + expected + " e(i, x) ON e.i = t.i ORDER BY t.i")) {
            while (rs.next()) {
                int i = rs.getInt(1) - 1;
                seen++;
                assertEquals(rs.getString(3), rs.getString(2), () -> type + " value #" + (i + 1) + " "
                        + describe(values.get(i)) + " vs " + literals.get(i));
            }
        }
        assertEquals(values.size(), seen);
    }

    static String describe(Object value) {
        if (value instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    static List<String> lits(String... literals) {
        return Arrays.asList(literals);
    }

    static List<Object> vals(Object... values) {
        return Arrays.asList(values);
    }
}
