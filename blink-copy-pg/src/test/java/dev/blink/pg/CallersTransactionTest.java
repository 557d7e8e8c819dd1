package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seed inside the caller's transaction leaves the caller's session as it found it, and a
 * violation of a deferred constraint fails the seed (undoing only the seed's work), not the
 * caller's commit.
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

    private static Plan seedWithAnOrphanPost() {
        return Blink.plan()
                .addTable("users", store -> List.of(Map.of("id", 1L, "name", "Ada")))
                .addTable("posts", store -> List.of(Map.of("id", 1L, "user_id", 1L, "title", "ok"),
                        Map.of("id", 2L, "user_id", 404L, "title", "orphan")));
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

            assertThrows(SeedException.class, () -> seedWithAnOrphanPost().insert(connection, options(inserter)));
            assertEquals(before, settings(connection), "after a seed whose deferred check failed");

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

    @ParameterizedTest
    @ValueSource(strings = {"copy", "jdbc"})
    void aDeferredForeignKeyViolationFailsTheSeedAndKeepsTheCallersWork(String inserter) throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            run(connection, "INSERT INTO users (id, name) VALUES (100, 'the caller''s')");

            SeedException e = assertThrows(SeedException.class,
                    () -> seedWithAnOrphanPost().insert(connection, options(inserter)));
            assertEquals("23503", e.sqlState().orElseThrow());
            assertTrue(e.getMessage().contains("deferred constraint"), e.getMessage());
            assertTrue(e.getMessage().contains("Key (user_id)=(404)"), e.getMessage());
            if (inserter.equals("copy")) {
                assertEquals("posts", e.location().table());
            }

            connection.commit(); // the caller's work is intact, and its commit succeeds
        }
        assertEquals(List.of(Map.of("id", 100L, "name", "the caller's")), db.query("SELECT id, name FROM users"));
        assertEquals(0L, db.count("posts"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy", "jdbc"})
    void leavesTheCallersConstraintsDeferredAfterASeed(String inserter) throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            goodSeed().insert(connection, options(inserter));
            // still deferred for the caller: an orphan is accepted now, and refused at the commit
            run(connection, "INSERT INTO posts (id, user_id, title) VALUES (50, 999, 'the caller''s orphan')");
            SQLException e = assertThrows(SQLException.class, connection::commit);
            assertEquals("23503", e.getSQLState());
        }
        assertEquals(0L, db.count("posts"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy", "jdbc"})
    void aSeedCanSupplyTheRowsTheCallersDeferredChecksWaitFor(String inserter) throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            run(connection, "INSERT INTO posts (id, user_id, title) VALUES (50, 1, 'written before its user')");
            Blink.plan().addTable("users", store -> List.of(Map.of("id", 1L, "name", "Ada")))
                    .insert(connection, InsertOptions.builder()
                            .inserter(inserter.equals("jdbc") ? JdbcBatchInserter.create() : PgCopyInserter.create())
                            .build());
            connection.commit();
        }
        assertEquals(1L, db.count("posts"));
    }

    @Test
    void aDeferredConstraintTriggersErrorFailsTheSeedNotTheCallersCommit() throws SQLException {
        db.execute("""
                CREATE FUNCTION no_bobs() RETURNS trigger LANGUAGE plpgsql AS
                  'BEGIN IF NEW.name = ''Bob'' THEN RAISE EXCEPTION ''no Bobs''; END IF; RETURN NULL; END';
                CREATE CONSTRAINT TRIGGER no_bobs AFTER INSERT ON users DEFERRABLE INITIALLY DEFERRED
                  FOR EACH ROW EXECUTE FUNCTION no_bobs();
                """);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            run(connection, "INSERT INTO users (id, name) VALUES (100, 'the caller''s')");
            SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                    .addTable("users", store -> List.of(Map.of("id", 1L, "name", "Bob")))
                    .insert(connection, InsertOptions.defaults()));
            assertEquals("P0001", e.sqlState().orElseThrow());
            assertTrue(e.getMessage().contains("no Bobs"), e.getMessage());
            connection.commit();
        } finally {
            db.execute("DROP TRIGGER no_bobs ON users; DROP FUNCTION no_bobs()");
        }
        assertEquals(List.of(Map.of("id", 100L, "name", "the caller's")), db.query("SELECT id, name FROM users"));
    }

    @Test
    void aDeferredViolationFailsASeedInItsOwnTransaction() {
        SeedException e = assertThrows(SeedException.class, () -> seedWithAnOrphanPost().insert(db.dataSource()));
        assertEquals("23503", e.sqlState().orElseThrow());
        assertEquals("posts", e.location().table());
        assertInstanceOf(SQLException.class, e.getCause());
        assertEquals(0L, db.count("users"));
    }

    @Test
    void aDeferredViolationFailsAJdbcBatchSeedInItsOwnTransactionOnAnAutocommitConnection() throws SQLException {
        try (Connection connection = db.connect()) {
            SeedException e = assertThrows(SeedException.class,
                    () -> seedWithAnOrphanPost().insert(connection, options("jdbc")));
            assertEquals("23503", e.sqlState().orElseThrow());
            assertTrue(e.getMessage().contains("Key (user_id)=(404)"), e.getMessage());
            assertTrue(connection.getAutoCommit());
            goodSeed().insert(connection, options("jdbc")); // the connection is usable, its transaction ended
        }
        assertEquals(List.of(Map.of("id", 1L, "name", "Ada")), db.query("SELECT id, name FROM users"));
        assertEquals(1L, db.count("posts"));
    }
}
