package dev.blink.junit;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.SeedResult;
import dev.blink.Seeder;
import dev.blink.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/** The seeds the fixtures name: 100 users and 3 posts each, and helpers to read them back. */
final class Seeds {

    static final int USERS = 100;
    static final int POSTS = 300;
    /** Runs of each seed method, to prove a template is seeded once. */
    static final Map<String, AtomicInteger> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    private Seeds() {
    }

    static SeedResult users(Connection connection) {
        return seed("users", connection);
    }

    static SeedResult shared(Connection connection) {
        return seed("shared", connection);
    }

    static SeedResult parallel(Connection connection) {
        return seed("parallel", connection);
    }

    static SeedResult perTest(Connection connection) {
        return seed("perTest", connection);
    }

    static SeedResult onUserServer(Connection connection) {
        return seed("onUserServer", connection);
    }

    static SeedResult failing(Connection connection) {
        return Blink.plan()
                .addTable("users", store -> List.of(Map.of("id", 1L, "name", "Ada"), Map.of("id", 1L, "name", "Bob")))
                .insert(connection, InsertOptions.defaults());
    }

    static int runs(String seed) {
        return RUNS.computeIfAbsent(seed, k -> new AtomicInteger()).get();
    }

    private static SeedResult seed(String name, Connection connection) {
        RUNS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        return Blink.plan(new UsersSeeder()).addTable("users").addTable("posts")
                .insert(connection, InsertOptions.defaults());
    }

    /** The seeder form. */
    static final class UsersSeeder implements Seeder {
        @Override
        public Iterable<?> table(Store store, String table) throws Exception {
            return switch (table) {
                case "users" -> LongStream.rangeClosed(1, USERS).mapToObj(i -> Map.of("id", i, "name", "User " + i)).toList();
                case "posts" -> LongStream.rangeClosed(1, POSTS)
                        .mapToObj(i -> Map.of("id", i, "user_id", (i - 1) / 3 + 1, "title", "Post " + i)).toList();
                default -> Seeder.super.table(store, table);
            };
        }
    }

    static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, table);
        }
    }

    static long count(Connection connection, String table) throws SQLException {
        return ((Number) value(connection, "SELECT count(*) FROM " + table)).longValue();
    }

    static Object value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    static String database(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return (String) value(connection, "SELECT current_database()");
        }
    }

    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
