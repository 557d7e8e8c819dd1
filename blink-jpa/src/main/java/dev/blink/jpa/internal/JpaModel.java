package dev.blink.jpa.internal;

import dev.blink.PlanException;
import dev.blink.TableName;
import dev.blink.spi.MappingContext;
import dev.blink.spi.RowLayout;
import dev.blink.spi.RowMapper;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;

/**
 * Hibernate's mapping model of one {@link EntityManagerFactory}, read for Blink: which tables an
 * entity class writes, in which order, and the {@link RowMapper} that turns entities (and the rows
 * of their collection tables) into column values. Thread-safe.
 */
public final class JpaModel {

    private final SessionFactoryImplementor factory;
    private final Map<Class<?>, Optional<AbstractEntityPersister>> persisters = new ConcurrentHashMap<>();
    private final RowMapper rowMapper = this::prepare;

    private JpaModel(SessionFactoryImplementor factory) {
        this.factory = factory;
    }

    /**
     * Reads the model of {@code entityManagerFactory}.
     *
     * @throws IllegalArgumentException if it is not Hibernate's
     */
    public static JpaModel of(EntityManagerFactory entityManagerFactory) {
        SessionFactoryImplementor factory;
        try {
            factory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("blink-jpa reads Hibernate ORM's mapping model, but "
                    + entityManagerFactory.getClass().getName() + " is not a Hibernate EntityManagerFactory: " + e, e);
        }
        return new JpaModel(factory);
    }

    /** The mapper of entity rows and collection-table rows. */
    public RowMapper rowMapper() {
        return rowMapper;
    }

    SessionFactoryImplementor factory() {
        return factory;
    }

    /**
     * The tables {@code entityClass} writes, in the order they must be written: the tables of its
     * hierarchy (for {@code TABLE_PER_CLASS}, one per concrete class), then its collection tables.
     *
     * @throws PlanException if the mapping is one Blink cannot write as Hibernate would
     */
    public List<TablePlan> tables(Class<?> entityClass) {
        AbstractEntityPersister persister = requirePersister(entityClass);
        List<AbstractEntityPersister> family = family(persister);
        Map<TableName, TablePlan> tables = new LinkedHashMap<>();
        for (AbstractEntityPersister member : family) {
            MappingChecks.check(factory, member);
            if (member instanceof UnionSubclassEntityPersister && member.isAbstract()) {
                continue; // TABLE_PER_CLASS: Hibernate makes no table for an abstract class
            }
            member.forEachMutableTable(table -> {
                TableName name = Names.table(table.getTableName());
                if (!tables.containsKey(name)) {
                    tables.put(name, TablePlan.entityTable(name, table.isIdentifierTable(), table.isOptional()));
                }
            });
        }
        Map<String, TablePlan> collections = new LinkedHashMap<>();
        for (AbstractEntityPersister member : family) {
            for (int i = 0; i < member.getNumberOfAttributeMappings(); i++) {
                AttributeMapping attribute = member.getAttributeMapping(i);
                if (attribute instanceof PluralAttributeMapping plural) {
                    CollectionPersister collection = plural.getCollectionDescriptor();
                    if (collection.isInverse() || collection.isOneToMany() || collections.containsKey(collection.getRole())) {
                        continue;
                    }
                    TableName name = Names.table(collection.getTableName());
                    if (tables.containsKey(name) || collections.values().stream().anyMatch(t -> t.table().equals(name))) {
                        throw new PlanException("Collection " + attribute.getAttributeName() + " of entity "
                                + member.getEntityName() + " is written to table " + name
                                + ", which another table of the entity already uses; Blink writes each table in one step. "
                                + "Map the collection to a table of its own.");
                    }
                    collections.put(collection.getRole(), TablePlan.collectionTable(name, collection.getRole(), member.getMappedClass()));
                }
            }
        }
        List<TablePlan> all = new ArrayList<>(tables.values());
        all.addAll(collections.values());
        return List.copyOf(all);
    }

