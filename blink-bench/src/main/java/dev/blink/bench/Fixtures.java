package dev.blink.bench;

import dev.blink.jpa.JpaTables;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.postgresql.PGConnection;

/** The inputs that only some methods need; JMH builds a state only for the methods that take it. */
public final class Fixtures {

    /**
     * Directory for side results (file sizes, CPU times): the system property {@code blink.bench.out},
     * or else the environment variable {@code BLINK_BENCH_OUT} (which JMH's forks inherit).
     */
    static final String OUT_PROPERTY = "blink.bench.out";
    static final String OUT_VARIABLE = "BLINK_BENCH_OUT";

    private Fixtures() {
    }

    /** The rows as {@code Map<String, Object>}, one per record. */
    @State(Scope.Benchmark)
    public static class MapRows {
        List<Map<String, Object>> maps;

        /** Converts the records. */
        @Setup(Level.Trial)
        public void setUp(LoadState load) {
            List<Map<String, Object>> list = new ArrayList<>(load.rows);
            for (Object row : load.records) {
                list.add(row instanceof UserRow user ? BenchRows.toMap(user) : BenchRows.toMap((NarrowRow) row));
            }
            maps = list;
        }
    }

    /** The rows as JPA entities, and a Hibernate session factory tuned for batch inserts. */
    @State(Scope.Benchmark)
    public static class EntityRows {
        /** One per database and JVM; closed with the JVM. */
        private static final Map<String, SessionFactory> SESSION_FACTORIES = new ConcurrentHashMap<>();

        List<Object> entities;
        SessionFactory sessionFactory;
        JpaTables jpaTables;
        Class<?> entityClass;

        /** Converts the records and boots Hibernate. */
        @Setup(Level.Trial)
        public void setUp(LoadState load) {
            List<Object> list = new ArrayList<>(load.rows);
            for (Object row : load.records) {
                list.add(row instanceof UserRow user ? UserEntity.of(user) : NarrowEntity.of((NarrowRow) row));
            }
            entities = list;
            sessionFactory = SESSION_FACTORIES.computeIfAbsent(LoadState.url(load.database, true),
                    url -> sessionFactory(url, load.database.user(), load.database.password(), 2));
            jpaTables = JpaTables.from(sessionFactory);
            entityClass = load.benchTable == BenchTable.USERS ? UserEntity.class : NarrowEntity.class;
        }

        /**
         * Hibernate with JDBC batches of 1000, ordered inserts and pgjdbc's batch rewriting, over a
         * pool of {@code poolSize} connections (1: every session gets the same connection, so its
         * server backend is known).
         */
        static SessionFactory sessionFactory(String url, String user, String password, int poolSize) {
            // Hibernate logs through jboss-logging: send it to SLF4J, which is silent here (slf4j-nop)
            System.setProperty("org.jboss.logging.provider", "slf4j");
            EntityManagerFactory factory = new HibernatePersistenceConfiguration("blink-bench")
                    .managedClasses(UserEntity.class, NarrowEntity.class)
                    .jdbcUrl(url)
                    .jdbcCredentials(user, password)
                    .jdbcPoolSize(poolSize)
                    .property("hibernate.jdbc.batch_size", 1000)
                    .property("hibernate.order_inserts", true)
                    .property("hibernate.generate_statistics", false)
                    .property("hibernate.boot.allow_jdbc_metadata_access", false)
                    .property("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
                    .createEntityManagerFactory();
            return factory.unwrap(SessionFactory.class);
        }
    }

    /** The rows as a CSV file with a header. */
    @State(Scope.Benchmark)
    public static class CsvFile {
        Path file;

        /** Writes the file. */
        @Setup(Level.Trial)
        public void setUp(LoadState load) throws IOException {
            file = load.workDir.resolve(load.benchTable.tableName() + ".csv");
            load.benchTable.writeCsv(load.records, file);
        }
    }

    /**
     * The rows as a binary COPY file that the server reads itself: loaded once through COPY CSV,
     * written by {@code COPY … TO '<file>' (FORMAT binary)}. Its size per row is the byte count
     * behind every method's MB/s.
     */
    @State(Scope.Benchmark)
    public static class ServerFile {
        Path file;

        /** Writes the file (the table is emptied again before the first iteration). */
        @Setup(Level.Trial)
        public void setUp(LoadState load) throws IOException, SQLException {
            String table = load.benchTable.tableName();
            Path csv = load.workDir.resolve(table + "-for-binary.csv");
            load.benchTable.writeCsv(load.records, csv);
            file = load.workDir.resolve(table + ".bin");
            try (Statement statement = load.connection.createStatement()) {
                statement.execute("TRUNCATE " + table);
            }
            try (InputStream in = Files.newInputStream(csv)) {
                load.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY " + table + " FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
            }
            try (Statement statement = load.connection.createStatement()) {
                statement.execute("COPY " + table + " TO '" + file + "' (FORMAT binary)");
                statement.execute("TRUNCATE " + table);
            }
            Files.delete(csv);
            writeSide("size-" + table + "-" + load.rows + ".json",
                    "{\"table\": \"" + table + "\", \"rows\": " + load.rows + ", \"binaryCopyBytes\": " + Files.size(file) + "}\n");
        }
    }

    /** Writes a side result into the directory named by {@value #OUT_PROPERTY} or {@value #OUT_VARIABLE}, if set. */
    static void writeSide(String name, String json) throws IOException {
        String dir = System.getProperty(OUT_PROPERTY, System.getenv(OUT_VARIABLE));
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path out = Path.of(dir);
        Files.createDirectories(out);
        Files.writeString(out.resolve(name), json, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
