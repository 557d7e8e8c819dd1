package dev.blink.jpa.internal;

import dev.blink.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.mutation.RowMutationOperations;
import org.hibernate.persister.entity.AbstractEntityPersister;

/**
 * An inverse list with an order column ({@code @OneToMany(mappedBy) @OrderColumn}) whose elements
 * live in the table Blink writes. Hibernate inserts the elements, then, when it creates the owner's
 * collection, updates each element's row with its position (and the owner's key) from the owner's
 * list. Blink writes those values into the element's row itself: for each owner, the elements of
 * its list go through the collection persister's own row-update values, in Hibernate's order.
 * The owner of an element is the one its {@code mappedBy} attribute names. Used by one thread.
 */
final class InverseList {

    /** A column the row update leaves as the insert wrote it. */
    static final Object NOT_SET = new Object();

    private final JpaModel model;
    private final CollectionPersister persister;
    private final RowMutationOperations.Values updateValues;
    private final AttributeMapping mappedBy;
    private final List<SelectableMapping> setColumns;
    private final int base;
    private final Set<Object> owners = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Object, Object[]> byElement = new IdentityHashMap<>();
    private final RecordedBindings recording = new RecordedBindings();

    private InverseList(JpaModel model, CollectionPersister persister, AttributeMapping mappedBy,
                        List<SelectableMapping> setColumns) {
        this.model = model;
        this.persister = persister;
        this.updateValues = persister.getRowMutationOperations().getUpdateRowValues();
        this.mappedBy = mappedBy;
        this.setColumns = List.copyOf(setColumns);
        this.base = Math.max(0, persister.getAttributeMapping().getIndexMetadata().getListIndexBase());
    }

    /** The inverse lists whose elements are rows of {@code table}. */
    static List<InverseList> of(JpaModel model, TableName table) {
        List<InverseList> lists = new ArrayList<>();
        model.factory().getMappingMetamodel().forEachCollectionDescriptor(collection -> {
            RowMutationOperations operations = collection.getRowMutationOperations();
            // Hibernate writes the index of an inverse one-to-many only when the element does not map its column
            if (!collection.isInverse() || !collection.isOneToMany() || operations == null
                    || operations.getUpdateRowValues() == null || !Names.table(collection.getTableName()).equals(table)) {
                return;
            }
            var attribute = collection.getAttributeMapping();
            String mappedByName = ((AbstractCollectionPersister) collection).getMappedByProperty();
            AttributeMapping mappedBy = mappedByName == null ? null
                    : ((AbstractEntityPersister) collection.getElementPersister()).findAttributeMapping(mappedByName);
            if (mappedBy == null) {
                throw new IllegalArgumentException("collection " + collection.getRole() + " is an inverse list "
                        + "whose elements name no owner attribute (mappedBy); Blink finds an element's position "
                        + "through the owner its mappedBy attribute refers to");
            }
            List<SelectableMapping> set = new ArrayList<>();
            attribute.getKeyDescriptor().getKeyPart().forEachSelectable((i, selectable) -> {
                if (selectable.isUpdateable() && !selectable.isFormula()) {
                    set.add(selectable);
                }
            });
            attribute.getIndexDescriptor().forEachSelectable((i, selectable) -> {
                if (selectable.isUpdateable()) {
                    set.add(selectable);
                }
            });
            lists.add(new InverseList(model, collection, mappedBy, set));
        });
        return lists;
    }

    /** The columns the list's row updates set: the owner's key, then the position. */
    List<SelectableMapping> setColumns() {
        return setColumns;
    }

    /** The class of the list's elements. */
    Class<?> elementClass() {
        return persister.getElementPersister().getMappedClass();
    }

    /** Whether {@code element} is of the list's element type. */
    boolean holds(Object element) {
        return elementClass().isInstance(element);
    }

    /**
     * What Hibernate's update sets on {@code element}'s row, in {@link #setColumns()} order
     * ({@link #NOT_SET} for a column it does not set), or null if the list of the owner it names
     * does not hold it (Hibernate then leaves the row as inserted).
     */
    Object[] valuesFor(Object element, SharedSessionContractImplementor session) {
        Object owner = mappedBy.getValue(element);
        if (owner == null) {
            return null;
        }
        if (owners.add(owner)) {
            read(owner, session);
        }
        return byElement.get(element);
    }

    private int setColumn(SelectableMapping mapping) {
        for (int i = 0; i < setColumns.size(); i++) {
            if (setColumns.get(i) == mapping
                    || setColumns.get(i).getSelectionExpression().equals(mapping.getSelectionExpression())) {
                return i;
            }
        }
        throw new IllegalStateException("the row update of list " + persister.getRole() + " set column "
                + mapping.getSelectionExpression() + ", which Blink did not expect");
    }

    /** Records the update values of every element of {@code owner}'s list, as {@code OneToManyPersister} writes them. */
    private void read(Object owner, SharedSessionContractImplementor session) {
        Object value = persister.getAttributeMapping().getValue(owner);
        if (value == null) {
            return;
        }
        AbstractEntityPersister ownerPersister = model.persister(owner.getClass()).orElseThrow();
        PersistentCollection<?> collection = CollectionKeys.wrap(persister, owner, value, session);
        Object key = CollectionKeys.key(persister, ownerPersister, owner, session);
        if (key == null) {
            throw new IllegalArgumentException("the " + ownerPersister.getEntityName() + " that holds list "
                    + persister.getRole() + " has no id; add the table of " + ownerPersister.getEntityName()
                    + " to the plan before the table of its elements");
        }
        int next = base;
        for (Iterator<?> entries = collection.entries(persister); entries.hasNext(); ) {
            Object entry = entries.next();
            if (entry != null && collection.entryExists(entry, next)) {
                recording.clear();
                updateValues.applyValues(collection, key, entry, next, session, recording);
                Object[] set = new Object[setColumns.size()];
                java.util.Arrays.fill(set, NOT_SET);
                for (RecordedBindings.Bound bound : recording.bound()) {
                    set[setColumn(bound.mapping())] = bound.value();
                }
                byElement.put(collection.getElement(entry), set);
                next++;
            }
        }
    }
}
