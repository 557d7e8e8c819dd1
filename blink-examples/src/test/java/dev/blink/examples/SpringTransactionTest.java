package dev.blink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.PlanException;
import dev.blink.spring.SpringSeeding;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** A seed inside Spring's transactions rolls back with them; the Boot recipe's runner seeds once. */
@SpringJUnitConfig(SpringTransactionTest.Config.class)
class SpringTransactionTest {

    @Configuration
    static class Config {
        @Bean(destroyMethod = "close")
        TestDatabase database() throws SQLException {
            TestDatabase database = PostgresServer.shared().createDatabase();
            ExampleSchema.create(database.dataSource());
            return database;
        }

        @Bean
        DataSource dataSource(TestDatabase database) {
            return database.dataSource();
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TestDatabase database;

    // tag::spring-test[]
    @Test
    @Transactional
    void seedsInsideTheTestsTransaction() {
        SpringSeeding.insert(LambdaSeed.plan(), dataSource);

        assertEquals(1_000, jdbc.queryForObject("SELECT count(*) FROM users", Long.class));
        assertEquals(5_000, jdbc.queryForObject("SELECT count(*) FROM posts", Long.class));
    }   // Spring rolls the test's transaction back, and the seed with it
    // end::spring-test[]

    @AfterTransaction
    void theSeedRolledBackWithTheTestsTransaction() {
        assertEquals(0, database.count("users")); // read on a connection of its own
        assertEquals(0, database.count("posts"));
    }

    @Test
    void aTransactionTemplateRollsTheSeedBackToo() {
        // tag::spring-template[]
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        long seen = transaction.execute(status -> {
            SpringSeeding.insert(LambdaSeed.plan(), dataSource); // joins the template's transaction
            status.setRollbackOnly();
            return jdbc.queryForObject("SELECT count(*) FROM users", Long.class);
        });
        // end::spring-template[]
        assertEquals(1_000, seen);
        assertEquals(0, database.count("users"));
    }

    @Test
    @Transactional
    void plainInsertIsRefusedInsideTheTransaction() {
        PlanException refused = assertThrows(PlanException.class, () -> LambdaSeed.plan().insert(dataSource));
        assertTrue(refused.getMessage().contains("a Spring transaction is active on this DataSource"),
                refused.getMessage());
        assertEquals(0, database.count("users"), "nothing was committed on the side");
    }

    @Test
    void theBootRecipeSeedsAnEmptyDatabaseOnceAndLeavesASeededOneAlone() throws Exception {
        var runner = new DevSeedConfiguration().devSeed(dataSource);
        try {
            runner.run(new DefaultApplicationArguments());
            assertEquals(1_000, database.count("users"));
            jdbc.update("DELETE FROM posts WHERE id > 10");
            runner.run(new DefaultApplicationArguments()); // a restart
            assertEquals(1_000, database.count("users"));
            assertEquals(10, database.count("posts"));
        } finally {
            database.execute("TRUNCATE users, posts CASCADE"); // committed: the other tests expect empty tables
        }
    }
}
