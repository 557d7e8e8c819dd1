package dev.blink.jpa.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;

/**
 * One table that an entity class writes: a table that holds the id of its rows' entities (the
 * hierarchy's main table; with {@code TABLE_PER_CLASS}, the table of one concrete class), another
 * table of its hierarchy or a secondary table (the entities that have a row there), or a collection
 * table (one row per collection entry).
 *
 * @param table the table
 * @param identifier whether this table holds its entities' ids (it is not a further table of them)
 * @param optional whether a row is written only when one of its attributes is not null
 * @param role the collection role, for a collection table
 * @param owner the class declaring the collection, for a collection table
 */
public record TablePlan(TableName table, boolean identifier, boolean optional, String role, Class<?> owner) {

    static TablePlan entityTable(TableName table, boolean identifier, boolean optional) {
        return new TablePlan(table, identifier, optional, null, null);
    }

    static TablePlan collectionTable(TableName table, String role, Class<?> owner) {
        return new TablePlan(table, false, false, role, owner);
    }

    /** Whether this is a collection table. */
    public boolean collection() {
        return role != null;
    }

    /**
     * This table's rows, made from the entities of the hierarchy.
     *
     * @throws SeedException if an owner of a collection has no id, or a collection is not in memory
     */
    public List<Object> rows(JpaModel model, List<?> entities) {
        return collection() ? collectionRows(model, entities) : entityRows(model, entities);
    }

    private List<Object> entityRows(JpaModel model, List<?> entities) {
        List<Object> rows = new ArrayList<>();
        for (Object row : entities) {
            Optional<AbstractEntityPersister> persister = model.persister(row.getClass());
            if (persister.isEmpty()) {
                continue;
            }
            Optional<EntityTableMapping> mapping = JpaModel.tableMapping(persister.get(), table);
            if (mapping.isPresent() && (!optional || hasValues(persister.get(), mapping.get(), row))) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean hasValues(AbstractEntityPersister persister, EntityTableMapping mapping, Object row) {
        for (int index : mapping.getAttributeIndexes()) {
            if (persister.getValue(row, index) != null) {
                return true;
            }
        }
        return false;
    }

    private List<Object> collectionRows(JpaModel model, List<?> entities) {
        CollectionPersister persister = model.collection(role);
        PluralAttributeMapping attribute = persister.getAttributeMapping();
        List<Object> rows = new ArrayList<>();
        SharedSessionContractImplementor session = model.openSession();
        try {
            for (Object owner : entities) {
                if (!this.owner.isInstance(owner)) {
                    continue;
                }
                Object value = attribute.getValue(owner);
                if (value == null) {
                    continue;
                }
                AbstractEntityPersister ownerPersister = model.persister(owner.getClass()).orElseThrow();
                Object key = CollectionKeys.key(persister, ownerPersister, owner, session);
                if (key == null) {
                    throw new SeedException(Location.of(table.toString()), "the " + ownerPersister.getEntityName()
                            + " that holds collection " + attribute.getAttributeName()
                            + " has no id; write the entity's table before its collection tables", null);
                }
                PersistentCollection<?> collection;
                try {
                    collection = CollectionKeys.wrap(persister, owner, value, session);
                } catch (IllegalArgumentException e) {
                    throw new SeedException(Location.of(table.toString()), e.getMessage(), e);
                }
                int position = 0;
                for (Iterator<?> entries = collection.entries(persister); entries.hasNext(); position++) {
                    Object entry = entries.next();
                    if (collection.includeInRecreate(entry, position, collection, attribute)) {
                        rows.add(new CollectionRow(persister, owner, key, collection, entry, position));
                    }
                }
            }
        } finally {
            session.close();
        }
        return rows;
    }
}
