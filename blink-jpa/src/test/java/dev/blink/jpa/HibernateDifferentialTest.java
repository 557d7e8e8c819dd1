package dev.blink.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.Plan;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The oracle: the same object graph written once by Hibernate ({@code persist} + flush) and once by
 * Blink, into two databases with the same schema, gives the same rows in every table.
 */
@Tag("versions")
class HibernateDifferentialTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    static EntityManagerFactory hibernate;
    static TestDatabase blinkDatabase;

    @BeforeAll
    static void start() {
        StringWriter ddl = new StringWriter();
        hibernate = Hibernate.start(postgres.database(), ddl, Organization.class, Team.class, User.class, Post.class,
                Payment.class, CardPayment.class, WirePayment.class, Vehicle.class, Car.class, Truck.class, Asset.class, Laptop.class, Shelf.class, Book.class);
        blinkDatabase = PostgresServer.shared().createDatabase();
        blinkDatabase.execute(ddl.toString());
    }

    @AfterAll
    static void stop() {
        if (hibernate != null) {
            hibernate.close();
        }
        if (blinkDatabase != null) {
            blinkDatabase.close();
        }
    }

    @Test
    void writesEveryTableExactlyAsHibernateDoes() {
        EntityManager em = hibernate.createEntityManager();
        try {
            em.getTransaction().begin();
            Graph.build().persist(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }

        Plan plan = Blink.plan();
        JpaTables tables = JpaTables.from(hibernate);
        Graph.build().addTo(plan, tables);
        plan.insert(blinkDatabase.dataSource(), tables.insertOptions());

        TestDatabase hibernateDatabase = postgres.database();
        List<String> names = tableNames(hibernateDatabase);
        assertEquals(names, tableNames(blinkDatabase));
        assertEquals(List.of("assets", "books", "cars", "laptop_specs", "laptops", "organization_featured_teams",
                "organization_offices", "organizations", "payments", "post_meta", "post_scores", "post_tags", "posts", "shelves", "teams", "trucks",
                "user_nicknames", "user_teams", "users", "vehicles"), names);
        for (String table : names) {
            assertTrue(hibernateDatabase.count(table) > 0, table + " is empty");
            assertEquals(hibernateDatabase.count(table), blinkDatabase.count(table), "rows in " + table);
            assertEquals(hibernateDatabase.checksum(table), blinkDatabase.checksum(table),
                    "contents of " + table + "\nHibernate: " + hibernateDatabase.query("SELECT * FROM " + table + " LIMIT 3")
                            + "\nBlink:     " + blinkDatabase.query("SELECT * FROM " + table + " LIMIT 3"));
        }
    }

    private static List<String> tableNames(TestDatabase database) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> row : database.query(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            names.add((String) row.get("tablename"));
        }
        return names;
    }
}
