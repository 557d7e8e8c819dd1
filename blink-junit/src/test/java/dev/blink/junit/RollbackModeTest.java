package dev.blink.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.SeedResult;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class RollbackModeTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    /** What the fixtures saw, in order: the class's database, and each test's view of it. */
    static final List<String> seen = new ArrayList<>();

    @Test
    void everyTestSeesExactlyTheSeedAndNothingIsLeftOnTheEmbeddedServer() {
        seen.clear();
        Fixtures.assertAllPassed(Fixtures.run(OnTestServer.class), 5);
        // the three repetitions and the other tests each changed the data, and each saw only the seed
        assertEquals(List.of("100 users 300 posts", "100 users 300 posts", "100 users 300 posts",
                "100 users 300 posts", "100 users 300 posts", "nothing left"), seen);
    }

    @Test
    void leavesTheSuppliedDatabaseExactlyAsItWas() throws SQLException {
        TestDatabase database = postgres.database();
        database.execute("DROP TABLE IF EXISTS posts, users; CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL); "
                + "CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), title text NOT NULL); "
                + "INSERT INTO users VALUES (1000, 'Already there')");
        String before = database.checksum("users") + database.checksum("posts");
        OnSuppliedDataSource.dataSource = database.dataSource();

        Fixtures.assertAllPassed(Fixtures.run(OnSuppliedDataSource.class), 2);

        assertEquals(before, database.checksum("users") + database.checksum("posts"));
        assertEquals(1L, database.count("users"));
    }

    @Test
    void aSeederClassWithTablesIsASeed() {
        Fixtures.assertAllPassed(Fixtures.run(WithSeederClass.class), 1);
    }

    @Test
    void aMethodNamesItsOwnSeed() {
        Fixtures.assertAllPassed(Fixtures.run(MethodOverride.class), 2);
    }

    @Test
    void anAnnotationOnAMethodAloneSeedsThatMethod() {
        Fixtures.assertAllPassed(Fixtures.run(MethodOnly.class), 2);
    }

    @Test
    void aFailingSeedFailsTheTestWithItsErrorAndRollsBack() {
        EngineExecutionResults results = Fixtures.run(FailingSeed.class);
        results.testEvents().assertStatistics(stats -> stats.failed(1).succeeded(0));
        String failure = Fixtures.firstFailure(results);
        assertTrue(failure.contains("table \"users\""), failure);
        assertTrue(failure.contains("23505"), failure); // the duplicate key, as the server reported it
    }

    @Test
    void anAnnotationWithoutASeedIsRefusedWithTheFix() {
        String failure = Fixtures.firstFailure(Fixtures.run(NoSeed.class));
        assertTrue(failure.contains("must name one seed: method = \"seed\""), failure);
    }

    @Test
    void aMissingSeedMethodOrScriptIsNamed() {
        String method = Fixtures.firstFailure(Fixtures.run(MissingMethod.class));
        assertTrue(method.contains("no method nope in " + MissingMethod.class.getName()), method);
        String script = Fixtures.firstFailure(Fixtures.run(MissingScript.class));
        assertTrue(script.contains("script \"missing.sql\" is not on the class path"), script);
    }

    private static String view(Connection connection) throws SQLException {
        return Seeds.count(connection, "users") + " users " + Seeds.count(connection, "posts") + " posts";
    }

    @Seeded(method = "dev.blink.junit.Seeds#users", scripts = "schema.sql")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OnTestServer {

        @RepeatedTest(3)
        @Order(1)
        void changesTheSeed(Connection connection, SeedResult seed) throws SQLException {
            assertEquals(400, seed.rows());
            seen.add(view(connection));
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO users VALUES (1000, 'Extra')");
                statement.execute("DELETE FROM posts WHERE id <= 10");
            }
        }

        @Test
        @Order(2)
        void rollbackGoesBackToTheSeed(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DELETE FROM posts");
                }
                connection.rollback();
                seen.add(view(connection));
            }
        }

        @Test
        @Order(3)
        void commitIsRefusedWithTheFix(Connection connection) throws SQLException {
            SQLException commit = assertThrows(SQLException.class, connection::commit);
            assertTrue(commit.getMessage().contains("COPY_PER_CLASS"), commit.getMessage());
            assertThrows(SQLException.class, () -> connection.setAutoCommit(true));
            assertFalse(connection.getAutoCommit());
            seen.add(view(connection));
        }

        @AfterAll
        static void nothingIsLeft(DataSource dataSource) throws SQLException {
            // the script ran inside each test's transaction too: not even the tables remain
            long tables = Seeds.count(dataSource, "pg_tables WHERE tablename IN ('users', 'posts')");
            seen.add(tables == 0 ? "nothing left" : "left " + tables + " tables");
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#users")
    static class OnSuppliedDataSource {
        static DataSource dataSource;

        @SeedDataSource
        static DataSource dataSource() {
            return dataSource;
        }

        @RepeatedTest(2)
        void seesTheSeedOnTopOfWhatWasThere(Connection connection) throws SQLException {
            assertEquals(101, Seeds.count(connection, "users"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM posts");
                statement.execute("DELETE FROM users");
            }
        }
    }

    @Seeded(seeder = Seeds.UsersSeeder.class, tables = {"users", "posts"}, scripts = "/dev/blink/junit/schema.sql")
    static class WithSeederClass {
        @Test
        void seeded(DataSource dataSource, SeedResult seed) throws SQLException {
            assertEquals(List.of("users", "posts"), seed.tables().stream().map(t -> t.table()).toList());
            assertEquals(300, Seeds.count(dataSource, "posts"));
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#users", scripts = "schema.sql")
    static class MethodOverride {
        static SeedResult one(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE things (id int); INSERT INTO things VALUES (1)");
            }
            return null;
        }

        @BeforeEach
        void before(Connection connection) throws SQLException {
            assertTrue(Seeds.count(connection, "pg_tables WHERE tablename IN ('users', 'things')") == 1);
        }

        @Test
        void classSeed(Connection connection) throws SQLException {
            assertEquals(100, Seeds.count(connection, "users"));
        }

        @Test
        @Seeded(method = "one")
        void ownSeed(Connection connection) throws SQLException {
            assertEquals(1, Seeds.count(connection, "things"));
        }
    }

    static class MethodOnly {
        @Test
        @Seeded(method = "dev.blink.junit.Seeds#users", scripts = "schema.sql")
        void seeded(DataSource dataSource) throws SQLException {
            assertEquals(100, Seeds.count(dataSource, "users"));
        }

        @Test
        void notSeeded() {
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#failing", scripts = "schema.sql")
    static class FailingSeed {
        @Test
        void neverRuns() {
            throw new AssertionError("the seed failed, so the test must not run");
        }
    }

    @Seeded
    static class NoSeed {
        @Test
        void neverRuns() {
        }
    }

    @Seeded(method = "nope")
    static class MissingMethod {
        @Test
        void neverRuns() {
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#users", scripts = "missing.sql")
    static class MissingScript {
        @Test
        void neverRuns() {
        }
    }
}
