package dev.blink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blink.junit.Isolation;
import dev.blink.junit.Seeded;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/** The README's copy-mode example: the class's own copy of a seeded template, so tests may commit. */
// tag::junit-copy[]
@Seeded(method = "dev.blink.examples.SeededUsersTest#seed", scripts = "/schema.sql",
        isolation = Isolation.COPY_PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommittingTest {

    @Test
    @Order(1)
    void codeThatCommits(DataSource dataSource) {
        new JdbcTemplate(dataSource).update("UPDATE users SET name = 'Renamed' WHERE id = 1"); // autocommit
    }

    @Test
    @Order(2)
    void laterTestsOfTheClassSeeTheCommit(DataSource dataSource) {
        assertEquals("Renamed", new JdbcTemplate(dataSource).queryForObject("SELECT name FROM users WHERE id = 1",
                String.class));
    }   // other classes get copies of the template, without the rename
}
// end::junit-copy[]
