package dev.blink.jpa;

import dev.blink.Plan;
import dev.blink.jpa.internal.JpaModel;
import dev.blink.spi.RowMapper;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;

/**
 * Seeds JPA entities exactly as Hibernate ORM would store them: reads Hibernate's own mapping
 * model of an {@link EntityManagerFactory} (tables, columns, converters, enums, embeddables,
 * foreign keys, discriminators, generators), runs what {@code persist} runs on each entity
 * (lifecycle callbacks and entity listeners, the interceptor, pre-insert listeners, versions,
 * generators) and turns entity objects into rows that Blink writes with COPY. Hibernate opens no
 * connection of its own for this; Blink's seed connection is used. Immutable and thread-safe; make
 * one per factory and share it.
 *
 * <pre>{@code
 * JpaTables tables = JpaTables.from(entityManagerFactory);
 * Plan plan = Blink.plan();
 * EntityTable<Organization> organizations = tables.addTo(plan, Organization.class,
 *         store -> factory.organizations(10));
 * tables.addTo(plan, User.class, store -> organizations.rows(store).stream()
 *         .flatMap(org -> factory.users(org, 50).stream()).toList());
 * plan.insert(dataSource);
 * }</pre>
 */
public final class JpaTables {

    private final JpaModel model;

    private JpaTables(JpaModel model) {
        this.model = model;
    }

    /**
     * Reads the mapping of a Hibernate {@link EntityManagerFactory} (or {@code SessionFactory}).
     *
     * @throws IllegalArgumentException if the factory is not Hibernate's
     */
    public static JpaTables from(EntityManagerFactory entityManagerFactory) {
        Objects.requireNonNull(entityManagerFactory, "null entityManagerFactory");
        return new JpaTables(JpaModel.of(entityManagerFactory));
    }

    /**
     * The tables of an entity class.
     *
     * @throws dev.blink.PlanException if the class is not an entity of this factory, or uses a
     *     mapping Blink cannot write (the message names the entity and the attribute)
     */
    public <T> EntityTable<T> table(Class<T> entityClass) {
        Objects.requireNonNull(entityClass, "null entityClass");
        return new EntityTable<>(model, entityClass, model.tables(entityClass));
    }

    /** Shorthand for {@code table(entityClass).addTo(plan, source)}. */
    public <T> EntityTable<T> addTo(Plan plan, Class<T> entityClass, EntitySource<T> source) {
        return table(entityClass).addTo(plan, source);
    }

    /**
     * The row mapper for entities and collection entries. The tables that {@link EntityTable#addTo}
     * adds are registered with it already; register it yourself only for entities that are rows of a
     * plain step ({@code plan.addTable("users", store -> users, TableOptions.defaults().withRowMapper(
     * tables.rowMapper()))}, or {@link dev.blink.InsertOptions.Builder#rowMapper} for every step of a
     * {@code Seeder}); such a step writes the one table it names, not the entity's further tables.
     */
    public RowMapper rowMapper() {
        return model.rowMapper();
    }

    @Override
    public String toString() {
        return "JpaTables";
    }
}
