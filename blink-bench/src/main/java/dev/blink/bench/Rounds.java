package dev.blink.bench;

import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;

/**
 * The interleaved benchmark run: every method of every case once per round (A B C, A B C, …), on
 * one warm server, with the tables emptied and a {@code CHECKPOINT} before every load, for a few
 * warm-up rounds and then the measured ones; the report gives medians and ratios within the run
 * ({@link RoundsReport}). Where JMH gives each method its own JVM and a cold server, this run lets
 * every method meet the same server state and the same machine load, which on a shared machine is
 * what makes ratios comparable. {@code blink-bench/rounds.sh} builds the jar and runs it.
 *
 * <p>Settings (environment): {@code ROUNDS} (5), {@code WARMUP_ROUNDS} (1), {@code USERS_ROWS}
 * (1,000,000), {@code NARROW_ROWS} (2,000,000), {@code SMALL_REPEATS} (20 seeds per measurement),
 * {@code CASES} and {@code METHODS} (regular expressions that select cases and methods by name),
 * {@code OUT} (directory for {@code rounds.md} and {@code rounds.tsv}).
 */
public final class Rounds {

    private Rounds() {
    }

    /** Runs the grid with the settings of the environment and writes the report. */
    public static void main(String[] args) throws Exception {
        run(System.getenv());
    }

    /** Runs the grid with {@code settings} (names as in the environment) and writes the report. */
    static void run(Map<String, String> settings) throws Exception {
        int rounds = intSetting(settings, "ROUNDS", 5);
        int warmups = intSetting(settings, "WARMUP_ROUNDS", 1);
        int usersRows = intSetting(settings, "USERS_ROWS", 1_000_000);
        int narrowRows = intSetting(settings, "NARROW_ROWS", 2_000_000);
        int smallRepeats = intSetting(settings, "SMALL_REPEATS", 20);
        Pattern cases = Pattern.compile(settings.getOrDefault("CASES", ".*"));
        Pattern methods = Pattern.compile(settings.getOrDefault("METHODS", ".*"));
        Path out = Path.of(settings.getOrDefault("OUT", "blink-bench/target/rounds"));
        Files.createDirectories(out);
        String loadAtStart = loadAverage();

        PostgresServer server = PostgresServer.shared();
        try (TestDatabase database = server.createDatabase()) {
            RoundsFixture fixture = new RoundsFixture(database, out.resolve("files"));
            // only the selected cases are built: a large table's rows take memory and time to make
            List<RoundsCase> grid = new ArrayList<>();
            if (cases.matcher(BenchTable.USERS.tableName()).find()) {
                grid.add(fixture.bigTable(BenchTable.USERS.tableName(), BenchTable.USERS, usersRows, true));
            }
            if (cases.matcher(BenchTable.NARROW.tableName()).find()) {
                grid.add(fixture.bigTable(BenchTable.NARROW.tableName(), BenchTable.NARROW, narrowRows, true));
            }
            if (cases.matcher(RoundsFixture.INDEXED).find()) {
                grid.add(fixture.bigTable(RoundsFixture.INDEXED, BenchTable.USERS, usersRows, false));
            }
            for (int[] shape : new int[][] {{1, 1}, {10, 100}, {50, 10}}) {
                SmallSeeds seeds = new SmallSeeds(shape[0], shape[1], smallRepeats);
                if (cases.matcher(seeds.name()).find()) {
                    grid.add(fixture.smallSeed(seeds, smallRepeats));
                }
            }
            List<RoundsCase> selected = select(grid, cases, methods);
            RoundsReport report = new RoundsReport(selected, server.description(), rounds, warmups);
            try (Connection admin = database.connect()) {
                for (int round = 0; round < warmups + rounds; round++) {
                    boolean measured = round >= warmups;
                    for (RoundsCase c : selected) {
                        for (RoundsMethod method : c.methods()) {
                            RoundsReport.Sample sample = measure(admin, c, method);
                            System.out.printf(Locale.ROOT, "round %d%s  %-14s %-22s %9.3f s  client %7.3f s  server %7.3f s%n",
                                    round + 1, measured ? "" : " (warm-up)", c.name(), method.name(), sample.wall(),
                                    sample.client(), sample.server());
                            if (measured) {
                                report.add(c, method, sample);
                            }
                        }
                    }
                }
            }
            fixture.close();
            report.write(out, loadAtStart, loadAverage());
        }
    }

    private static List<RoundsCase> select(List<RoundsCase> grid, Pattern cases, Pattern methods) {
        List<RoundsCase> selected = new ArrayList<>();
        for (RoundsCase c : grid) {
            if (!cases.matcher(c.name()).find()) {
                continue;
            }
            List<RoundsMethod> kept = c.methods().stream().filter(m -> methods.matcher(m.name()).find()
                    || m.name().equals(RoundsFixture.CEILING)).toList();
            if (!kept.isEmpty()) {
                selected.add(new RoundsCase(c.name(), c.rows(), c.repeats(), c.reset(), c.countSql(), kept));
            }
        }
        return selected;
    }

    /** Empties the case's tables, checkpoints, runs the method's load(s) under the three clocks, checks the count. */
    private static RoundsReport.Sample measure(Connection admin, RoundsCase c, RoundsMethod method) throws Exception {
        try (Statement statement = admin.createStatement()) {
            statement.execute(c.reset());
            statement.execute("CHECKPOINT");
        }
        int pid = method.backend().getAsInt();
        long server = CpuClocks.server(pid);
        long client = CpuClocks.client();
        long wall = System.nanoTime();
        long written = 0;
        for (int repeat = 0; repeat < c.repeats(); repeat++) {
            written += method.load().run(repeat);
        }
        wall = System.nanoTime() - wall;
        client = CpuClocks.client() - client;
        long serverAfter = CpuClocks.server(pid);
        server = server < 0 || serverAfter < 0 ? -1 : serverAfter - server;
        long expected = c.rows() * c.repeats();
        long held;
        try (Statement statement = admin.createStatement(); ResultSet count = statement.executeQuery(c.countSql())) {
            count.next();
            held = count.getLong(1);
        }
        if (held != expected || written != expected) {
            throw new IllegalStateException(method.name() + " on " + c.name() + " wrote " + written + " rows and the tables hold "
                    + held + ", not " + expected);
        }
        double per = 1e9 * c.repeats();
        return new RoundsReport.Sample(wall / per, client / per, server < 0 ? Double.NaN : server / per);
    }

    /** The pid of the backend serving {@code connection}. */
    static int backendPid(Connection connection) {
        try (Statement statement = connection.createStatement(); ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the backend pid: " + e.getMessage(), e);
        }
    }

    /** The pid of the backend of the (one) pooled connection of a session factory. */
    static int backendPid(SessionFactory factory) {
        try (var session = factory.openSession()) {
            return session.doReturningWork(Rounds::backendPid);
        }
    }

    private static int intSetting(Map<String, String> settings, String name, int fallback) {
        String value = settings.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
