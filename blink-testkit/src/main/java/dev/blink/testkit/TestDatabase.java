package dev.blink.testkit;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A fresh database on the test server, with small helpers to set it up and read it back.
 *
 * <p>Tests assert what the database holds; these helpers keep those assertions short.
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final String jdbcUrl;
    private final Properties credentials;
    private final DataSource dataSource;

    TestDatabase(PostgresServer server, String name, String jdbcUrl, Properties credentials) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
        this.dataSource = new UrlDataSource();
    }

    /** The database's name on the server. */
    public String name() {
        return name;
    }

    /** The JDBC URL of this database (credentials are in {@link #user()} and {@link #password()}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user name tests connect as. */
    public String user() {
        return credentials.getProperty("user", "");
    }

    /** The password tests connect with, or an empty string. */
    public String password() {
        return credentials.getProperty("password", "");
    }

    /**
     * Runs {@code main} in a fresh JVM on the test class path, limited to {@code maxHeap} (e.g.
     * {@code "64m"}) and ended at its first {@code OutOfMemoryError}, with this database's URL,
     * user and password as its first three arguments and then {@code args}: for tests that prove a
     * bounded heap. The whole heap is committed from the start ({@code -Xms} as {@code -Xmx}), so that
     * large arrays find the same room on every run instead of depending on how the heap grew.
     *
     * @return what the JVM printed
     * @throws AssertionError if it exits other than with 0 or runs longer than {@code timeoutMinutes}
     */
    public String runJava(String maxHeap, Class<?> main, int timeoutMinutes, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-Xms" + maxHeap, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                main.getName(), jdbcUrl(), user(), password()));
        command.addAll(List.of(args));
        File log = Files.createTempFile("blink-java", ".log").toFile();
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            boolean done = child.waitFor(timeoutMinutes, TimeUnit.MINUTES);
            if (!done) {
                child.destroyForcibly().waitFor();
            }
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            if (!done || child.exitValue() != 0) {
                throw new AssertionError(main.getSimpleName() + " with -Xmx" + maxHeap + (done ? " exited with "
                        + child.exitValue() : " ran over " + timeoutMinutes + " minutes") + ":\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }

    /** A data source that opens a new connection on every call. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Opens a new connection (autocommit on). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, credentials);
    }

    /** Runs SQL statements, separated by semicolons at the ends of lines, in autocommit. */
    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    /** Reads a query's rows as ordered maps from column label to value. */
    public List<Map<String, Object>> query(String sql) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** The single value of a query that returns one row with one column. */
    public Object queryValue(String sql) {
        List<Map<String, Object>> rows = query(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("Expected one row with one column from " + sql + " but got " + rows);
        }
        return rows.get(0).values().iterator().next();
    }

    /** The number of rows in a table (the name is used as written: quote it yourself if needed). */
    public long count(String table) {
        return ((Number) queryValue("SELECT count(*) FROM " + table)).longValue();
    }

    /**
     * A checksum of a table's whole contents, independent of row order: equal tables give equal
     * checksums. Uses PostgreSQL's own text output of each row.
     */
    public String checksum(String table) {
        Object value = queryValue("SELECT coalesce(md5(string_agg(r::text, E'\\n' ORDER BY r::text)), 'empty') FROM "
                + table + " r");
        return String.valueOf(value);
    }

    /** Like {@link #checksum(String)}, of a query's rows. */
    public String checksumOf(String query) {
        return checksum("(" + query + ") AS");
    }

    /** Drops the database. */
    @Override
    public void close() {
        server.dropDatabase(name);
    }

    @Override
    public String toString() {
        return "database " + name + " on the " + server.description();
    }

    private final class UrlDataSource implements DataSource {
        private int loginTimeout;

        @Override
        public Connection getConnection() throws SQLException {
            return connect();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no logging
        }

        @Override
        public void setLoginTimeout(int seconds) {
            loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("Not a wrapper for " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }

        @Override
        public String toString() {
            return TestDatabase.this.toString();
        }
    }
}
