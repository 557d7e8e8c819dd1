package dev.blink.jpa.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.TransientObjectException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.DiscriminatorValue;
import org.hibernate.metamodel.mapping.EntityDiscriminatorMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.internal.BasicAttributeMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;

/**
 * How the entities of one class become rows of one table: on the entity's main table, first what
 * {@code persist} does to it ({@link Lifecycle}, and its id for a streamed row); then the id broken
 * down into the table's key columns, each attribute through Hibernate's own decomposition (as its
 * insert coordinator does, leaving out null attributes of a {@code @DynamicInsert} entity), the
 * positions inverse lists give it, and the discriminator, each value bound by its column's binder.
 * Worked out once per class and table; used by one thread.
 */
final class RowWriter {

    /** A selectable of an attribute whose column is not in this table. */
    private static final int NOT_WRITTEN = -1;
    /** A selectable whose column Blink did not expect: the slow path reports it. */
    private static final int UNKNOWN = -2;

    private final AbstractEntityPersister persister;
    private final EntityTableMapping mapping;
    private final TableColumns columns;
    private final RowShape shape;
    private final SharedSessionContractImplementor session;
    private final boolean main;
    private final boolean prepared;
    private final Lifecycle lifecycle;
    private final boolean dynamicInsert;
    private final EntityValues entityValues;
    /** Whether the attributes are read one by one, not as the whole state: nothing on this table reads the state. */
    private final boolean eachValue;
    private final int[] attributes;
    /**
     * Per kept attribute, per value index of its decomposition: the selectable Hibernate passes
     * there, and the position of its column ({@link #NOT_WRITTEN} if this table does not take it).
     * Worked out once, so a value costs an identity check and an array read, not a name lookup.
     */
    private final SelectableMapping[][] selectables;
    private final int[][] positions;
    /**
     * Per kept attribute: for a plain basic attribute, whose decomposition is its one column's value
     * through the column's JDBC mapping ({@code BasicAttributeMapping.breakDownJdbcValues}), that
     * mapping, so a value skips the decomposition's calls; null for the others.
     */
    private final JdbcMapping[] basic;
    private final int[] basicPositions;
    private final List<InverseList> lists = new ArrayList<>();
    private final List<int[]> listPositions = new ArrayList<>();
    private final List<PluralAttributeMapping> foreignKeyCollections = new ArrayList<>();
    /** The position of the one key column, for an id that goes there as it is; -1 for the others. */
    private final int directKey;
    private final int discriminatorPosition;
    private final Object discriminatorValue;
    private final AttributeMapping.JdbcValueBiConsumer<Object[], Object> consumer = this::bind;
    private SelectableMapping[] currentSelectables;
    private int[] currentPositions;
    private boolean sawValue;

