package dev.blink.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.SeedResult;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Template databases and their copies; CREATE DATABASE's options vary by major, so CI runs this on each. */
@Tag("versions")
class CopyModeTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    /** Database names the fixtures ran in, by fixture. */
    static final Map<String, Set<String>> databases = new ConcurrentHashMap<>();

    @Test
    void eachClassGetsAFreshCopyAndACommitDoesNotLeakIntoTheNextClass() throws SQLException {
        Fixtures.assertAllPassed(Fixtures.run(CommitsFirst.class, SeesOnlyTheSeed.class), 4);

        String first = single("CommitsFirst");
        String second = single("SeesOnlyTheSeed");
        assertNotEquals(first, second);
        assertEquals(1, Seeds.runs("shared"), "one template, seeded once, copied for both classes");
        assertEquals(List.of(), existing(first, second), "copies are dropped after their class");
    }

    @Test
    void copyPerTestGivesEveryTestItsOwnCopy() {
        Fixtures.assertAllPassed(Fixtures.run(CopyPerTest.class), 3);
        assertEquals(3, databases.get("CopyPerTest").size());
        assertEquals(1, Seeds.runs("perTest"));
    }

    @Test
    void classesInParallelShareOneTemplate() {
        Fixtures.assertAllPassed(Fixtures.run(Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"),
                ParallelA.class, ParallelB.class, ParallelC.class, ParallelD.class), 4);
        assertEquals(1, Seeds.runs("parallel"));
        assertEquals(4, Set.of(single("ParallelA"), single("ParallelB"), single("ParallelC"), single("ParallelD")).size());
    }

    @Test
    void theTemplateOfASuppliedDataSourceStartsFromItsDatabase() throws SQLException {
        TestDatabase database = postgres.database();
        database.execute("DROP TABLE IF EXISTS posts, users; "
                + "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL); "
                + "CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), title text NOT NULL)");
        OnSuppliedDataSource.dataSource = pg(database);

        Fixtures.assertAllPassed(Fixtures.run(OnSuppliedDataSource.class), 1);

        assertEquals(0, database.count("users"), "the source database is only copied");
    }

    @Test
    void aDataSourceThatIsNotPgjdbcsIsRefusedWithTheFix() {
        OtherDataSource.dataSource = opaque(postgres.database().dataSource());
        String failure = Fixtures.firstFailure(Fixtures.run(OtherDataSource.class));
        assertTrue(failure.contains("Give an org.postgresql.ds.PGSimpleDataSource"), failure);
    }

    @Test
    void aSourceDatabaseInUseIsRefusedWithTheFix() throws SQLException {
        TestDatabase database = postgres.database();
        SourceInUse.dataSource = pg(database);
        try (Connection held = database.connect()) { // a pool's idle connection, say
            String failure = Fixtures.firstFailure(Fixtures.run(SourceInUse.class));
            assertTrue(failure.contains("needs no other session on"), failure);
            assertTrue(failure.contains("close the pools connected to it"), failure);
            assertTrue(failure.contains("55006"), failure);
            assertTrue(held.isValid(1));
        }
    }

    @Test
    void aFailingSeedFailsEveryClassThatNamesItWithTheSeedsError() {
        var results = Fixtures.run(FailingCopy.class);
        String failure = Fixtures.firstFailure(results);
        assertTrue(failure.contains("Could not build the template database of the seed method dev.blink.junit.Seeds#failing"),
                failure);
        assertTrue(failure.contains("23505"), failure);
        String again = Fixtures.firstFailure(Fixtures.run(FailingCopy.class));
        assertTrue(again.contains("Could not build the template database"), again);
    }

    private static String single(String fixture) {
        Set<String> names = databases.get(fixture);
        assertEquals(1, names.size(), fixture + " ran in " + names);
        return names.iterator().next();
    }

    private static List<String> existing(String... names) throws SQLException {
        TestDatabase database = postgres.database();
        return database.query("SELECT datname FROM pg_database WHERE datname IN ('" + String.join("', '", names) + "')")
                .stream().map(row -> (String) row.get("datname")).toList();
    }

    private static DataSource pg(TestDatabase database) {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }

    static void record(String fixture, DataSource dataSource) throws SQLException {
        databases.computeIfAbsent(fixture, k -> ConcurrentHashMap.newKeySet()).add(Seeds.database(dataSource));
    }

    @Seeded(method = "dev.blink.junit.Seeds#shared", scripts = "schema.sql", isolation = Isolation.COPY_PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class CommitsFirst {
        @BeforeAll
        static void before(DataSource dataSource, SeedResult seed) throws SQLException {
            assertEquals(400, seed.rows());
            assertEquals(100, Seeds.count(dataSource, "users"));
        }

        @Test
        @Order(1)
        void commits(DataSource dataSource) throws SQLException {
            record("CommitsFirst", dataSource);
            Seeds.execute(dataSource, "INSERT INTO users VALUES (1000, 'Committed'); DELETE FROM posts WHERE id <= 100");
        }

        @Test
        @Order(2)
        void theNextTestOfTheClassSeesTheCommit(Connection connection) throws SQLException {
            assertTrue(connection.getAutoCommit());
            assertEquals(101, Seeds.count(connection, "users"));
            assertEquals(200, Seeds.count(connection, "posts"));
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#shared", scripts = "schema.sql", isolation = Isolation.COPY_PER_CLASS)
    static class SeesOnlyTheSeed {
        @RepeatedTest(2)
        void seesTheSeed(DataSource dataSource, SeedResult seed) throws SQLException {
            record("SeesOnlyTheSeed", dataSource);
            assertEquals(100, Seeds.count(dataSource, "users"));
            assertEquals(300, Seeds.count(dataSource, "posts"));
            assertEquals(400, seed.rows());
        }

        @AfterAll
        static void theTemplateIsNotReachable(DataSource dataSource) throws SQLException {
            long templates = Seeds.count(dataSource, "pg_database WHERE datistemplate AND NOT datallowconn "
                    + "AND datname LIKE 'blink_template%'");
            assertTrue(templates >= 1);
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#perTest", scripts = "schema.sql", isolation = Isolation.COPY_PER_TEST)
    static class CopyPerTest {
        @RepeatedTest(3)
        void commitsIntoItsOwnCopy(DataSource dataSource) throws SQLException {
            record("CopyPerTest", dataSource);
            assertEquals(100, Seeds.count(dataSource, "users"));
            Seeds.execute(dataSource, "DELETE FROM posts; DELETE FROM users");
        }
    }

    abstract static class Parallel {
        @Test
        void seesTheSeed(DataSource dataSource) throws SQLException {
            record(getClass().getSimpleName(), dataSource);
            assertEquals(100, Seeds.count(dataSource, "users"));
            Seeds.execute(dataSource, "DELETE FROM posts");
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#parallel", scripts = "schema.sql", isolation = Isolation.COPY_PER_CLASS)
    static class ParallelA extends Parallel {
    }

    @Seeded(method = "dev.blink.junit.Seeds#parallel", scripts = "schema.sql", isolation = Isolation.COPY_PER_CLASS)
    static class ParallelB extends Parallel {
    }

    @Seeded(method = "dev.blink.junit.Seeds#parallel", scripts = "schema.sql", isolation = Isolation.COPY_PER_CLASS)
    static class ParallelC extends Parallel {
    }

    @Seeded(method = "dev.blink.junit.Seeds#parallel", scripts = "schema.sql", isolation = Isolation.COPY_PER_CLASS)
    static class ParallelD extends Parallel {
    }

    @Seeded(method = "dev.blink.junit.Seeds#onUserServer", isolation = Isolation.COPY_PER_CLASS)
    static class OnSuppliedDataSource {
        static DataSource dataSource;

        @SeedDataSource
        static DataSource dataSource() {
            return dataSource;
        }

        @Test
        void seesTheSeedInACopyOfTheSuppliedDatabase(DataSource copy) throws SQLException {
            assertNotEquals(Seeds.database(dataSource), Seeds.database(copy));
            assertEquals(100, Seeds.count(copy, "users"));
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#users", isolation = Isolation.COPY_PER_CLASS)
    static class SourceInUse {
        @SeedDataSource
        static DataSource dataSource;

        @Test
        void neverRuns() {
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#users", isolation = Isolation.COPY_PER_CLASS)
    static class OtherDataSource {
        @SeedDataSource
        static DataSource dataSource;

        @Test
        void neverRuns() {
        }
    }

    @Seeded(method = "dev.blink.junit.Seeds#failing", scripts = "schema.sql", isolation = Isolation.COPY_PER_CLASS)
    static class FailingCopy {
        @Test
        void neverRuns() {
        }
    }

    /** A DataSource that pgjdbc's cannot be unwrapped from, as a pool's might be. */
    private static DataSource opaque(DataSource delegate) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("unwrap")) {
                        throw new SQLException("not a wrapper");
                    }
                    return method.invoke(delegate, args);
                });
    }
}
