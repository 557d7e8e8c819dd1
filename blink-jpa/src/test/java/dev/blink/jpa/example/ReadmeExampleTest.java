package dev.blink.jpa.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.blink.Blink;
import dev.blink.Plan;
import dev.blink.SeedResult;
import dev.blink.TableResult;
import dev.blink.jpa.EntityTable;
import dev.blink.jpa.JpaTables;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.stream.IntStream;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's example: organizations, users and posts with UUID ids, built by plain factories. */
class ReadmeExampleTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    static EntityManagerFactory entityManagerFactory;

    @BeforeAll
    static void start() {
        TestDatabase db = postgres.database();
        entityManagerFactory = new HibernatePersistenceConfiguration("example")
                .managedClasses(Organization.class, User.class, Post.class)
                .jdbcUrl(db.jdbcUrl())
                .jdbcCredentials(db.user(), db.password())
                .property("jakarta.persistence.schema-generation.database.action", "drop-and-create")
                .createEntityManagerFactory();
    }

    @AfterAll
    static void stop() {
        entityManagerFactory.close();
    }

    @Test
    void seedsOrganizationsUsersAndPostsWithUuidIds() {
        TestDatabase db = postgres.database();
        // tag::seed[]
        Factory factory = new Factory();
        JpaTables tables = JpaTables.from(entityManagerFactory);
        Plan plan = Blink.plan();

        EntityTable<Organization> organizations = tables.addTo(plan, Organization.class,
                store -> IntStream.range(0, 10).mapToObj(i -> factory.organization()).toList());

        EntityTable<User> users = tables.addTo(plan, User.class,
                store -> organizations.rows(store).stream()
                        .flatMap(org -> IntStream.range(0, 50).mapToObj(i -> factory.user(org)))
                        .toList());

        tables.addTo(plan, Post.class,
                store -> users.rows(store).stream()
                        .flatMap(user -> IntStream.range(0, 5).mapToObj(i -> factory.post(user)))
                        .toList());

        // Seeds 10 organizations, 500 users and 2,500 posts in one transaction
        SeedResult result = plan.insert(db.dataSource(), tables.insertOptions());
        // end::seed[]

        assertEquals(List.of(10L, 500L, 2_500L),
                result.tables().stream().map(TableResult::rows).toList());
        assertEquals(10L, db.count("organizations"));
        assertEquals(500L, db.count("users"));
        assertEquals(2_500L, db.count("posts"));
        assertEquals(500L, ((Number) db.queryValue(
                "SELECT count(*) FROM users u JOIN organizations o ON o.id = u.organization_id")).longValue());
        assertEquals(2_500L, ((Number) db.queryValue(
                "SELECT count(*) FROM posts p JOIN users u ON u.id = p.user_id")).longValue());
        assertEquals(50L, ((Number) db.queryValue(
                "SELECT max(n) FROM (SELECT count(*) AS n FROM users GROUP BY organization_id) c")).longValue());
        List<Organization> seeded = result.store().table("organizations", Organization.class);
        seeded.forEach(org -> assertNotNull(org.getId()));
    }
}
