package dev.blink.examples.factory;

import dev.blink.Blink;
import dev.blink.Plan;
import dev.blink.SeedResult;
import dev.blink.jpa.EntityTable;
import dev.blink.jpa.JpaTables;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * JPA entities built by factories, written by Blink exactly as Hibernate would store them: the
 * twin of the Elixir README's ExMachina example, with UUID ids.
 */
public final class FactorySeed {

    private FactorySeed() {
    }

    /**
     * An entity manager factory for the example's entities, after (re)creating the schema
     * {@code factory} that Hibernate then fills with their tables.
     */
    public static EntityManagerFactory entityManagerFactory(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS factory CASCADE; CREATE SCHEMA factory");
        }
        return new HibernatePersistenceConfiguration("blink-examples")
                .managedClasses(Organization.class, User.class, Post.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create")
                .createEntityManagerFactory();
    }

    /** Seeds 10 organizations, 500 users and 2,500 posts. */
    public static SeedResult seed(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
        // tag::jpa[]
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

        return plan.insert(dataSource);
        // end::jpa[]
    }
}
