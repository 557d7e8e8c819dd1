package dev.blink.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.Plan;
import dev.blink.PlanException;
import dev.blink.SeedException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class SpringSeedingTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private TestDatabase database;
    private DataSource dataSource;
    private TransactionTemplate transactions;
    private JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        database = postgres.database();
        database.execute("DROP TABLE IF EXISTS users; CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL)");
        dataSource = database.dataSource();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc = new JdbcTemplate(dataSource);
    }

    private static Plan users(long count) {
        return Blink.plan().addTable("users", store -> LongStream.rangeClosed(1, count)
                .mapToObj(i -> Map.of("id", i, "name", "User " + i)).toList());
    }

    private long count() {
        return database.count("users");
    }

    @Test
    void theSeedRollsBackWithSpringsTransaction() {
        long seen = transactions.execute(status -> {
            SpringSeeding.insert(users(1_000), dataSource);
            status.setRollbackOnly();
            return jdbc.queryForObject("SELECT count(*) FROM users", Long.class); // on the same transaction
        });
        assertEquals(1_000, seen);
        assertEquals(0, count());
    }

    @Test
    void theSeedCommitsWithSpringsTransaction() {
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO users VALUES (5000, 'Before the seed')");
            SpringSeeding.insert(users(10), dataSource);
            assertEquals(0, count(), "not committed before Spring commits");
        });
        assertEquals(11, count());
    }

    @Test
    void outsideATransactionTheSeedRunsInItsOwn() {
        assertEquals(10, SpringSeeding.insert(users(10), dataSource).rows());
        assertEquals(10, count());
    }

    @Test
    void aFailedSeedUndoesOnlyItsOwnWorkAndSpringsTransactionGoesOn() {
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO users VALUES (1, 'Ada')");
            SeedException failure = assertThrows(SeedException.class,
                    () -> SpringSeeding.insert(users(10), dataSource)); // id 1 is taken
            assertEquals("23505", failure.sqlState().orElseThrow());
            jdbc.update("INSERT INTO users VALUES (2, 'Grace')");
        });
        assertEquals(List.of("Ada", "Grace"), jdbc.queryForList("SELECT name FROM users ORDER BY id", String.class));
    }

    @Test
    void requiresNewCommitsTheSeedWhileTheOuterTransactionRollsBack() {
        TransactionTemplate requiresNew = new TransactionTemplate(transactions.getTransactionManager());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(outer -> {
            jdbc.update("INSERT INTO users VALUES (5000, 'Outer')");
            requiresNew.executeWithoutResult(inner -> SpringSeeding.insert(users(10), dataSource));
            outer.setRollbackOnly();
        });
        assertEquals(10, count());
    }

    @Test
    void plainInsertIsRefusedInsideASpringTransactionAndCommitsNothing() {
        PlanException refused = transactions.execute(status -> assertThrows(PlanException.class,
                () -> users(10).insert(dataSource)));
        assertTrue(refused.getMessage().contains("SpringSeeding.insert(plan, dataSource)"), refused.getMessage());
        assertEquals(0, count());
    }

    @Test
    void plainInsertStillRunsItsOwnTransactionOutsideSpringsOrOnAnotherDataSource() {
        assertEquals(10, users(10).insert(dataSource).rows());
        org.postgresql.ds.PGSimpleDataSource other = new org.postgresql.ds.PGSimpleDataSource(); // not the one Spring holds
        other.setURL(database.jdbcUrl());
        other.setUser(database.user());
        other.setPassword(database.password());
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO users VALUES (5000, 'Rolled back')");
            Blink.plan().addTable("users", store -> List.of(Map.of("id", 100L, "name", "Committed"))).insert(other);
            status.setRollbackOnly();
        });
        assertEquals(11, count());
    }
}
