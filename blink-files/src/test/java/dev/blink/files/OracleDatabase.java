package dev.blink.files;

import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database, one open connection and a scratch file for a jqwik property's container (jqwik runs
 * no JUnit extensions), made with its tables; dropped with its file when the test JVM exits.
 */
final class OracleDatabase implements AutoCloseable {

    final Connection connection;
    /** The file each try writes its input to. */
    final Path file;
    private final TestDatabase db;

    private OracleDatabase(TestDatabase db, Connection connection, Path file) {
        this.db = db;
        this.connection = connection;
        this.file = file;
    }

    /** A new database on the test server, after {@code statements}. */
    static OracleDatabase create(String suffix, String... statements) throws SQLException, IOException {
        TestDatabase db = PostgresServer.shared().createDatabase();
        Connection connection = db.connect();
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        OracleDatabase oracle = new OracleDatabase(db, connection, Files.createTempFile("blink-oracle", suffix));
        Runtime.getRuntime().addShutdownHook(new Thread(oracle::closeQuietly, "blink-oracle-drop"));
        return oracle;
    }

    /** Empties {@code table}. */
    void truncate(String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + table + " RESTART IDENTITY");
        }
    }

    @Override
    public void close() throws SQLException, IOException {
        connection.close();
        db.close();
        Files.deleteIfExists(file);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (SQLException | IOException | RuntimeException e) {
            // the embedded server may stop first, taking the database with it
        }
    }
}
