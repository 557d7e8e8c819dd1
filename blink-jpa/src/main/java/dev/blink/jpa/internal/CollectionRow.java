package dev.blink.jpa.internal;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.persister.collection.CollectionPersister;

/**
 * One row of a collection table (a {@code @ManyToMany} join table or an {@code @ElementCollection}
 * table): an entry of the owner's collection, as Hibernate iterates it.
 *
 * @param persister the collection's persister
 * @param owner the entity that holds the collection
 * @param key the owner's key (its id)
 * @param collection the collection, wrapped as Hibernate wraps it
 * @param entry the entry
 * @param position the entry's position in Hibernate's iteration
 */
record CollectionRow(CollectionPersister persister, Object owner, Object key, PersistentCollection<?> collection,
                     Object entry, int position) {
}
