package dev.blink.bench;

import dev.blink.pg.PgCopyInserter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Client and server CPU of a String-heavy table: {@code bench_users}' columns (bigint, text, text,
 * int, numeric(12,2), timestamptz, timestamptz) loaded once from Strings in PostgreSQL's text
 * form (a CSV file's rows after a transform) and once from Java objects, one million rows each,
 * with {@link PgCopyInserter#copy} into an UNLOGGED table on a running server. The client's CPU
 * is the loading thread's (ThreadMXBean), the server's is its backend's ({@code /proc/<pid>/stat},
 * so the server must run on this machine). Uses only Blink's public API, so the same source runs
 * against any Blink jar: before and after a change.
 *
 * <pre>{@code
 * java -cp blink-bench/target/benchmarks.jar dev.blink.bench.StringTableCost \
 *     jdbc:postgresql://localhost:5432/postgres postgres 1000000 5
 * }</pre>
 *
 * Prints one line per load and the medians, in CPU seconds per million rows.
 */
public final class StringTableCost {

    private StringTableCost() {
    }

    /**
     * Runs the loads.
     *
     * @param args JDBC URL, user, rows per load (default 1000000), loads per kind (default 5)
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args.length > 1 ? args[1] : "postgres";
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int loads = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        List<Object[]> strings = rows(rows, i -> new Object[] {Long.toString(i), "User " + i, "user" + i + "@example.com",
                Integer.toString((int) (i % 90) + 10), BigDecimal.valueOf(i % 100_000, 2).toPlainString(),
                base.plusSeconds(i).toString().replace('T', ' ').replace("Z", "+00"),
                base.plusSeconds(2 * i).toString().replace('T', ' ').replace("Z", "+00")});
        List<Object[]> objects = rows(rows, i -> new Object[] {i, "User " + i, "user" + i + "@example.com",
                (int) (i % 90) + 10, BigDecimal.valueOf(i % 100_000, 2), base.plusSeconds(i), base.plusSeconds(2 * i)});
        List<String> columns = List.of("id", "name", "email", "age", "score", "inserted_at", "updated_at");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[2][2 * loads];
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS string_cost");
                statement.execute("CREATE UNLOGGED TABLE string_cost (id bigint, name text, email text, age int,"
                        + " score numeric(12,2), inserted_at timestamptz, updated_at timestamptz)");
            }
            int backend = backendPid(connection);
            // warm up both paths, then alternate: strings, objects, strings, …
            for (int round = -2; round < 2 * loads; round++) {
                boolean text = Math.floorMod(round, 2) == 0;
                truncate(connection);
                long client = threads.getCurrentThreadCpuTime();
                long server = serverTicks(backend);
                PgCopyInserter.copy(connection, "string_cost", columns, text ? strings : objects);
                double clientSeconds = (threads.getCurrentThreadCpuTime() - client) / 1e9;
                double serverSeconds = (serverTicks(backend) - server) / 100.0;
                if (round >= 0) {
                    int k = text ? 0 : 1;
                    cpu[k][round / 2 * 2] = clientSeconds * 1_000_000 / rows;
                    cpu[k][round / 2 * 2 + 1] = serverSeconds * 1_000_000 / rows;
                    System.out.printf(Locale.ROOT, "load %-7s client %.3f s, server %.3f s per 1M rows%n",
                            text ? "strings" : "objects", cpu[k][round / 2 * 2], cpu[k][round / 2 * 2 + 1]);
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            double[] client = new double[loads];
            double[] server = new double[loads];
            for (int i = 0; i < loads; i++) {
                client[i] = cpu[k][2 * i];
                server[i] = cpu[k][2 * i + 1];
            }
            System.out.printf(Locale.ROOT, "RESULT %s client_cpu_s_per_1M %.3f server_cpu_s_per_1M %.3f%n",
                    k == 0 ? "strings" : "objects", median(client), median(server));
        }
    }

    private interface Row {
        Object[] at(long i);
    }

    private static List<Object[]> rows(int n, Row row) {
        List<Object[]> all = new ArrayList<>(n);
        for (long i = 1; i <= n; i++) {
            all.add(row.at(i));
        }
        return new AbstractList<>() {
            @Override
            public Object[] get(int index) {
                return all.get(index);
            }

            @Override
            public int size() {
                return all.size();
            }
        };
    }

    private static void truncate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE string_cost");
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** utime + stime of a process, in clock ticks (100 per second on Linux). */
    private static long serverTicks(int pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
