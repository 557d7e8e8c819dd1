package dev.blink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blink.junit.Isolation;
import dev.blink.junit.SeedDataSource;
import dev.blink.junit.Seeded;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** @SeedDataSource: seeding your own server (here a database of the test server stands in for it). */
@Seeded(method = "dev.blink.examples.SeededUsersTest#seed", scripts = "/schema.sql",
        isolation = Isolation.COPY_PER_CLASS)
class OwnServerTest {

    static final TestDatabase server = PostgresServer.shared().createDatabase();

    // tag::seed-data-source[]
    @SeedDataSource
    static DataSource dataSource() { // your Testcontainers container's getJdbcUrl(), getUsername(), getPassword()
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl());
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
        return dataSource;
    }
    // end::seed-data-source[]

    @Test
    void seedsACopyOfThatServersDatabase(DataSource copy) {
        assertEquals(1_000L, new JdbcTemplate(copy).queryForObject("SELECT count(*) FROM users", Long.class));
    }

    @AfterAll
    static void dropTheStandIn() {
        server.close();
    }
}
