package dev.blink.jpa.internal;

import dev.blink.TableName;
import dev.blink.spi.MappingContext;
import dev.blink.spi.RowLayout;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.TransientObjectException;
import org.hibernate.engine.internal.Versioning;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.Assigned;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.generator.OnExecutionGenerator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.DiscriminatorValue;
import org.hibernate.metamodel.mapping.EntityDiscriminatorMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;

/**
 * The columns of one table for the entities of one hierarchy, and how an entity becomes a row of
 * it: Hibernate's own decomposition of each attribute ({@code decompose}, as its insert
 * coordinator does), the id broken down into the table's key columns, the discriminator, and each
 * value bound by the column's own binder.
 */
final class EntityLayout implements RowLayout {

    /** A selectable of an attribute whose column is not in this table. */
    private static final int NOT_WRITTEN = -1;
    /** A selectable whose column Blink did not expect: the slow path reports it. */
    private static final int UNKNOWN = -2;

    private final JpaModel model;
    private final TableName table;
    private final boolean main;
    private final boolean prepared;
    private final SharedSessionContractImplementor session;
    private final List<String> columns;
    private final Map<String, Integer> positions;
    /** Positions by the names as Hibernate renders them, filled as they are first seen. */
    private final Map<String, Integer> rendered = new HashMap<>();
    private final BoundValue[] binders;
    private final Map<Class<?>, ClassWriter> writers = new HashMap<>();
    /** The writer of the previous row's class: a table's rows are mostly of one class. */
    private Class<?> lastClass;
    private ClassWriter lastWriter;

    private EntityLayout(JpaModel model, TableName table, boolean main, boolean prepared,
                         SharedSessionContractImplementor session, Map<String, JdbcMapping> columns) {
        this.model = model;
        this.table = table;
        this.main = main;
        this.prepared = prepared;
        this.session = session;
        this.columns = List.copyOf(columns.keySet());
        this.positions = new HashMap<>();
        this.binders = new BoundValue[columns.size()];
        int i = 0;
        for (Map.Entry<String, JdbcMapping> column : columns.entrySet()) {
            positions.put(column.getKey(), i);
            binders[i++] = BoundValue.of(column.getKey(), column.getValue());
        }
    }

