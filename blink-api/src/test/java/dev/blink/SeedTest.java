package dev.blink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.spi.SeedListener;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plan runner against a real PostgreSQL, through the portable JDBC-batch inserter. */
class SeedTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final InsertOptions JDBC = InsertOptions.builder().inserter(JdbcBatchInserter.create()).build();

    private TestDatabase db;

    record User(long id, String name, String email, Instant insertedAt) {
    }

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS posts, users;
                CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, email text, inserted_at timestamptz);
                CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL,
                                    user_id bigint NOT NULL REFERENCES users(id), inserted_at timestamptz);
                """);
    }

    static List<User> users(int n, Instant at) {
        List<User> users = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            users.add(new User(i, "User " + i, "user" + i + "@example.com", at));
        }
        return users;
    }

    static List<Map<String, Object>> postsOf(List<User> users, int each) {
        List<Map<String, Object>> posts = new ArrayList<>();
        for (User user : users) {
            for (int i = 1; i <= each; i++) {
                Map<String, Object> post = new LinkedHashMap<>();
                post.put("id", (user.id() - 1) * each + i);
                post.put("title", "Post " + i);
                post.put("user_id", user.id());
                post.put("inserted_at", user.insertedAt());
                posts.add(post);
            }
        }
        return posts;
    }

    @Test
    void insertsDependentTablesInOrderAndLetsEachReadTheOnesBefore() {
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        SeedResult result = Blink.plan()
                .addTable("users", store -> users(100, at))
                .addTable("posts", store -> postsOf(store.table("users", User.class), 5))
                .insert(db.dataSource(), JDBC);

        assertEquals(100, db.count("users"));
        assertEquals(500, db.count("posts"));
        assertEquals(500L, db.queryValue("SELECT count(*) FROM posts p JOIN users u ON u.id = p.user_id"
                + " WHERE u.inserted_at = timestamptz '2024-01-01 00:00:00Z'"));
        assertEquals("user42@example.com", db.queryValue("SELECT email FROM users WHERE id = 42"));
        assertEquals(List.of("users", "posts"), result.tables().stream().map(TableResult::table).toList());
        assertEquals(600, result.rows());
        assertEquals(100, result.store().table("users").size());
    }

    @Test
    void computesContextOnceAndSharesItWithEveryTable() {
        AtomicInteger computed = new AtomicInteger();
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        Blink.plan()
                .addContext("timestamps", store -> {
                    computed.incrementAndGet();
                    return IntStream.range(0, 30).mapToObj(day -> base.plus(day, ChronoUnit.DAYS)).toList();
                })
                .addTable("users", store -> {
                    List<?> days = store.context("timestamps", List.class);
                    return users(30, base).stream()
                            .map(u -> new User(u.id(), u.name(), u.email(), (Instant) days.get((int) u.id() - 1)))
                            .toList();
                })
                .addTable("posts", store -> {
                    List<?> days = store.context("timestamps", List.class);
                    List<Map<String, Object>> posts = postsOf(store.table("users", User.class), 1);
                    posts.forEach(p -> p.put("inserted_at", days.get(29)));
                    return posts;
                })
                .insert(db.dataSource(), JDBC);

        assertEquals(1, computed.get());
        assertEquals(30L, db.queryValue("SELECT count(DISTINCT inserted_at) FROM users"));
        assertEquals(1L, db.queryValue("SELECT count(DISTINCT inserted_at) FROM posts"));
        assertEquals(0L, db.queryValue("SELECT count(*) FROM posts WHERE inserted_at <> timestamptz '2024-01-30Z'"));
    }

    @Test
    void rollsBackEveryTableWhenTheLastOneFails() {
        Plan plan = Blink.plan()
                .addTable("users", store -> users(10, Instant.EPOCH))
                .addTable("posts", store -> {
                    List<Map<String, Object>> posts = postsOf(store.table("users", User.class), 2);
                    posts.get(13).put("user_id", 999L); // no such user
                    return posts;
                });

        SeedException e = assertThrows(SeedException.class, () -> plan.insert(db.dataSource(), JDBC));

        assertEquals(0, db.count("users"));
        assertEquals(0, db.count("posts"));
        assertEquals("posts", e.location().table());
        assertEquals(14, e.location().rowNumber());
        assertEquals("23503", e.sqlState().orElseThrow());
        assertTrue(e.getMessage().startsWith("table \"posts\", row 14: "), e.getMessage());
        assertTrue(e.getMessage().contains("foreign key"), e.getMessage());
    }

    @Test
    void reportsACallbackErrorWithTheTableAndRollsBack() {
        Plan plan = Blink.plan()
                .addTable("users", store -> users(3, Instant.EPOCH))
                .addTable("posts", store -> {
                    throw new IOException("seed file missing");
                });

        CallbackException e = assertThrows(CallbackException.class, () -> plan.insert(db.dataSource(), JDBC));

        assertInstanceOf(IOException.class, e.getCause());
        assertEquals("posts", e.location().table());
        assertTrue(e.getMessage().contains("table \"posts\"") && e.getMessage().contains("seed file missing"),
                e.getMessage());
        assertEquals(0, db.count("users"));
    }

    @Test
    void reportsAContextErrorWithItsKey() {
        Plan plan = Blink.plan()
                .addTable("users", store -> users(3, Instant.EPOCH))
                .addContext("lookup", store -> {
                    throw new IllegalStateException("service down");
                });

        CallbackException e = assertThrows(CallbackException.class, () -> plan.insert(db.dataSource(), JDBC));

        assertEquals("lookup", e.location().table());
        assertEquals(0, db.count("users"));
    }

    @Test
    void reportsALazySourceFailingMidwayWithTheRow() {
        Plan plan = Blink.plan().addTable("users", store -> Rows.of(IntStream.rangeClosed(1, 50).mapToObj(i -> {
            if (i == 37) {
                throw new UncheckedIOException(new IOException("disk error"));
            }
            return Map.of("id", i, "name", "n" + i);
        })), TableOptions.retain(Retain.NONE));

        CallbackException e = assertThrows(CallbackException.class, () -> plan.insert(db.dataSource(), JDBC));

        assertEquals(37, e.location().rowNumber());
        assertEquals(0, db.count("users"));
    }

    @Test
    void rejectsARowWhoseKeysDifferFromTheFirstRow() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("name", "n" + i);
            row.put("email", "e" + i);
            rows.add(row);
        }
        rows.get(2).remove("email");
        rows.get(2).put("mail", "typo@example.com");

        SeedException e = assertThrows(SeedException.class,
                () -> Blink.plan().addTable("users", store -> rows).insert(db.dataSource(), JDBC));

        assertEquals(3, e.location().rowNumber());
        assertTrue(e.getMessage().contains("missing [email]") && e.getMessage().contains("extra [mail]"),
                e.getMessage());
        assertEquals(0, db.count("users"));
    }

    @Test
    void readsMapsWhateverTheOrderOfTheirKeys() {
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("email", "e2");
        reordered.put("id", 2);
        reordered.put("name", "n2");
        Map<String, Object> hashed = new java.util.HashMap<>(Map.of("id", 3, "name", "n3", "email", "e3"));
        Map<String, Object> sorted = new java.util.TreeMap<>(Map.of("id", 4, "name", "n4", "email", "e4"));
        Map<String, Object> nullEmail = new LinkedHashMap<>();
        nullEmail.put("id", 6);
        nullEmail.put("name", "n6");
        nullEmail.put("email", null);
        List<Map<String, Object>> rows = List.of(row(1, "n1", "e1"), reordered, hashed, sorted,
                Map.of("name", "n5", "email", "e5", "id", 5), nullEmail, row(7, "n7", "e7"));

        Blink.plan().addTable("users", store -> rows).insert(db.dataSource(), JDBC);

        assertEquals(db.checksumOf("SELECT * FROM (VALUES (1::bigint, 'n1', 'e1'), (2, 'n2', 'e2'), (3, 'n3', 'e3'), "
                        + "(4, 'n4', 'e4'), (5, 'n5', 'e5'), (6, 'n6', NULL), (7, 'n7', 'e7')) v(id, name, email)"),
                db.checksumOf("SELECT id, name, email FROM users"));
    }

    private static Map<String, Object> row(long id, String name, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("email", email);
        return row;
    }

    /** A private record with primitive components: Blink reads it through compiled getters. */
    private record Shape(long id, boolean flag, double ratio, int count, char grade) {
    }

    @Test
    void readsPrivateRecordsWithPrimitiveComponents() {
        db.execute("DROP TABLE IF EXISTS shapes; CREATE TABLE shapes (id bigint, flag boolean, ratio float8, count int, "
                + "grade text)");
        List<Shape> rows = IntStream.rangeClosed(1, 300)
                .mapToObj(i -> new Shape(i * 1_000_000_007L, i % 3 == 0, i / 8.0, -i, (char) ('A' + i % 5)))
                .toList();

        Blink.plan().addTable("shapes", store -> rows).insert(db.dataSource(), JDBC);

        assertEquals(db.checksumOf("SELECT i * 1000000007::bigint, i % 3 = 0, i / 8.0::float8, -i, chr(65 + i % 5) "
                        + "FROM generate_series(1, 300) i"),
                db.checksumOf("SELECT id, flag, ratio, count, grade FROM shapes"));
    }

    @Test
    void rejectsARowOfAnotherKind() {
        List<Object> rows = List.of(Map.of("id", 1, "name", "a"), new User(2, "b", null, null));

        SeedException e = assertThrows(SeedException.class,
                () -> Blink.plan().addTable("users", store -> rows).insert(db.dataSource(), JDBC));

        assertEquals(2, e.location().rowNumber());
        assertTrue(e.getMessage().contains("expected a Map"), e.getMessage());
    }

    @Test
    void joinsTheCallersTransactionWithoutCommittingOrClosing() throws Exception {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            SeedResult result = Blink.plan()
                    .addTable("users", store -> users(20, Instant.EPOCH))
                    .insert(connection, JDBC);
            assertEquals(20, result.rows());
            assertEquals(20, countOn(connection, "users"), "visible inside the caller's transaction");
            assertEquals(0, db.count("users"), "not committed");
            assertTrue(!connection.isClosed() && !connection.getAutoCommit());
            connection.rollback();
        }
        assertEquals(0, db.count("users"));
    }

    @Test
    void aFailureInsideTheCallersTransactionUndoesOnlyTheSeed() throws Exception {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO users (id, name) VALUES (1000, 'before the seed')");
            }
            Plan failing = Blink.plan()
                    .addTable("users", store -> users(5, Instant.EPOCH))
                    .addTable("posts", store -> List.of(Map.of("id", 1, "title", "orphan", "user_id", 77)));

            assertThrows(SeedException.class, () -> failing.insert(connection, JDBC));

            assertEquals(1, countOn(connection, "users"), "the caller's row stays, the seed's rows are gone");
            connection.commit();
        }
        assertEquals(1, db.count("users"));
        assertEquals("before the seed", db.queryValue("SELECT name FROM users"));
    }

    @Test
    void runsItsOwnTransactionOnAnAutocommitConnection() throws Exception {
        try (Connection connection = db.connect()) {
            Plan failing = Blink.plan()
                    .addTable("users", store -> users(5, Instant.EPOCH))
                    .addTable("posts", store -> List.of(Map.of("id", 1, "title", "orphan", "user_id", 77)));
            assertThrows(SeedException.class, () -> failing.insert(connection, JDBC));
            assertTrue(connection.getAutoCommit(), "autocommit restored");
            assertEquals(0, db.count("users"));

            Blink.plan().addTable("users", store -> users(5, Instant.EPOCH)).insert(connection, JDBC);
            assertEquals(5, db.count("users"), "committed without the caller doing so");
        }
    }

    @Test
    void answersStepsAddedByNameThroughTheSeeder() {
        Seeder seeder = new Seeder() {
            @Override
            public Iterable<?> table(Store store, String table) throws Exception {
                return switch (table) {
                    case "users" -> users(4, (Instant) store.context("now"));
                    case "posts" -> postsOf(store.table("users", User.class), 3);
                    default -> Seeder.super.table(store, table);
                };
            }

            @Override
            public Object context(Store store, String key) throws Exception {
                return "now".equals(key) ? Instant.parse("2025-05-05T05:05:05Z") : Seeder.super.context(store, key);
            }
        };

        Blink.plan(seeder).addContext("now").addTable("users").addTable("posts").insert(db.dataSource(), JDBC);

        assertEquals(4, db.count("users"));
        assertEquals(12, db.count("posts"));
    }

    @Test
    void aStepTheSeederDoesNotAnswerNamesTheSeederAndTheStep() {
        Seeder seeder = new Seeder() {
            @Override
            public Iterable<?> table(Store store, String table) throws Exception {
                return "users".equals(table) ? users(2, Instant.EPOCH) : Seeder.super.table(store, table);
            }
        };

        PlanException e = assertThrows(PlanException.class,
                () -> Blink.plan(seeder).addTable("users").addTable("comments").insert(db.dataSource(), JDBC));

        assertTrue(e.getMessage().contains(seeder.getClass().getName()) && e.getMessage().contains("\"comments\""),
                e.getMessage());
        assertEquals(0, db.count("users"));
    }

    @Test
    void retainsOnlyTheColumnsAskedFor() {
        SeedResult result = Blink.plan()
                .addTable("users", store -> users(3, Instant.EPOCH), TableOptions.retain(Retain.columns("id")))
                .addTable("posts", store -> {
                    List<?> ids = store.table("users");
                    assertEquals(Map.of("id", 2L), ids.get(1));
                    return List.of(Map.of("id", 1, "title", "t", "user_id", ((Map<?, ?>) ids.get(2)).get("id")));
                })
                .insert(db.dataSource(), JDBC);

        assertEquals(3L, db.queryValue("SELECT user_id FROM posts"));
        assertEquals(3, result.store().tables().get("users").size());
    }

    @Test
    void aTableThatRetainsNothingSaysSoWhenRead() {
        Plan plan = Blink.plan()
                .addTable("users", store -> users(3, Instant.EPOCH), TableOptions.retain(Retain.NONE))
                .addTable("posts", store -> postsOf(store.table("users", User.class), 1));

        SeedException e = assertThrows(SeedException.class, () -> plan.insert(db.dataSource(), JDBC));

        assertTrue(e.getMessage().contains("retains no rows"), e.getMessage());
        assertEquals(0, db.count("users"));
    }

    @Test
    void keepsAListSourceAsGiven() {
        List<User> users = users(3, Instant.EPOCH);
        SeedResult result = Blink.plan().addTable("users", store -> users).insert(db.dataSource(), JDBC);
        assertEquals(users, result.store().table("users"));
        assertSame(users.get(0), result.store().table("users").get(0));
    }

    @Test
    void addsConstantColumnsToEveryRow() {
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        Blink.plan()
                .addTable("users", store -> List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b")),
                        TableOptions.defaults().withConstant("inserted_at", now).withConstant("email", null))
                .insert(db.dataSource(), JDBC);

        assertEquals(2L, db.queryValue("SELECT count(*) FROM users WHERE inserted_at = '2024-06-01 12:00:00Z'"
                + " AND email IS NULL"));
    }

    @Test
    void writesInBatchesOfTheGivenSize() {
        AtomicInteger progress = new AtomicInteger();
        InsertOptions options = InsertOptions.builder()
                .inserter(JdbcBatchInserter.create())
                .batchSize(7)
                .progressInterval(10)
                .listener(new SeedListener() {
                    @Override
                    public void tableProgress(String table, long rows) {
                        progress.incrementAndGet();
                    }
                })
                .build();
        SeedResult result = Blink.plan().addTable("users", store -> users(100, Instant.EPOCH))
                .insert(db.dataSource(), options);

        assertEquals(100, db.count("users"));
        assertEquals(10, progress.get());
        assertEquals(100, result.table("users").rows());
    }

    @Test
    void writesAnEmptyTableAsNothing() {
        SeedResult result = Blink.plan().addTable("users", store -> List.of()).insert(db.dataSource(), JDBC);
        assertEquals(0, result.table("users").rows());
        assertEquals(0, db.count("users"));
    }

    /** Throws {@code e} without declaring it, as Kotlin or Lombok's {@code @SneakyThrows} do. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void reportsACheckedExceptionThrownSneakilyByTheRowsWithItsRow() {
        Iterable<Map<String, Object>> rows = () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                if (++next == 3) {
                    throw sneaky(new IOException("disk gone"));
                }
                return Map.of("id", next, "name", "n" + next);
            }
        };
        CallbackException e = assertThrows(CallbackException.class,
                () -> Blink.plan().addTable("users", store -> rows).insert(db.dataSource(), JDBC));
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals(3, e.location().rowNumber());
        assertEquals(0, db.count("users"));
    }

    @Test
    void reportsACheckedExceptionThrownSneakilyByHasNextWithItsRow() {
        Iterable<Map<String, Object>> rows = () -> new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == 2) {
                    throw sneaky(new java.sql.SQLException("cursor gone"));
                }
                return true;
            }

            @Override
            public Map<String, Object> next() {
                next++;
                return Map.of("id", next, "name", "n" + next);
            }
        };
        CallbackException e = assertThrows(CallbackException.class,
                () -> Blink.plan().addTable("users", store -> rows).insert(db.dataSource(), JDBC));
        assertInstanceOf(java.sql.SQLException.class, e.getCause());
        assertEquals(3, e.location().rowNumber());
        assertEquals(0, db.count("users"));
    }

    @Test
    void reportsACheckedExceptionThrownSneakilyByTheFirstRow() {
        Iterable<Map<String, Object>> rows = () -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                throw sneaky(new IOException("no first row"));
            }
        };
        CallbackException e = assertThrows(CallbackException.class,
                () -> Blink.plan().addTable("users", store -> rows).insert(db.dataSource(), JDBC));
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals(1, e.location().rowNumber());
    }

    @Test
    void anInterruptStopsAJdbcSeedAndSetsTheFlagAgain() {
        Iterable<Map<String, Object>> endless = Rows.of(java.util.stream.Stream.iterate(1L, i -> i + 1).map(i -> {
            if (i == 5_000) {
                Thread.currentThread().interrupt();
            }
            return Map.of("id", i, "name", "n" + i);
        }));
        StoppedException e = assertThrows(StoppedException.class, () -> Blink.plan()
                .addTable("users", store -> endless, TableOptions.retain(Retain.NONE)).insert(db.dataSource(), JDBC));
        assertTrue(Thread.interrupted(), "the interrupt flag is set again");
        assertEquals(StoppedException.Reason.INTERRUPT, e.reason());
        assertEquals(5_000, e.location().rowNumber());
        assertEquals(0, db.count("users"));
    }

    @Test
    void aBatchThatOutrunsTheTimeoutStopsTheSeed() {
        db.execute("CREATE FUNCTION slow_down() RETURNS trigger LANGUAGE plpgsql AS "
                + "'BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END';\n"
                + "CREATE TRIGGER slow_users BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION slow_down()");
        try {
            StoppedException e = assertThrows(StoppedException.class, () -> Blink.plan()
                    .addTable("users", store -> users(10, Instant.EPOCH))
                    .insert(db.dataSource(), JDBC.toBuilder().statementTimeout(java.time.Duration.ofSeconds(1)).build()));
            assertEquals(StoppedException.Reason.TIMEOUT, e.reason());
            assertEquals("57014", e.sqlState().orElseThrow());
            assertTrue(e.getMessage().contains("timed out after 1 s"), e.getMessage());
            assertEquals(0, db.count("users"));
        } finally {
            db.execute("DROP TRIGGER slow_users ON users;\nDROP FUNCTION slow_down()");
        }
    }

    @Test
    void aCancellationStopsAJdbcSeed() {
        Cancellation cancellation = Cancellation.create();
        Iterable<Map<String, Object>> endless = Rows.of(java.util.stream.Stream.iterate(1L, i -> i + 1).map(i -> {
            if (i == 5_000) {
                cancellation.cancel();
            }
            return Map.of("id", i, "name", "n" + i);
        }));
        StoppedException e = assertThrows(StoppedException.class, () -> Blink.plan()
                .addTable("users", store -> endless, TableOptions.retain(Retain.NONE))
                .insert(db.dataSource(), JDBC.toBuilder().cancellation(cancellation).build()));
        assertEquals(StoppedException.Reason.CANCEL, e.reason());
        assertEquals(0, db.count("users"));
    }

    @Test
    void checksTheTableOfAStepWithoutRows() {
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("users", store -> users(3, Instant.EPOCH))
                .addTable("no_such_tabel", store -> List.of())
                .insert(db.dataSource(), JDBC));
        assertEquals("no_such_tabel", e.location().table());
        assertEquals("42P01", e.sqlState().orElseThrow());
        assertEquals(0, db.count("users"));
    }

    @Test
    void checksTheConstantColumnsOfAStepWithoutRows() {
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("users", store -> List.of(), TableOptions.defaults().withConstant("nmae", "x"))
                .insert(db.dataSource(), JDBC));
        assertEquals("42703", e.sqlState().orElseThrow());
        assertTrue(e.getMessage().contains("nmae"), e.getMessage());
    }

    @Test
    void quotesMixedCaseAndReservedNames() {
        db.execute("CREATE SCHEMA IF NOT EXISTS sales; DROP TABLE IF EXISTS sales.\"Order\";"
                + " CREATE TABLE sales.\"Order\" (\"ID\" int, \"select\" text)");
        Blink.plan()
                .addTable("sales.Order", store -> List.of(Map.of("ID", 1, "select", "x")))
                .insert(db.dataSource(), JDBC);
        assertEquals("x", db.queryValue("SELECT \"select\" FROM sales.\"Order\" WHERE \"ID\" = 1"));
    }

    private static long countOn(Connection connection, String table) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
