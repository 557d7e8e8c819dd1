package dev.blink.pg;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.Retain;
import dev.blink.TableOptions;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * Not part of the suite (a main, not a test): the wall time of small seeds through Blink's default
 * inserter against a plain JDBC batch of the same rows (one prepared {@code INSERT} per table,
 * {@code executeBatch}, one commit), and the round trips each makes. Shapes: 50 tables × 10 rows,
 * 10 × 100 and 1 × 1, each on one warm connection, timed {@code runs} times after {@code runs / 2}
 * warm-up runs (tables truncated between runs, outside the timing); prints the median and the
 * 10th and 90th percentiles. Round trips are counted on the socket: each turn from writing to
 * reading is one.
 *
 * <p>Run after {@code mvn -B -ntp -q -pl blink-copy-pg -am install -DskipTests} with
 * {@code mvn -B -ntp -q -pl blink-copy-pg test-compile exec:exec -Dexec.executable=java
 * -Dexec.classpathScope=test -Dexec.args="-cp %classpath dev.blink.pg.SeedLatency 40"}, or with
 * {@code java -cp} on the test class path ({@code dependency:build-classpath -Dmdep.includeScope=test}).
 */
public final class SeedLatency {

    record Event(long id, String name, Instant at, int count, BigDecimal amount) {
    }

    private SeedLatency() {
    }

    /** Arguments: the number of timed runs per shape (default 40), then shapes ({@code 50x10 10x100 1x1} if none). */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        try (TestDatabase db = PostgresServer.shared().createDatabase()) {
            Properties properties = new Properties();
            properties.setProperty("user", db.user());
            properties.setProperty("password", db.password());
            properties.setProperty("socketFactory", CountingSocketFactory.class.getName());
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), properties)) {
                System.out.printf("%-8s %-10s %9s %9s %9s %12s%n", "shape", "inserter", "median ms", "p10 ms",
                        "p90 ms", "round trips");
                List<String> shapes = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                        : List.of("50x10", "10x100", "1x1");
                for (String shape : shapes) {
                    String[] sizes = shape.split("x");
                    measure(connection, Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1]), runs);
                }
            }
        }
    }

    private static void measure(Connection connection, int tables, int rows, int runs) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int t = 0; t < tables; t++) {
                statement.execute("DROP TABLE IF EXISTS latency_" + t + "; CREATE TABLE latency_" + t
                        + " (id bigint PRIMARY KEY, name text, at timestamptz, count int, amount numeric(12,2))");
            }
        }
        List<Event> events = IntStream.range(0, rows).mapToObj(i -> new Event(i, "event number " + i,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), i % 1000, BigDecimal.valueOf(i, 2))).toList();
        String shape = tables + "x" + rows;
        report(shape, "blink", time(connection, tables, runs, () -> blink(connection, tables, events)));
        report(shape, "jdbc", time(connection, tables, runs, () -> jdbc(connection, tables, events)));
    }

    private interface Seed {
        void run() throws SQLException;
    }

    /** Nanoseconds and round trips of each timed run. */
    private static long[][] time(Connection connection, int tables, int runs, Seed seed) throws SQLException {
        long[][] timed = new long[2][runs];
        for (int i = -runs / 2; i < runs; i++) {
            truncate(connection, tables);
            long trips = CountingSocketFactory.TRIPS.get();
            long start = System.nanoTime();
            seed.run();
            long elapsed = System.nanoTime() - start;
            if (i >= 0) {
                timed[0][i] = elapsed;
                timed[1][i] = CountingSocketFactory.TRIPS.get() - trips;
            }
        }
        return timed;
    }

    private static void truncate(Connection connection, int tables) throws SQLException {
        StringBuilder sql = new StringBuilder("TRUNCATE ");
        for (int t = 0; t < tables; t++) {
            sql.append(t == 0 ? "" : ", ").append("latency_").append(t);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.toString());
        }
    }

    private static void blink(Connection connection, int tables, List<Event> events) {
        Plan plan = Blink.plan();
        for (int t = 0; t < tables; t++) {
            plan.addTable("latency_" + t, store -> events, TableOptions.retain(Retain.NONE));
        }
        plan.insert(connection, InsertOptions.defaults());
    }

    private static void jdbc(Connection connection, int tables, List<Event> events) throws SQLException {
        connection.setAutoCommit(false);
        try {
            for (int t = 0; t < tables; t++) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO latency_" + t
                        + " (id, name, at, count, amount) VALUES (?, ?, ?, ?, ?)")) {
                    for (Event event : events) {
                        insert.setLong(1, event.id());
                        insert.setString(2, event.name());
                        insert.setObject(3, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
                        insert.setInt(4, event.count());
                        insert.setBigDecimal(5, event.amount());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void report(String shape, String inserter, long[][] timed) {
        long[] nanos = timed[0].clone();
        Arrays.sort(nanos);
        long[] trips = timed[1].clone();
        Arrays.sort(trips);
        System.out.printf("%-8s %-10s %9.2f %9.2f %9.2f %12d%n", shape, inserter, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length / 10] / 1e6, nanos[nanos.length * 9 / 10] / 1e6, trips[trips.length / 2]);
    }
}