    /**
     * The persister of {@code entityClass}.
     *
     * @throws PlanException if the class is not an entity of this factory, or its mapping is one
     *     Blink cannot write
     */
    AbstractEntityPersister requirePersister(Class<?> entityClass) {
        Optional<AbstractEntityPersister> persister = persister(entityClass);
        if (persister.isEmpty()) {
            List<String> known = new ArrayList<>();
            factory.getMappingMetamodel().forEachEntityDescriptor(p -> known.add(p.getEntityName()));
            known.sort(Comparator.naturalOrder());
            throw new PlanException(entityClass.getName() + " is not an entity of this EntityManagerFactory"
                    + (entityClass.isAnnotationPresent(Entity.class) ? " (it is annotated @Entity but not listed in the "
                    + "persistence unit)" : "") + "; its entities are " + known
                    + ". Add the class to the persistence unit (managedClasses / <class>) or seed the entity it belongs to.");
        }
        return persister.get();
    }

    Optional<AbstractEntityPersister> persister(Class<?> type) {
        // get first: computeIfAbsent would allocate its function on every call of this per-row path
        Optional<AbstractEntityPersister> known = persisters.get(type);
        return known != null ? known : persisters.computeIfAbsent(type, this::find);
    }

    private Optional<AbstractEntityPersister> find(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            EntityPersister persister = factory.getMappingMetamodel().findEntityDescriptor(c);
            if (persister != null) {
                if (!(persister instanceof AbstractEntityPersister abstractPersister)) {
                    throw new PlanException("Entity " + persister.getEntityName() + " has a custom persister "
                            + persister.getClass().getName() + "; Blink reads only Hibernate's own persisters");
                }
                return Optional.of(abstractPersister);
            }
        }
        return Optional.empty();
    }

    /** {@code persister} and its subclasses, supertypes before subtypes. */
    List<AbstractEntityPersister> family(AbstractEntityPersister persister) {
        List<AbstractEntityPersister> family = new ArrayList<>();
        factory.getMappingMetamodel().forEachEntityDescriptor(p -> {
            if (p instanceof AbstractEntityPersister member && member.isTypeOrSuperType(persister)) {
                family.add(member);
            }
        });
        family.sort(Comparator.comparingInt(JpaModel::depth).thenComparing(EntityPersister::getEntityName));
        return family;
    }

    private static int depth(EntityPersister persister) {
        int depth = 0;
        for (var type = persister.getSuperMappingType(); type != null; type = type.getSuperMappingType()) {
            depth++;
        }
        return depth;
    }

    /** The mapping of {@code persister} for {@code table}, if it writes that table. */
    static Optional<EntityTableMapping> tableMapping(AbstractEntityPersister persister, TableName table) {
        EntityTableMapping[] found = new EntityTableMapping[1];
        persister.forEachMutableTable(mapping -> {
            if (found[0] == null && Names.table(mapping.getTableName()).equals(table)) {
                found[0] = mapping;
            }
        });
        return Optional.ofNullable(found[0]);
    }

    SharedSessionContractImplementor openSession(Connection connection) {
        return (SharedSessionContractImplementor) factory.withStatelessOptions().connection(connection).openStatelessSession();
    }

    SharedSessionContractImplementor openSession() {
        return (SharedSessionContractImplementor) factory.openStatelessSession();
    }

    CollectionPersister collection(String role) {
        return factory.getMappingMetamodel().getCollectionDescriptor(role);
    }

    private Optional<RowLayout> prepare(MappingContext context) throws java.sql.SQLException {
        Object first = context.firstRow();
        if (first instanceof CollectionRow row) {
            return Optional.of(CollectionLayout.prepare(this, context, row));
        }
        Optional<AbstractEntityPersister> persister = persister(first.getClass());
        if (persister.isEmpty()) {
            if (first.getClass().isAnnotationPresent(Entity.class)) {
                requirePersister(first.getClass());
            }
            return Optional.empty();
        }
        return Optional.of(EntityLayout.prepare(this, context, persister.get()));
    }

}