    /**
     * @param type the class of the entities
     * @param main whether this is the entity's main table, where {@code persist}'s steps run
     * @param prepared whether a {@link PersistPass} already gave every row its id and ran those steps
     * @param lists the inverse lists whose elements are rows of this table
     */
    RowWriter(JpaModel model, Class<?> type, AbstractEntityPersister persister, EntityTableMapping mapping, TableColumns columns,
              RowShape shape, SharedSessionContractImplementor session, boolean main, boolean prepared,
              List<InverseList> lists) {
        this.persister = persister;
        this.mapping = mapping;
        this.columns = columns;
        this.shape = shape;
        this.session = session;
        this.main = main;
        this.prepared = prepared;
        this.lifecycle = main ? Lifecycle.of(model, persister, session) : null;
        this.dynamicInsert = persister.isDynamicInsert();
        this.entityValues = EntityValues.of(persister, type);
        this.eachValue = entityValues.readsEach() && (lifecycle == null || !lifecycle.needsState());
        var keys = mapping.getKeyMapping().getKeyColumns();
        this.directKey = keys.size() == 1 && persister.getIdentifierMapping() instanceof BasicValuedModelPart basic
                && basic.getJdbcMapping().getValueConverter() == null
                ? columns.renderedPosition(keys.get(0).getColumnName()) : -1;
        this.attributes = TableColumns.written(persister, mapping);
        this.selectables = new SelectableMapping[attributes.length][];
        this.positions = new int[attributes.length][];
        this.basic = new JdbcMapping[attributes.length];
        this.basicPositions = new int[attributes.length];
        for (int k = 0; k < attributes.length; k++) {
            AttributeMapping attribute = persister.getAttributeMapping(attributes[k]);
            List<SelectableMapping> bound = TableColumns.bound(attribute, session);
            selectables[k] = bound.toArray(SelectableMapping[]::new);
            positions[k] = new int[bound.size()];
            for (int i = 0; i < bound.size(); i++) {
                SelectableMapping selectable = bound.get(i);
                int position = columns.position(Names.column(selectable.getSelectionExpression()));
                positions[k][i] = !TableColumns.writes(persister, mapping, selectable) ? NOT_WRITTEN
                        : position < 0 ? UNKNOWN : position;
            }
            if (attribute.getClass() == BasicAttributeMapping.class && bound.size() == 1 && bound.get(0) == attribute
                    && positions[k][0] >= 0) {
                basic[k] = ((BasicAttributeMapping) attribute).getJdbcMapping();
                basicPositions[k] = positions[k][0];
            }
        }
        for (InverseList list : lists) {
            Class<?> mapped = persister.getMappedClass();
            if (list.elementClass().isAssignableFrom(mapped) || mapped.isAssignableFrom(list.elementClass())) {
                this.lists.add(list);
                int[] at = new int[list.setColumns().size()];
                for (int i = 0; i < at.length; i++) {
                    at[i] = columns.position(Names.column(list.setColumns().get(i).getSelectionExpression()));
                }
                listPositions.add(at);
            }
        }
        if (main) {
            // checked once per entity, with its main table
            for (int i = 0; i < persister.getNumberOfAttributeMappings(); i++) {
                if (persister.getAttributeMapping(i) instanceof PluralAttributeMapping plural
                        && plural.getCollectionDescriptor().isOneToMany() && !plural.getCollectionDescriptor().isInverse()) {
                    foreignKeyCollections.add(plural);
                }
            }
        }
        EntityDiscriminatorMapping discriminator = TableColumns.discriminator(persister, mapping);
        if (discriminator == null) {
            discriminatorPosition = -1;
            discriminatorValue = null;
        } else {
            discriminatorPosition = columns.renderedPosition(discriminator.getSelectionExpression());
            DiscriminatorValue value = persister.getDiscriminatorValue();
            if (value == DiscriminatorValue.Special.NOT_NULL) {
                throw new IllegalArgumentException("entity " + persister.getEntityName()
                        + " has @DiscriminatorValue(\"not null\"), which names no value Blink can write; give it a value");
            }
            discriminatorValue = value == null ? null : value.value();
        }
    }