    static EntityLayout prepare(JpaModel model, MappingContext context, AbstractEntityPersister persister)
            throws SQLException {
        TableName table = context.table();
        AbstractEntityPersister root = (AbstractEntityPersister) persister.getRootEntityDescriptor();
        Map<String, JdbcMapping> columns = new LinkedHashMap<>();
        boolean main = false;
        List<TableName> tables = new ArrayList<>();
        for (AbstractEntityPersister member : model.family(root)) {
            member.forEachMutableTable(mapping -> {
                TableName name = Names.table(mapping.getTableName());
                if (!tables.contains(name)) {
                    tables.add(name);
                }
            });
            Optional<EntityTableMapping> mapping = JpaModel.tableMapping(member, table);
            if (mapping.isPresent()) {
                main |= mapping.get().isIdentifierTable();
                collectColumns(member, mapping.get(), columns);
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("rows of entity " + persister.getEntityName() + " are written to "
                    + tables + ", not to table " + table + "; add entity tables with JpaTables.table("
                    + persister.getMappedClass().getSimpleName() + ".class).addTo(plan, source)");
        }
        SharedSessionContractImplementor session = model.openSession(context.connection());
        boolean prepared = false;
        Optional<Collection<?>> all = context.allRows();
        if (main && all.isPresent() && needsPrepare(model, root)) {
            prepareAll(model, root, all.get(), session, context);
            prepared = true;
        }
        return new EntityLayout(model, table, main, prepared, session, columns);
    }

    private static void collectColumns(AbstractEntityPersister member, EntityTableMapping mapping,
                                       Map<String, JdbcMapping> columns) {
        for (var key : mapping.getKeyMapping().getKeyColumns()) {
            columns.putIfAbsent(Names.column(key.getColumnName()), key.getJdbcMapping());
        }
        boolean[] insertable = member.getPropertyInsertability();
        for (int index : mapping.getAttributeIndexes()) {
            AttributeMapping attribute = member.getAttributeMapping(index);
            if (!insertable[index] || attribute instanceof PluralAttributeMapping || generatedByDatabase(attribute)) {
                continue;
            }
            attribute.forEachSelectable((i, selectable) -> {
                if (writes(member, mapping, selectable)) {
                    columns.putIfAbsent(Names.column(selectable.getSelectionExpression()), selectable.getJdbcMapping());
                }
            });
        }
        EntityDiscriminatorMapping discriminator = discriminator(member, mapping);
        if (discriminator != null) {
            columns.putIfAbsent(Names.column(discriminator.getSelectionExpression()),
                    discriminator.getUnderlyingJdbcMapping());
        }
    }

    private static boolean writes(AbstractEntityPersister member, EntityTableMapping mapping, SelectableMapping selectable) {
        return selectable.isInsertable() && !selectable.isFormula()
                && member.physicalTableNameForMutation(selectable).equals(mapping.getTableName());
    }

    private static boolean generatedByDatabase(AttributeMapping attribute) {
        Generator generator = attribute.getGenerator();
        return generator instanceof OnExecutionGenerator onExecution && generator.generatesOnInsert()
                && generator.generatedOnExecution() && !onExecution.writePropertyValue(EventType.INSERT);
    }

    private static EntityDiscriminatorMapping discriminator(AbstractEntityPersister member, EntityTableMapping mapping) {
        EntityDiscriminatorMapping discriminator = member.getDiscriminatorMapping();
        if (discriminator == null || !mapping.isIdentifierTable() || !discriminator.hasPhysicalColumn()
                || discriminator.isFormula() || !discriminator.isInsertable()
                || !Names.table(discriminator.getContainingTableExpression()).equals(Names.table(mapping.getTableName()))) {
            return null;
        }
        return discriminator;
    }

    /** Allocates the missing ids of all rows in one round trip, seeds versions, runs in-memory generators. */
    private static void prepareAll(JpaModel model, AbstractEntityPersister root, Collection<?> rows,
                                   SharedSessionContractImplementor session, MappingContext context) throws SQLException {
        List<Object> withoutId = new ArrayList<>();
        boolean anyBeforeInsert = false;
        long number = 0;
        Class<?> lastClass = null;
        AbstractEntityPersister persister = null;
        for (Object row : rows) {
            number++;
            if (row == null) {
                continue;
            }
            if (row.getClass() != lastClass) {
                lastClass = row.getClass();
                persister = model.persister(lastClass).orElse(null);
                anyBeforeInsert |= persister != null && needsBeforeInsert(persister);
            }
            if (persister == null || persister.getRootEntityDescriptor() != root) {
                throw new IllegalArgumentException("row " + number + " is a " + row.getClass().getName()
                        + ", not an entity of the " + root.getEntityName() + " hierarchy that table "
                        + context.table() + " holds");
            }
            if (persister.getIdentifier(row, session) == null) {
                withoutId.add(row);
            }
        }
        if (!withoutId.isEmpty()) {
            Ids.allocate(model, root, withoutId, session, context.connection());
        }
        if (anyBeforeInsert) {
            for (Object row : rows) {
                if (row != null) {
                    beforeInsert(model.persister(row.getClass()).orElseThrow(), row, session);
                }
            }
        }
    }

    /**
     * Whether the rows need the pass before writing: ids to allocate, versions to seed or values to
     * generate. Entities with assigned ids and nothing generated skip it, and an id left null is
     * reported at its row.
     */
    private static boolean needsPrepare(JpaModel model, AbstractEntityPersister root) {
        if (!(root.getGenerator() instanceof Assigned)) {
            return true;
        }
        for (AbstractEntityPersister member : model.family(root)) {
            if (needsBeforeInsert(member)) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsBeforeInsert(AbstractEntityPersister persister) {
        return persister.isVersioned() || persister.hasPreInsertGeneratedProperties();
    }

    /** What Hibernate does to an entity's state before its insert: version seed, in-memory generators. */
    private static void beforeInsert(AbstractEntityPersister persister, Object entity, SharedSessionContractImplementor session) {
        if (!needsBeforeInsert(persister)) {
            return; // the common entity: reading its whole state per row would find nothing to do
        }
        Object[] state = persister.getValues(entity);
        if (persister.isVersioned() && Versioning.seedVersion(entity, state, persister, session)) {
            persister.setValues(entity, state);
        }
        if (persister.hasPreInsertGeneratedProperties()) {
            Generator[] generators = persister.getGenerators();
            for (int i = 0; i < generators.length; i++) {
                Generator generator = generators[i];
                if (generator != null && generator.generatesOnInsert() && generator.generatedBeforeExecution(entity, session)) {
                    Object value = ((BeforeExecutionGenerator) generator).generate(session, entity, state[i], EventType.INSERT);
                    persister.setValue(entity, i, value);
                }
            }
        }
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
        ClassWriter writer = lastWriter;
        if (row.getClass() != lastClass) {
            writer = writers.get(row.getClass());
            if (writer == null) {
                writer = writer(row.getClass());
                writers.put(row.getClass(), writer);
            }
            lastClass = row.getClass();
            lastWriter = writer;
        }
        Arrays.fill(values, null);
        writer.write(row, values);
    }

    private ClassWriter writer(Class<?> type) {
        AbstractEntityPersister persister = model.persister(type).orElseThrow(() -> new IllegalArgumentException(
                "the row is a " + type.getName() + ", not an entity; table " + table + " takes entities"));
        EntityTableMapping mapping = JpaModel.tableMapping(persister, table).orElseThrow(() -> new IllegalArgumentException(
                "the row is a " + persister.getEntityName() + ", which has no row in table " + table));
        return new ClassWriter(persister, mapping);
    }

    private void put(String column, Object relational, Object[] values) {
        Integer position = rendered.get(column);
        if (position == null) {
            position = positions.get(Names.column(column));
            if (position != null) {
                rendered.put(column, position);
            }
        }
        if (position == null) {
            throw new IllegalStateException("Hibernate bound column " + column + " of table " + table
                    + ", which Blink did not expect; columns are " + columns);
        }
        values[position] = binders[position].toValue(relational, session);
    }

    /** How the entities of one class become rows of this table. */
    private final class ClassWriter {
        private final AbstractEntityPersister persister;
        private final EntityTableMapping mapping;
        private final int[] attributes;
        private final List<PluralAttributeMapping> foreignKeyCollections = new ArrayList<>();
        private final String discriminatorColumn;
        private final Object discriminatorValue;
        private final AttributeMapping.JdbcValueBiConsumer<Object[], Object> consumer = this::bind;
        /**
         * Per kept attribute, per value index of its decomposition: the selectable Hibernate passes
         * there, and the position of its column ({@link #NOT_WRITTEN} if this table does not take it).
         * Worked out once, so a value costs an identity check and an array read, not a name lookup.
         */
        private final SelectableMapping[][] selectables;
        private final int[][] columnPositions;
        private SelectableMapping[] currentSelectables;
        private int[] currentPositions;
        private boolean sawValue;

        ClassWriter(AbstractEntityPersister persister, EntityTableMapping mapping) {
            this.persister = persister;
            this.mapping = mapping;
            boolean[] insertable = persister.getPropertyInsertability();
            List<Integer> kept = new ArrayList<>();
            for (int index : mapping.getAttributeIndexes()) {
                AttributeMapping attribute = persister.getAttributeMapping(index);
                if (!(attribute instanceof PluralAttributeMapping) && insertable[index] && !generatedByDatabase(attribute)) {
                    kept.add(index);
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
            this.attributes = kept.stream().mapToInt(Integer::intValue).toArray();
            this.selectables = new SelectableMapping[attributes.length][];
            this.columnPositions = new int[attributes.length][];
            for (int k = 0; k < attributes.length; k++) {
                AttributeMapping attribute = persister.getAttributeMapping(attributes[k]);
                int span = attribute.getJdbcTypeCount();
                SelectableMapping[] seen = new SelectableMapping[span];
                int[] at = new int[span];
                attribute.forEachSelectable((i, selectable) -> {
                    if (i < span) {
                        seen[i] = selectable;
                        Integer position = positions.get(Names.column(selectable.getSelectionExpression()));
                        at[i] = !writes(persister, mapping, selectable) ? NOT_WRITTEN
                                : position == null ? UNKNOWN : position;
                    }
                });
                selectables[k] = seen;
                columnPositions[k] = at;
            }
            EntityDiscriminatorMapping discriminator = discriminator(persister, mapping);
            if (discriminator == null) {
                discriminatorColumn = null;
                discriminatorValue = null;
            } else {
                discriminatorColumn = discriminator.getSelectionExpression();
                DiscriminatorValue value = persister.getDiscriminatorValue();
                if (value == DiscriminatorValue.Special.NOT_NULL) {
                    throw new IllegalArgumentException("entity " + persister.getEntityName()
                            + " has @DiscriminatorValue(\"not null\"), which names no value Blink can write; give it a value");
                }
                discriminatorValue = value == null ? null : value.value();
            }
        }

        private void bind(int index, Object[] values, Object ignored, Object jdbcValue, SelectableMapping selectable) {
            if (index < currentSelectables.length && currentSelectables[index] == selectable
                    && currentPositions[index] != UNKNOWN) {
                int position = currentPositions[index];
                if (position != NOT_WRITTEN) {
                    sawValue |= jdbcValue != null;
                    values[position] = binders[position].toValue(jdbcValue, session);
                }
                return;
            }
            if (writes(persister, mapping, selectable)) {
                sawValue |= jdbcValue != null;
                put(selectable.getSelectionExpression(), jdbcValue, values);
            }
        }

        private IllegalArgumentException noId(AttributeMapping attribute, RuntimeException cause) {
            String target = attribute instanceof ToOneAttributeMapping toOne
                    ? toOne.getEntityMappingType().getEntityName() : "entity";
            return new IllegalArgumentException("attribute " + persister.getEntityName() + "."
                    + attribute.getAttributeName() + " refers to a " + target + " that has no id: add the table of "
                    + target + " to the plan before table " + table
                    + " (Blink allocates generated ids when it writes that table), or assign the id", cause);
        }

        void write(Object entity, Object[] values) {
            Object id = persister.getIdentifier(entity, session);
            if (main && !prepared) {
                if (id == null && !(persister.getGenerator() instanceof Assigned)) {
                    Ids.generateClientSide(persister, entity, session);
                    id = persister.getIdentifier(entity, session);
                }
                beforeInsert(persister, entity, session);
            }
            if (id == null) {
                throw new IllegalArgumentException("the " + persister.getEntityName() + " has no id (attribute "
                        + persister.getIdentifierPropertyName() + "); " + (main
                        ? "assign it, or map it with @GeneratedValue"
                        : "write its main table first (JpaTables adds the tables of an entity in order)"));
            }
            mapping.getKeyMapping().breakDownKeyJdbcValues(id, (jdbcValue, keyColumn) -> {
                if (jdbcValue == null) {
                    throw new IllegalArgumentException("the " + persister.getEntityName() + " has an id with a null part ("
                            + keyColumn.getColumnName() + "); assign every part of the id");
                }
                put(keyColumn.getColumnName(), jdbcValue, values);
            }, session);
            Object[] state = persister.getValues(entity);
            for (int k = 0; k < attributes.length; k++) {
                int index = attributes[k];
                AttributeMapping attribute = persister.getAttributeMapping(index);
                Object value = state[index];
                currentSelectables = selectables[k];
                currentPositions = columnPositions[k];
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
            for (PluralAttributeMapping plural : foreignKeyCollections) {
                Object value = plural.getValue(entity);
                if (value instanceof Collection<?> c && !c.isEmpty() || value instanceof Map<?, ?> m && !m.isEmpty()) {
                    throw new IllegalArgumentException("attribute " + persister.getEntityName() + "."
                            + plural.getAttributeName() + " is a unidirectional @OneToMany whose foreign key is in the "
                            + "table of its elements; Hibernate writes it with UPDATEs after the inserts, which Blink "
                            + "does not do. Map the element's side with @ManyToOne (and mappedBy here), or use a join table");
                }
            }
            if (discriminatorColumn != null) {
                put(discriminatorColumn, discriminatorValue, values);
            }
        }
    }
}
