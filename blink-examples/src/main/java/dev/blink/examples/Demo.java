package dev.blink.examples;

import dev.blink.BlinkException;
import dev.blink.SeedResult;
import dev.blink.TableResult;
import dev.blink.examples.factory.FactorySeed;
import dev.blink.spi.SeedListener;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs every example against PostgreSQL and prints what each wrote.
 *
 * <pre>
 * mvn -B -q -pl blink-examples -am -DskipTests install exec:java
 * mvn ... exec:java -Dexec.args="--jdbc-url jdbc:postgresql://localhost/app --user app --password secret"
 * </pre>
 *
 * <p>Without a URL (flag {@code --jdbc-url} or environment variable {@code BLINK_JDBC_URL}) it starts
 * an embedded PostgreSQL 17 in a temporary directory. {@code --events N} sets the size of the
 * streaming example (default 10,000,000). Exits with status 1 and the error's message on failure.
 */
public final class Demo {

    /** Hibernate logs its start-up at INFO through java.util.logging; the demo shows only warnings. */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private final PrintStream out;

    private Demo(PrintStream out) {
        this.out = out;
    }

    /** The command line entry point; exits with the status of {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the demo.
     *
     * @return 0 on success, 1 if a seed or the connection failed (the message goes to {@code err}),
     *     2 for bad arguments
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        HIBERNATE_LOG.setLevel(Level.WARNING);
        Map<String, String> options;
        long events;
        try {
            options = parse(args);
            events = Long.parseLong(options.getOrDefault("--events", "10000000"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: Demo [--jdbc-url URL] [--user USER] [--password PASSWORD] [--events N]");
            return 2;
        }
        String url = options.getOrDefault("--jdbc-url", System.getenv("BLINK_JDBC_URL"));
        try {
            if (url == null || url.isBlank()) {
                out.println("Starting an embedded PostgreSQL (pass --jdbc-url to use your own server)…");
                try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                    new Demo(out).runAll(postgres.getPostgresDatabase(), events);
                }
            } else {
                PGSimpleDataSource dataSource = new PGSimpleDataSource();
                dataSource.setURL(url);
                if (options.containsKey("--user")) {
                    dataSource.setUser(options.get("--user"));
                }
                if (options.containsKey("--password")) {
                    dataSource.setPassword(options.get("--password"));
                }
                new Demo(out).runAll(dataSource, events);
            }
            return 0;
        } catch (BlinkException e) {
            err.println("Seed failed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("Demo failed: " + e);
            return 1;
        }
    }

    /** Every example in turn, each on freshly created tables. */
    void runAll(DataSource dataSource, long events) throws Exception {
        List<TableResult> all = new ArrayList<>();
        all.addAll(run("Basic: 1,000 users and 5,000 posts (Seeder callbacks)", dataSource,
                () -> new BasicSeeder().call(dataSource)));
        all.addAll(run("Records and lambdas", dataSource, () -> LambdaSeed.seed(dataSource)));
        all.addAll(run("Shared context: 30 timestamps", dataSource, () -> ContextSeed.seed(dataSource)));
        Path files = FilesSeed.sampleFiles();
        all.addAll(run("CSV and JSON files", dataSource, () -> FilesSeed.seed(dataSource, files)));
        all.addAll(run("Batch size 5,000", dataSource, () -> BatchSizeSeed.seed(dataSource)));
        all.addAll(run(String.format(Locale.ROOT, "Streaming %,d events with bounded memory", events), dataSource,
                () -> StreamingSeed.seed(dataSource, events, progress())));
        try (EntityManagerFactory emf = FactorySeed.entityManagerFactory(dataSource)) {
            all.addAll(run("JPA entities from factories, UUID ids (organizations, users, posts)", dataSource,
                    () -> FactorySeed.seed(emf, dataSource)));
        }
        all.addAll(run("Sequences reset after explicit ids", dataSource, () -> SequencesSeed.seed(dataSource)));
        out.println("  next id the application gets: " + nextTagId(dataSource));
        ExampleSchema.create(dataSource);
        out.println();
        out.println("Inside a caller's transaction: saw " + OuterTransactionSeed.seedAndRollBack(dataSource)
                + " user, rolled back to " + count(dataSource, "users"));
        long total = all.stream().mapToLong(TableResult::rows).sum();
        out.printf(Locale.ROOT, "%nDone: %,d rows in %d tables.%n", total, all.size());
    }

    private List<TableResult> run(String title, DataSource dataSource, Example example) throws Exception {
        ExampleSchema.create(dataSource);
        out.println();
        out.println(title);
        SeedResult result = example.run();
        for (TableResult table : result.tables()) {
            out.printf(Locale.ROOT, "  %-22s %,12d rows %,9d ms %,14.0f rows/s%n", table.table(), table.rows(),
                    table.elapsed().toMillis(), table.rowsPerSecond());
        }
        return result.tables();
    }

    /** A progress line, redrawn in place when the demo prints to a terminal. */
    private SeedListener progress() {
        return SeedListener.console(out, out == System.out && System.console() != null);
    }

    private static long nextTagId(DataSource dataSource) throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rs = statement.executeQuery("INSERT INTO tags (name) VALUES ('added by the application') RETURNING id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(DataSource dataSource, String table) throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!List.of("--jdbc-url", "--user", "--password", "--events").contains(flag) || i + 1 == args.length) {
                throw new IllegalArgumentException("Unknown or incomplete option: " + flag);
            }
            options.put(flag, args[++i]);
        }
        return options;
    }

    @FunctionalInterface
    private interface Example {
        SeedResult run() throws Exception;
    }
}
