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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The oracle: the same objects written once by Hibernate ({@code persist} + flush) and once by
 * Blink, into two databases with the same schema, give the same rows in every table. One test per
 * group of entities, each for one mapping or persist-time behaviour.
 */
@Tag("versions")
class HibernateDifferentialTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    static EntityManagerFactory hibernate;
    static TestDatabase blinkDatabase;
    static JpaTables tables;

    @BeforeAll
    static void start() {
        StringWriter ddl = new StringWriter();
        hibernate = Hibernate.start(postgres.database(), ddl, Model.PROPERTIES, Model.MAPPING_FILES, Model.ENTITIES);
        blinkDatabase = PostgresServer.shared().createDatabase();
        blinkDatabase.execute(ddl.toString());
        tables = JpaTables.from(hibernate);
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
    void writesTheMappedValuesOfEveryTableAsHibernateDoes() {
        EntityManager em = hibernate.createEntityManager();
        try {
            em.getTransaction().begin();
            Graph.build().persist(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        Plan plan = Blink.plan();
        Graph.build().addTo(plan, tables);
        plan.insert(blinkDatabase.dataSource());

        assertSameRows(List.of("assets", "books", "cars", "laptop_specs", "laptops", "organization_featured_teams",
                "organization_offices", "organizations", "payments", "post_meta", "post_scores", "post_tags", "posts",
                "shelves", "teams", "trucks", "user_nicknames", "user_teams", "users", "vehicles"));
    }

    @Test
    void runsCallbacksListenersAndTheInterceptorAsPersistDoes() {
        CallbackGroup seeded = compare(new CallbackGroup(), new CallbackGroup());
        for (CallbackGroup.Ticket ticket : seeded.tickets) {
            assertEquals(1, ticket.postPersisted, "@PostPersist of " + ticket.code);
            assertEquals("default>auditing>superclass>entity", ticket.trail);
        }
    }

    @Test
    void writesTheListIndexOfInverseOrderColumnsFromTheOwnersList() {
        compare(new OrderColumnGroup(), new OrderColumnGroup());
    }

    @Test
    void leavesNullColumnsOfDynamicInsertEntitiesToTheirDefaults() {
        compare(new DynamicInsertGroup(), new DynamicInsertGroup());
    }

    @Test
    void leavesTheColumnsOfOtherSingleTableClassesToTheirDefaults() {
        compare(new SingleTableDefaultsGroup(), new SingleTableDefaultsGroup());
    }

    @Test
    void hasTheServerEvaluateCustomWriteExpressions() {
        compare(new WriteExpressionGroup(), new WriteExpressionGroup());
    }

    @Test
    void generatesPrimitiveIdsWhoseValueIsTheUnsavedZero() {
        compare(new PrimitiveIdGroup(), new PrimitiveIdGroup());
    }

    @Test
    void writesJsonEmbeddablesThroughHibernatesAggregateMapper() {
        compare(new JsonAggregateGroup(), new JsonAggregateGroup());
    }

    @Test
    void writesTablePerClassHierarchiesAddedThroughTheirRoot() {
        compare(new TablePerClassGroup(), new TablePerClassGroup());
    }

    @Test
    void writesEnumArraysByOrdinalAndByName() {
        compare(new EnumArrayGroup(), new EnumArrayGroup());
    }

    @Test
    void derivesMapsIdKeysFromTheirAssociations() {
        compare(new DerivedIdGroup(), new DerivedIdGroup());
    }

    @Test
    void readsPrivateFieldsAndPropertyGettersAsHibernatesGettersDo() {
        PrivateFieldsGroup seeded = compare(new PrivateFieldsGroup(), new PrivateFieldsGroup());
        for (PrivateFieldsGroup.Counter counter : seeded.counters) {
            assertTrue(counter.value() > 1000, "the listener ran before the value was read");
        }
    }

    /** Persists {@code persisted} with Hibernate and seeds {@code seeded} with Blink, then compares their tables. */
    private static <G extends EntityGroup> G compare(G persisted, G seeded) {
        inTransaction(persisted::persist);
        Plan plan = Blink.plan();
        seeded.addTo(plan, tables);
        plan.insert(blinkDatabase.dataSource());
        assertSameRows(seeded.tables());
        return seeded;
    }

    private static void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = hibernate.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private static void assertSameRows(List<String> names) {
        TestDatabase hibernateDatabase = postgres.database();
        for (String table : names) {
            assertTrue(hibernateDatabase.count(table) > 0, table + " is empty");
            assertEquals(hibernateDatabase.count(table), blinkDatabase.count(table), "rows in " + table);
            assertEquals(hibernateDatabase.checksum(table), blinkDatabase.checksum(table),
                    "contents of " + table + "\nHibernate: " + rows(hibernateDatabase, table)
                            + "\nBlink:     " + rows(blinkDatabase, table));
        }
    }

    private static List<Map<String, Object>> rows(TestDatabase database, String table) {
        return database.query("SELECT * FROM " + table + " ORDER BY 1 LIMIT 6");
    }
}
