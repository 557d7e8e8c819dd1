package dev.blink.jpa.internal;

import dev.blink.TableName;
import dev.blink.spi.MappingContext;
import dev.blink.spi.RowLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.TransientObjectException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.mutation.RowMutationOperations;

/**
 * The rows of a collection table: each entry goes through the collection persister's own
 * insert-row values (owner key, list index or map key, element or the target entity's id), as
 * Hibernate applies them when it recreates a collection; Blink records what would be bound.
 */
final class CollectionLayout implements RowLayout {

    private final TableName table;
    private final CollectionPersister persister;
    private final RowMutationOperations.Values insertValues;
    private final SharedSessionContractImplementor session;
    private final List<String> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final BoundValue[] binders;
    private final RecordedBindings recording = new RecordedBindings();
    private final Set<String> elementColumns = new HashSet<>();

    private CollectionLayout(TableName table, CollectionPersister persister, SharedSessionContractImplementor session,
                             List<String> columns, List<SelectableMapping> mappings) {
        this.table = table;
        this.persister = persister;
        this.insertValues = persister.getRowMutationOperations().getInsertRowValues();
        this.session = session;
        this.columns = List.copyOf(columns);
        this.binders = new BoundValue[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i), i);
            binders[i] = BoundValue.of(columns.get(i), mappings.get(i).getJdbcMapping());
        }
        persister.getAttributeMapping().getElementDescriptor()
                .forEachSelectable((i, selectable) -> elementColumns.add(selectable.getSelectionExpression()));
    }

    static CollectionLayout prepare(JpaModel model, MappingContext context, CollectionRow first) {
        CollectionPersister persister = first.persister();
        if (persister.getRowMutationOperations() == null || persister.getRowMutationOperations().getInsertRowValues() == null) {
            throw new IllegalArgumentException("collection " + persister.getRole() + " inserts no rows of its own");
        }
        if (!Names.table(persister.getTableName()).equals(context.table())) {
            throw new IllegalArgumentException("rows of collection " + persister.getRole() + " go to table "
                    + Names.table(persister.getTableName()) + ", not " + context.table());
        }
        SharedSessionContractImplementor session = model.openSession(context.connection());
        RecordedBindings probe = new RecordedBindings();
        try {
            persister.getRowMutationOperations().getInsertRowValues().applyValues(first.collection(), first.key(),
                    first.entry(), first.position(), session, probe);
        } catch (TransientObjectException e) {
            throw noId(persister, context.table(), first, e);
        }
        List<String> columns = new ArrayList<>();
        List<SelectableMapping> mappings = new ArrayList<>();
        for (RecordedBindings.Bound bound : probe.bound()) {
            String column = Names.column(bound.mapping().getSelectionExpression());
            if (!columns.contains(column)) {
                columns.add(column);
                mappings.add(bound.mapping());
            }
        }
        return new CollectionLayout(context.table(), persister, session, columns, mappings);
    }

    /** Closes the table's Hibernate session; the seed's connection, which it was given, stays open. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void copyValues(Object row, Object[] values) {
        if (!(row instanceof CollectionRow entry) || entry.persister() != persister) {
            throw new IllegalArgumentException("the row is not an entry of collection " + persister.getRole());
        }
        Arrays.fill(values, null);
        recording.clear();
        try {
            insertValues.applyValues(entry.collection(), entry.key(), entry.entry(), entry.position(), session, recording);
        } catch (TransientObjectException e) {
            throw noId(persister, table, entry, e);
        }
        for (RecordedBindings.Bound bound : recording.bound()) {
            String column = Names.column(bound.mapping().getSelectionExpression());
            Integer position = positions.get(column);
            if (position == null) {
                throw new IllegalStateException("Hibernate bound column " + column + " of table " + table
                        + " for collection " + persister.getRole() + ", which Blink did not expect; columns are " + columns);
            }
            values[position] = binders[position].toValue(bound.value(), session);
        }
        if (persister.getAttributeMapping().getElementDescriptor() instanceof EntityValuedModelPart) {
            requireElementId(entry, values);
        }
    }

    private void requireElementId(CollectionRow entry, Object[] values) {
        Object element = entry.collection().getElement(entry.entry());
        if (element == null) {
            return;
        }
        for (RecordedBindings.Bound bound : recording.bound()) {
            if (bound.value() != null && elementColumns.contains(bound.mapping().getSelectionExpression())) {
                return;
            }
        }
        throw noId(persister, table, entry, null);
    }

    private static IllegalArgumentException noId(CollectionPersister persister, TableName table, CollectionRow entry,
                                                 RuntimeException cause) {
        Object element = entry.collection().getElement(entry.entry());
        String type = element == null ? "entity" : element.getClass().getName();
        return new IllegalArgumentException("collection " + persister.getRole() + " holds a " + type
                + " that has no id: add the table of " + type + " to the plan before table " + table
                + ", or assign the id", cause);
    }
}
