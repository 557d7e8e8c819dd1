package dev.blink.examples.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.blink.SeedResult;
import dev.blink.TableResult;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ExMachina twin: organizations, users and posts with UUID ids, from JPA entities. */
class FactorySeedTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Test
    void seedsOrganizationsUsersAndPostsWithUuidIdsPointingAtTheirParents() throws Exception {
        TestDatabase db = postgres.database();
        try (EntityManagerFactory emf = FactorySeed.entityManagerFactory(db.dataSource())) {
            SeedResult result = FactorySeed.seed(emf, db.dataSource());

            assertEquals(List.of(10L, 500L, 2_500L), result.tables().stream().map(TableResult::rows).toList());
            assertEquals(2_500L, db.queryValue("SELECT count(*) FROM factory.posts p"
                    + " JOIN factory.users u ON u.id = p.user_id"
                    + " JOIN factory.organizations o ON o.id = u.organization_id"));
            assertEquals(3_010L, db.queryValue("SELECT count(DISTINCT id) FROM (SELECT id FROM factory.organizations"
                    + " UNION ALL SELECT id FROM factory.users UNION ALL SELECT id FROM factory.posts) ids"));
            assertEquals(50L, db.queryValue("SELECT max(n) FROM (SELECT count(*) AS n FROM factory.users"
                    + " GROUP BY organization_id) c"));
            result.store().table("factory.organizations", Organization.class).forEach(org -> assertNotNull(org.id));
        }
    }
}
