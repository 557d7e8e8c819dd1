package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The round trips a seed in its own transaction costs, counted on the socket (not timed): a small
 * seed's time is mostly round trips. Per seed: one catalog read for every table, one deferred
 * constraint check, one commit; per table, the two that pgjdbc's COPY needs (its start waits for
 * the server's CopyInResponse, its end for CommandComplete); one more per level of types that are
 * not built in (an enum column: one). Built-in types are read once per server version, before.
 */
@Tag("versions")
class SeedRoundTripsTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS trips_a, trips_b, trips_c, trips_e;
                DROP TYPE IF EXISTS trips_mood;
                CREATE TYPE trips_mood AS ENUM ('calm', 'busy');
                CREATE TABLE trips_a (id bigint PRIMARY KEY, name text, at timestamptz, amount numeric(12,2));
                CREATE TABLE trips_b (id bigint PRIMARY KEY, a_id bigint REFERENCES trips_a (id), tags text[]);
                CREATE TABLE trips_c (id int PRIMARY KEY, flag boolean);
                CREATE TABLE trips_e (id int PRIMARY KEY, mood trips_mood);
                """);
    }

    private Connection counted() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        properties.setProperty("password", db.password());
        properties.setProperty("socketFactory", CountingSocketFactory.class.getName());
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }

    private static long trips(Connection connection, Plan plan) {
        long before = CountingSocketFactory.TRIPS.get();
        plan.insert(connection, InsertOptions.defaults());
        return CountingSocketFactory.TRIPS.get() - before;
    }

    private static Plan oneRow() {
        return Blink.plan().addTable("trips_c", store -> List.of(Map.of("id", 1, "flag", true)));
    }

    @Test
    void aOneRowSeedCostsFiveRoundTrips() throws SQLException {
        try (Connection connection = counted()) {
            trips(connection, oneRow()); // built-in types read now, once per server version
            db.execute("TRUNCATE trips_c");
            assertEquals(5, trips(connection, oneRow()), "catalog, COPY start, COPY end, deferred check, commit");
        }
        assertEquals(1L, db.count("trips_c"));
    }

    @Test
    void eachMoreTableCostsTwoRoundTripsAndAnEnumOneMore() throws SQLException {
        Plan three = Blink.plan()
                .addTable("trips_a", store -> List.of(Map.of("id", 1L, "name", "a",
                        "at", java.time.Instant.parse("2024-01-01T00:00:00Z"), "amount", new java.math.BigDecimal("1.50"))))
                .addTable("trips_b", store -> List.of(Map.of("id", 1L, "a_id", 1L, "tags", List.of("x", "y"))))
                .addTable("trips_c", store -> List.of(Map.of("id", 1, "flag", false)));
        try (Connection connection = counted()) {
            trips(connection, oneRow());
            db.execute("TRUNCATE trips_c");
            assertEquals(3 + 2 * 3, trips(connection, three));
            Plan withEnum = Blink.plan().addTable("trips_e", store -> List.of(Map.of("id", 1, "mood", "busy")));
            assertEquals(3 + 2 + 1, trips(connection, withEnum));
        }
        assertEquals(List.of(Map.of("mood", "busy")), db.query("SELECT mood::text AS mood FROM trips_e"));
        assertEquals(1L, db.count("trips_b"));
    }
}
