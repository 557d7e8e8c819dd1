package dev.blink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blink.InsertOptions;
import dev.blink.SeedResult;
import dev.blink.junit.Seeded;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The README's JUnit 5 example: every test sees exactly the seed, and nothing is committed. */
// tag::junit-rollback[]
@Seeded(method = "seed", scripts = "/schema.sql")
class SeededUsersTest {

    static SeedResult seed(Connection connection) {
        return LambdaSeed.plan().insert(connection, InsertOptions.defaults()); // joins the test's transaction
    }

    @Test
    void everyUserHasFivePosts(DataSource dataSource, SeedResult seed) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertEquals(1_000, seed.table("users").rows());
        assertEquals(5L, jdbc.queryForObject("SELECT max(n) FROM (SELECT count(*) AS n FROM posts GROUP BY user_id) c",
                Long.class));
    }

    @RepeatedTest(2)
    void deletesAUser(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource); // its connections are the test's transaction
        jdbc.update("DELETE FROM posts WHERE user_id = 1");
        jdbc.update("DELETE FROM users WHERE id = 1");
        assertEquals(999L, jdbc.queryForObject("SELECT count(*) FROM users", Long.class)); // each time: rolled back
    }
}
// end::junit-rollback[]
