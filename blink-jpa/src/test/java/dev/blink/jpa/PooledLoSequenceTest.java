package dev.blink.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blink.Blink;
import dev.blink.Plan;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sequence ids read the way Hibernate's pooled-lo optimizer reads them. */
@Tag("versions")
class PooledLoSequenceTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    static EntityManagerFactory hibernate;

    @BeforeAll
    static void start() {
        hibernate = Hibernate.start(postgres.database(), null,
                Map.of("hibernate.id.optimizer.pooled.preferred", "pooled-lo"),
                Organization.class, Team.class, User.class);
    }

    @AfterAll
    static void stop() {
        if (hibernate != null) {
            hibernate.close();
        }
    }

    @Test
    void allocatesBlocksFromTheLowEndAndLeavesHibernateTheRest() {
        JpaTables tables = JpaTables.from(hibernate);
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.name = "pooled-lo";
        List<User> seeded = users(org, 120);
        Plan plan = Blink.plan();
        tables.addTo(plan, Organization.class, store -> List.of(org));
        tables.addTo(plan, User.class, store -> seeded);
        plan.insert(postgres.database().dataSource());

        assertEquals(LongStream.rangeClosed(1, 120).boxed().toList(), seeded.stream().map(u -> u.id).toList());

        EntityManager em = hibernate.createEntityManager();
        try {
            em.getTransaction().begin();
            Organization managed = em.find(Organization.class, org.id);
            users(managed, 30).forEach(em::persist);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        TestDatabase db = postgres.database();
        assertEquals(150L, db.count("users"));
        assertEquals(150L, ((Number) db.queryValue("SELECT count(DISTINCT id) FROM users")).longValue());
        assertEquals(151L, ((Number) db.queryValue("SELECT min(id) FROM users WHERE id > 120")).longValue());
    }

    private static List<User> users(Organization org, int count) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            User user = new User();
            user.organization = org;
            user.email = new Email("pooled-lo-" + i + "@example.org");
            users.add(user);
        }
        return users;
    }
}