    /** Writes {@code entity}'s row into {@code values} (all null), running persist's steps on the main table. */
    void write(Object entity, Object[] values) {
        if (main && !prepared) {
            switch (Ids.source(persister, entity, session)) {
                case SEQUENCE, IDENTITY -> throw Ids.needsList(persister);
                case GENERATOR -> Ids.generate(persister, entity, session);
                case KEPT -> {
                }
            }
            lifecycle.beforePersist(entity);
        }
        Object id = entityValues.id(entity, session);
        if (id == null) {
            throw new IllegalArgumentException("the " + persister.getEntityName() + " has no id (attribute "
                    + persister.getIdentifierPropertyName() + "); " + (main
                    ? "assign it (or set it in a @PrePersist callback), or map it with @GeneratedValue"
                    : "write its main table first (JpaTables adds the tables of an entity in order)"));
        }
        // the whole state where the lifecycle reads it, else each written attribute, read once, alike
        Object[] state = eachValue ? null : entityValues.state(entity);
        if (main) {
            lifecycle.beforeInsert(entity, id, state);
        }
        if (shape.tracked()) {
            shape.begin();
        }
        if (directKey >= 0) {
            set(directKey, id, values); // what the id's breakdown gives for a basic id without a converter
        } else {
            mapping.getKeyMapping().breakDownKeyJdbcValues(id, (jdbcValue, keyColumn) -> {
                if (jdbcValue == null) {
                    throw new IllegalArgumentException("the " + persister.getEntityName() + " has an id with a null part ("
                            + keyColumn.getColumnName() + "); assign every part of the id");
                }
                set(columns.renderedPosition(keyColumn.getColumnName()), jdbcValue, values);
            }, session);
        }
        for (int k = 0; k < attributes.length; k++) {
            int index = attributes[k];
            Object value = state == null ? entityValues.value(entity, index) : state[index];
            if (value == null && dynamicInsert) {
                continue; // Hibernate's dynamic insert leaves the columns out, so their defaults apply
            }
            JdbcMapping plain = basic[k];
            if (plain != null) {
                try {
                    set(basicPositions[k], plain.convertToRelationalValue(value), values);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("attribute " + persister.getEntityName() + "."
                            + persister.getAttributeMapping(index).getAttributeName() + ": " + e.getMessage(), e);
                }
                continue;
            }
            AttributeMapping attribute = persister.getAttributeMapping(index);
            currentSelectables = selectables[k];
            currentPositions = positions[k];
            sawValue = false;
            try {
                attribute.decompose(value, 0, values, null, consumer, session);
            } catch (TransientObjectException e) {
                throw noId(attribute, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("attribute " + persister.getEntityName() + "."
                        + attribute.getAttributeName() + ": " + e.getMessage(), e);
            }
            if (value != null && !sawValue && attribute instanceof ToOneAttributeMapping) {
                throw noId(attribute, null);
            }
        }
        for (int l = 0; l < lists.size(); l++) {
            Object[] set = lists.get(l).holds(entity) ? lists.get(l).valuesFor(entity, session) : null;
            if (set != null) {
                int[] at = listPositions.get(l);
                for (int i = 0; i < at.length; i++) {
                    if (set[i] != InverseList.NOT_SET) {
                        set(at[i], set[i], values);
                    }
                }
            }
        }
        for (PluralAttributeMapping plural : foreignKeyCollections) {
            Object value = plural.getValue(entity);
            if (value instanceof Collection<?> c && !c.isEmpty() || value instanceof Map<?, ?> m && !m.isEmpty()) {
                throw new IllegalArgumentException("attribute " + persister.getEntityName() + "."
                        + plural.getAttributeName() + " is a unidirectional @OneToMany whose foreign key is in the "
                        + "table of its elements; Hibernate writes it with UPDATEs after the inserts, which Blink "
                        + "does not do. Map the element's side with @ManyToOne (and mappedBy here), or use a join table");
            }
        }
        if (discriminatorPosition >= 0) {
            set(discriminatorPosition, discriminatorValue, values);
        }
        if (main) {
            lifecycle.afterInsert(entity);
        }
    }

    private void set(int position, Object jdbcValue, Object[] values) {
        columns.set(position, jdbcValue, values, session);
        if (shape.tracked()) {
            shape.written(position);
        }
    }

    private void bind(int index, Object[] values, Object ignored, Object jdbcValue, SelectableMapping selectable) {
        if (index < currentSelectables.length && currentSelectables[index] == selectable
                && currentPositions[index] != UNKNOWN) {
            int position = currentPositions[index];
            if (position != NOT_WRITTEN) {
                sawValue |= jdbcValue != null;
                set(position, jdbcValue, values);
            }
            return;
        }
        if (TableColumns.writes(persister, mapping, selectable)) {
            sawValue |= jdbcValue != null;
            set(columns.renderedPosition(selectable.getSelectionExpression()), jdbcValue, values);
        }
    }

    private IllegalArgumentException noId(AttributeMapping attribute, RuntimeException cause) {
        String where = "attribute " + persister.getEntityName() + "." + attribute.getAttributeName();
        if (!(attribute instanceof ToOneAttributeMapping toOne)) {
            return new IllegalArgumentException(where + " refers to an entity that has no id: add its table to the "
                    + "plan before table " + columns.table() + ", or assign the id", cause);
        }
        var target = toOne.getEntityMappingType();
        String name = target.getEntityName();
        if (target.getRootEntityDescriptor() == persister.getRootEntityDescriptor()) {
            // a reference within the table's own hierarchy (a tree, a parent in the same table)
            return new IllegalArgumentException(where + " refers to a " + name + " that has no id yet, in the same "
                    + "table " + columns.table() + (prepared
                    ? ", but it is not among the table's rows: add it to the rows, or assign its id"
                    : ". The rows are streamed, so Blink gives each its id as it is written and a row can refer only "
                    + "to rows before it: put every row after the rows it refers to, or return the rows as a List "
                    + "(Blink then gives every row its id before writing any)"), cause);
        }
        return new IllegalArgumentException(where + " refers to a " + name + " that has no id: add the table of "
                + name + " to the plan before table " + columns.table()
                + " (Blink allocates generated ids when it writes that table), or assign the id", cause);
    }
}
