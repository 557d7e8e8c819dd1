package dev.blink.jpa.internal;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;

/** An owner's collection as Hibernate holds it, and the key its rows carry. */
final class CollectionKeys {

    private CollectionKeys() {
    }

    /** The key that the rows of {@code owner}'s collection carry (its id, or the property it refers to), or null. */
    static Object key(CollectionPersister persister, AbstractEntityPersister ownerPersister, Object owner,
                      SharedSessionContractImplementor session) {
        var target = persister.getAttributeMapping().getKeyDescriptor().getTargetPart();
        return target instanceof AttributeMapping property && !(target instanceof EntityIdentifierMapping)
                ? property.getValue(owner) : ownerPersister.getIdentifier(owner, session);
    }

    /**
     * {@code value} (the collection attribute's value) wrapped as Hibernate wraps it on persist.
     *
     * @throws IllegalArgumentException if it is a lazy collection of an entity Hibernate loaded,
     *     never initialized: its elements are not in memory
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static PersistentCollection<?> wrap(CollectionPersister persister, Object owner, Object value,
                                        SharedSessionContractImplementor session) {
        if (value instanceof PersistentCollection<?> wrapped) {
            if (!wrapped.wasInitialized()) {
                throw new IllegalArgumentException("attribute " + owner.getClass().getName() + "."
                        + persister.getAttributeMapping().getAttributeName() + " is a lazy collection that Hibernate "
                        + "never loaded (the entity was read in a session that is closed), so its elements are not "
                        + "in memory; initialize it while the session is open (Hibernate.initialize, a fetch join), "
                        + "or give the entity a new collection");
            }
            return wrapped;
        }
        return ((org.hibernate.collection.spi.CollectionSemantics) persister.getCollectionSemantics())
                .wrap(value, persister, session);
    }
}
