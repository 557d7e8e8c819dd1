package dev.blink.bench;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.SeedResult;
import dev.blink.junit.Isolation;
import dev.blink.junit.Seeded;
import dev.blink.junit.internal.SeedSpec;
import dev.blink.junit.internal.Server;
import dev.blink.junit.internal.Template;
import dev.blink.junit.internal.Templates;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * The time to give a test class a fresh database holding a seed of 100,000 rows over three tables
 * (users, posts, comments, with foreign keys and their indexes), five ways, interleaved round by
 * round (the order rotates) so that the machine's load falls on all of them alike:
 *
 * <ul>
 *   <li>{@code copy}: {@code @Seeded(isolation = COPY_PER_CLASS)}: {@code CREATE DATABASE … TEMPLATE}
 *       of the seeded template, through blink-junit's own code (PostgreSQL's default strategy:
 *       {@code WAL_LOG} from 15 on);</li>
 *   <li>{@code copy-file}: the same copy with {@code STRATEGY FILE_COPY} (PostgreSQL 15 and later);</li>
 *   <li>{@code reseed}: a new database, the schema, and the seed by Blink (binary COPY);</li>
 *   <li>{@code rows}: a new database, the schema, and the seed row by row, one prepared
 *       {@code INSERT} per row in one transaction: what DbUnit / Database Rider's {@code @DataSet}
 *       do (this lower bound skips their dataset parsing and metadata reads);</li>
 *   <li>{@code rollback}: what {@code Isolation.ROLLBACK} pays per test: the seed by Blink in a
 *       transaction that is rolled back, in a database that already has the schema.</li>
 * </ul>
 *
 * <p>Wall time per operation (the server's work dominates) and the client thread's CPU. The
 * template's one-time cost (a new database, the seed, {@code ANALYZE}) is reported apart.
 *
 * <pre>{@code java -cp blink-bench/target/benchmarks.jar dev.blink.bench.FreshDatabase 7 target/bench/fresh-database.md}</pre>
 */
public final class FreshDatabase {

    static final int USERS = 10_000;
    static final int POSTS = 40_000;
    static final int COMMENTS = 50_000;
    static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");
    static final String SCHEMA = """
            CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL UNIQUE,
                                created_at timestamptz NOT NULL);
            CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id),
                                title text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL);
            CREATE INDEX posts_user_id ON posts (user_id);
            CREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint NOT NULL REFERENCES posts (id),
                                   author_id bigint NOT NULL REFERENCES users (id), body text NOT NULL,
                                   created_at timestamptz NOT NULL);
            CREATE INDEX comments_post_id ON comments (post_id);
            """;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FreshDatabase() {
    }

    /** The seed the template holds; also {@link Seeded}'s method. */
    public static SeedResult seed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        }
        return plan().insert(connection, InsertOptions.defaults());
    }

    @Seeded(method = "dev.blink.bench.FreshDatabase#seed", isolation = Isolation.COPY_PER_CLASS)
    private static final class Annotated {
    }

    static Plan plan() {
        return Blink.plan()
                .addTable("users", store -> LongStream.rangeClosed(1, USERS).mapToObj(FreshDatabase::user).toList())
                .addTable("posts", store -> LongStream.rangeClosed(1, POSTS).mapToObj(FreshDatabase::post).toList())
                .addTable("comments", store -> LongStream.rangeClosed(1, COMMENTS).mapToObj(FreshDatabase::comment)
                        .toList());
    }

    static Map<String, Object> user(long i) {
        return row("id", i, "name", "User " + i, "email", "user" + i + "@example.com", "created_at", AT.plusSeconds(i));
    }

    static Map<String, Object> post(long i) {
        return row("id", i, "user_id", (i - 1) % USERS + 1, "title", "Post " + i,
                "body", "The body of post " + i + ", long enough to look like a paragraph of text in a test.",
                "created_at", AT.plusSeconds(i));
    }

    static Map<String, Object> comment(long i) {
        return row("id", i, "post_id", (i - 1) % POSTS + 1, "author_id", (i * 7) % USERS + 1,
                "body", "Comment " + i + " on a post", "created_at", AT.plusSeconds(i));
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    /**
     * Runs the rounds.
     *
     * @param args rounds (default 7) and a Markdown file to write (optional)
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path out = args.length > 1 ? Path.of(args[1]) : null;
        String loadAtStart = load();
        Server server = Server.testServer();
        TestDatabase admin = PostgresServer.shared().createDatabase();
        int major;
        try (Connection connection = admin.connect(); Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("SHOW server_version_num");
            rs.next();
            major = rs.getInt(1) / 10_000;
        }

        long start = System.nanoTime();
        Template template = Templates.of(server, SeedSpec.of(Annotated.class.getAnnotation(Seeded.class), Annotated.class));
        template.result();
        double templateSeconds = (System.nanoTime() - start) / 1e9;
        String templateName;
        try (Template.Copy probe = template.copy()) {
            templateName = templateOf(admin, probe.name());
        }

        TestDatabase rollbackDatabase = PostgresServer.shared().createDatabase();
        rollbackDatabase.execute(SCHEMA);

        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("copy", () -> {
            Template.Copy copy = template.copy();
            return copy::close;
        });
        if (major >= 15) {
            ops.put("copy-file", () -> {
                String name = "blink_bench_copy_" + System.nanoTime();
                admin.execute("CREATE DATABASE " + name + " TEMPLATE " + templateName + " STRATEGY FILE_COPY");
                return () -> admin.execute("DROP DATABASE " + name);
            });
        }
        ops.put("reseed", () -> {
            TestDatabase fresh = PostgresServer.shared().createDatabase();
            try (Connection connection = fresh.connect()) {
                connection.setAutoCommit(false);
                seed(connection);
                connection.commit();
            }
            return fresh::close;
        });
        ops.put("rows", () -> {
            TestDatabase fresh = PostgresServer.shared().createDatabase();
            try (Connection connection = fresh.connect()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(SCHEMA);
                }
                insertRows(connection);
                connection.commit();
            }
            return fresh::close;
        });
        ops.put("rollback", () -> {
            try (Connection connection = rollbackDatabase.connect()) {
                connection.setAutoCommit(false);
                plan().insert(connection, InsertOptions.defaults());
                connection.rollback();
            }
            return () -> { };
        });

        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        ops.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        List<String> names = new ArrayList<>(ops.keySet());
        for (int round = 0; round <= rounds; round++) { // round 0 warms up and is not kept
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + round) % names.size());
                long cpu = THREADS.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                Runnable undo = ops.get(name).run();
                double seconds = (System.nanoTime() - wall) / 1e9;
                double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
                undo.run();
                if (round > 0) {
                    samples.get(name).add(new double[] {seconds, cpuSeconds});
                }
            }
        }
        rollbackDatabase.close();
        admin.close();

        String report = report(samples, rounds, major, templateSeconds, loadAtStart, load());
        System.out.print(report);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        }
    }

    static void insertRows(Connection connection) throws SQLException {
        try (PreparedStatement users = connection.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?)");
             PreparedStatement posts = connection.prepareStatement("INSERT INTO posts VALUES (?, ?, ?, ?, ?)");
             PreparedStatement comments = connection.prepareStatement("INSERT INTO comments VALUES (?, ?, ?, ?, ?)")) {
            for (long i = 1; i <= USERS; i++) {
                bind(users, user(i));
            }
            for (long i = 1; i <= POSTS; i++) {
                bind(posts, post(i));
            }
            for (long i = 1; i <= COMMENTS; i++) {
                bind(comments, comment(i));
            }
        }
    }

    private static void bind(PreparedStatement statement, Map<String, Object> row) throws SQLException {
        int i = 1;
        for (Object value : row.values()) {
            statement.setObject(i++, value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
        statement.executeUpdate();
    }

    private static String templateOf(TestDatabase admin, String copy) {
        // the copy's name tells nothing of its template: find the sealed template database
        return (String) admin.queryValue("SELECT datname FROM pg_database WHERE datistemplate AND NOT datallowconn "
                + "AND datname LIKE 'blink_template_" + ProcessHandle.current().pid() + "_%' ORDER BY oid DESC LIMIT 1");
    }

    private static String report(Map<String, List<double[]>> samples, int rounds, int major, double templateSeconds,
                                 String loadAtStart, String loadAtEnd) {
        double reseed = median(samples.get("reseed"), 0);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Fresh seeded database per test class: %,d rows (users %,d, posts %,d, "
                + "comments %,d), PostgreSQL %d, %d rounds interleaved (after one warm-up round).%n",
                USERS + POSTS + COMMENTS, USERS, POSTS, COMMENTS, major, rounds));
        out.append("Load average (1, 5, 15 min) at the start: ").append(loadAtStart).append("; at the end: ")
                .append(loadAtEnd).append(".\n\n");
        out.append("| way | median s | min–max s | client CPU s (median) | × reseed |\n|---|---:|---:|---:|---:|\n");
        Map<String, String> labels = Map.of(
                "copy", "template copy (`COPY_PER_CLASS`, default strategy)",
                "copy-file", "template copy, `STRATEGY FILE_COPY`",
                "reseed", "new database + schema + Blink seed",
                "rows", "new database + schema + one INSERT per row (Database Rider style)",
                "rollback", "Blink seed in a rolled-back transaction (`ROLLBACK`, per test)");
        for (Map.Entry<String, List<double[]>> entry : samples.entrySet()) {
            List<double[]> values = entry.getValue();
            double median = median(values, 0);
            double[] walls = values.stream().mapToDouble(v -> v[0]).sorted().toArray();
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f–%.3f | %.3f | %.2f |%n", labels.get(entry.getKey()),
                    median, walls[0], walls[walls.length - 1], median(values, 1), median / reseed));
        }
        out.append(String.format(Locale.ROOT, "%nThe template itself (once per JVM and seed): %.3f s.%n", templateSeconds));
        return out.toString();
    }

    private static double median(List<double[]> values, int index) {
        double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    @FunctionalInterface
    private interface Op {
        Runnable run() throws Exception;
    }
}
