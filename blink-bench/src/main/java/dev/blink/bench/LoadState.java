package dev.blink.bench;

import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One fork's database (a fresh one on the embedded PostgreSQL 17, or on the server named by
 * {@code BLINK_TEST_JDBC_URL}), the table under test, and its pre-generated rows. The table is
 * emptied before every iteration; with single-shot iterations that is before every operation.
 */
@State(Scope.Benchmark)
public class LoadState {

    private static final Map<BenchTable, TestDatabase> DATABASES = new ConcurrentHashMap<>();

    /** {@code users} or {@code narrow}. */
    @Param({"users", "narrow"})
    public String table;

    /** Rows loaded into {@code bench_users} per operation. */
    @Param("1000000")
    public int usersRows;

    /** Rows loaded into {@code bench_narrow} per operation. */
    @Param("2000000")
    public int narrowRows;

    BenchTable benchTable;
    int rows;
    List<?> records;
    TestDatabase database;
    /** Autocommit on; methods open their own transaction. */
    Connection connection;
    /** Like {@link #connection}, with pgjdbc's {@code reWriteBatchedInserts=true}. */
    Connection rewriteConnection;
    Path workDir;
    /** Set by states whose methods write nothing (the encode benchmarks), to skip the row count check. */
    boolean expectEmpty;

    /** Creates the database and the table, and generates the rows. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        benchTable = BenchTable.of(table);
        rows = benchTable == BenchTable.USERS ? usersRows : narrowRows;
        records = benchTable.records(rows);
        database = database(benchTable);
        connection = database.connect();
        rewriteConnection = connect(database, true);
        workDir = Files.createTempDirectory("blink-bench-");
        // the server process writes and reads its COPY files here
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    /** Empties the table. */
    @Setup(Level.Iteration)
    public void truncate() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + benchTable.tableName());
        }
    }

    /** Checks that the last operation loaded every row, then closes the connections. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            long count = database.count(benchTable.tableName());
            if (count != (expectEmpty ? 0 : rows)) {
                throw new IllegalStateException(benchTable.tableName() + " holds " + count + " rows after the last operation, not "
                        + (expectEmpty ? 0 : rows));
            }
        } finally {
            connection.close();
            rewriteConnection.close();
            deleteTree(workDir);
        }
    }

    /**
     * The JVM's database for {@code table}, created with the table on first use and dropped when
     * the JVM exits. A JMH fork runs one benchmark, so this matters only when several run in one
     * JVM (the smoke test), where it saves a database and a Hibernate boot per benchmark.
     */
    static TestDatabase database(BenchTable table) {
        return DATABASES.computeIfAbsent(table, t -> {
            TestDatabase created = PostgresServer.shared().createDatabase();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(created), "blink-bench-drop-" + t.tableName()));
            created.execute(t.ddl());
            return created;
        });
    }

    private static void dropQuietly(TestDatabase database) {
        try {
            database.close();
        } catch (RuntimeException e) {
            // the embedded server may stop first, taking its temporary data directory with it
        }
    }

    /** The JDBC URL of the database, with extra parameters when {@code rewrite} is set. */
    static String url(TestDatabase database, boolean rewrite) {
        String url = database.jdbcUrl();
        if (!rewrite) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? "?" : "&") + "reWriteBatchedInserts=true";
    }

    static Connection connect(TestDatabase database, boolean rewrite) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        return DriverManager.getConnection(url(database, rewrite), properties);
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
