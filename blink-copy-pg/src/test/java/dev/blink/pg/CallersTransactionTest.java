package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.JdbcBatchInserter;
import dev.blink.Plan;
import dev.blink.SeedException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seed inside the caller's transaction leaves the caller's session as it found it.
 */
@Tag("versions")
class CallersTransactionTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS posts, users;
                CREATE TABLE users (id bigserial PRIMARY KEY, name text);
                CREATE TABLE posts (id bigint PRIMARY KEY,
                                    user_id bigint REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED, title text);
                """);
    }

    private static InsertOptions options(String inserter) {
        InsertOptions.Builder options = InsertOptions.builder().statementTimeout(Duration.ofSeconds(7));
        return (inserter.equals("jdbc") ? options.inserter(JdbcBatchInserter.create())
                : options.inserter(PgCopyInserter.builder().truncate("posts").resetSequences(true).build())).build();
    }

    /** Every setting of the session, as the server shows it. */
    private static List<String> settings(Connection connection) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name || '=' || setting FROM pg_settings ORDER BY name")) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        return all;
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Plan goodSeed() {
        return Blink.plan()
                .addTable("users", store -> List.of(Map.of("id", 1L, "name", "Ada")))
                .addTable("posts", store -> List.of(Map.of("id", 1L, "user_id", 1L, "title", "hi")));
    }

    private static Plan seedWithADuplicateKey() {
        return Blink.plan()
                .addTable("users", store -> List.of(Map.of("id", 2L, "name", "Ada"), Map.of("id", 2L, "name", "Bob")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy", "jdbc"})
    void leavesTheCallersSessionSettingsAsTheyWereAfterSuccessAndFailure(String inserter) throws SQLException {
        try (Connection connection = db.connect()) {
            run(connection, "SET statement_timeout = '42s'");
            connection.setAutoCommit(false);
            List<String> before = settings(connection);
            assertTrue(before.contains("statement_timeout=42000"), before::toString);

            goodSeed().insert(connection, options(inserter));
            assertEquals(before, settings(connection), "after a seed that succeeded");

            assertThrows(SeedException.class, () -> seedWithADuplicateKey().insert(connection, options(inserter)));
            assertEquals(before, settings(connection), "after a seed that failed");

            connection.commit();
            assertEquals(before, settings(connection), "after the caller's commit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy", "jdbc"})
    void leavesTheCallersLocalSettingAsItWas(String inserter) throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            run(connection, "SET LOCAL statement_timeout = '3s'");
            goodSeed().insert(connection, options(inserter));
            assertTrue(settings(connection).contains("statement_timeout=3000"));
            connection.commit();
            assertTrue(settings(connection).contains("statement_timeout=0"), "the caller's SET LOCAL ended with its transaction");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy", "jdbc"})
    void leavesAnAutocommitSessionsSettingsAsTheyWere(String inserter) throws SQLException {
        try (Connection connection = db.connect()) {
            List<String> before = settings(connection);
            goodSeed().insert(connection, options(inserter));
            assertEquals(before, settings(connection));
            assertThrows(SeedException.class, () -> seedWithADuplicateKey().insert(connection, options(inserter)));
            assertEquals(before, settings(connection));
        }
    }
}
