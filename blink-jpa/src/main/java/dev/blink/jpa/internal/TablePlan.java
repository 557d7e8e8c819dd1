package dev.blink.jpa.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.hibernate.collection.spi.CollectionSemantics;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;

/**
 * One table that an entity class writes: its main table (the first, with the rows the caller
 * gives), another table of its hierarchy or a secondary table (the main rows that have a row
 * there), or a collection table (one row per collection entry).
 *
 * @param table the table
 * @param main whether this is the entity's main table
 * @param optional whether a row is written only when one of its attributes is not null
 * @param role the collection role, for a collection table
 * @param owner the class declaring the collection, for a collection table
 */
public record TablePlan(TableName table, boolean main, boolean optional, String role, Class<?> owner) {

    static TablePlan entityTable(TableName table, boolean main, boolean optional) {
        return new TablePlan(table, main, optional, null, null);
    }

    static TablePlan collectionTable(TableName table, String role, Class<?> owner) {
        return new TablePlan(table, false, false, role, owner);
    }

    /** Whether this is a collection table. */
    public boolean collection() {
        return role != null;
    }

    /**
     * This table's rows, made from the rows written to the entity's main table.
     *
     * @throws SeedException if an owner of a collection has no id
     */
    public List<Object> rows(JpaModel model, List<?> mainRows) {
        return collection() ? collectionRows(model, mainRows) : entityRows(model, mainRows);
    }

    private List<Object> entityRows(JpaModel model, List<?> mainRows) {
        List<Object> rows = new ArrayList<>();
        for (Object row : mainRows) {
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

    private List<Object> collectionRows(JpaModel model, List<?> mainRows) {
        CollectionPersister persister = model.collection(role);
        PluralAttributeMapping attribute = persister.getAttributeMapping();
        List<Object> rows = new ArrayList<>();
        SharedSessionContractImplementor session = model.openSession();
        try {
            for (Object owner : mainRows) {
                if (!this.owner.isInstance(owner)) {
                    continue;
                }
                Object value = attribute.getValue(owner);
                if (value == null) {
                    continue;
                }
                AbstractEntityPersister ownerPersister = model.persister(owner.getClass()).orElseThrow();
                Object key = key(persister, ownerPersister, owner, session);
                PersistentCollection<?> collection = value instanceof PersistentCollection<?> wrapped ? wrapped
                        : wrap(persister, value, session);
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PersistentCollection<?> wrap(CollectionPersister persister, Object value,
                                                SharedSessionContractImplementor session) {
        CollectionSemantics semantics = persister.getCollectionSemantics();
        return semantics.wrap(value, persister, session);
    }

    private Object key(CollectionPersister persister, AbstractEntityPersister ownerPersister, Object owner,
                       SharedSessionContractImplementor session) {
        var target = persister.getAttributeMapping().getKeyDescriptor().getTargetPart();
        Object key = target instanceof AttributeMapping property && !(target instanceof EntityIdentifierMapping)
                ? property.getValue(owner) : ownerPersister.getIdentifier(owner, session);
        if (key == null) {
            throw new SeedException(Location.of(table.toString()), "the " + ownerPersister.getEntityName()
                    + " that holds collection " + persister.getAttributeMapping().getAttributeName()
                    + " has no id; write the entity's table before its collection tables", null);
        }
        return key;
    }
}
