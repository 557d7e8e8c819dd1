package dev.blink.jpa.internal;

import dev.blink.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.generator.OnExecutionGenerator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityDiscriminatorMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;
import org.hibernate.type.descriptor.WrapperOptions;

/**
 * The columns one table takes for the entities of one hierarchy, in the order Blink writes them:
 * key columns, the columns of each attribute as Hibernate's insert binds them, the discriminator,
 * and the columns that inverse lists set. Each column has its mapping (the first class that writes
 * it decides) and its binder. Decided once per table; used by one thread.
 */
final class TableColumns {

    private final TableName table;
    private final List<String> names;
    private final Map<String, Integer> positions = new HashMap<>();
    /** Positions by the names as Hibernate renders them, filled as they are first seen. */
    private final Map<String, Integer> rendered = new HashMap<>();
    private final SelectableMapping[] mappings;
    private final BoundValue[] binders;

    private TableColumns(TableName table, Map<String, SelectableMapping> columns) {
        this.table = table;
        this.names = List.copyOf(columns.keySet());
        this.mappings = columns.values().toArray(SelectableMapping[]::new);
        this.binders = new BoundValue[mappings.length];
        for (int i = 0; i < mappings.length; i++) {
            positions.put(names.get(i), i);
            binders[i] = BoundValue.of(names.get(i), mappings[i].getJdbcMapping());
        }
    }

    /**
     * The columns of {@code table} for the {@code members} of a hierarchy that write it, and the
     * columns that {@code lists} set in it.
     */
    static TableColumns of(TableName table, List<AbstractEntityPersister> members, List<InverseList> lists,
                           SharedSessionContractImplementor session) {
        Map<String, SelectableMapping> columns = new LinkedHashMap<>();
        for (AbstractEntityPersister member : members) {
            EntityTableMapping mapping = JpaModel.tableMapping(member, table).orElseThrow();
            for (var key : mapping.getKeyMapping().getKeyColumns()) {
                columns.putIfAbsent(Names.column(key.getColumnName()), key);
            }
            for (int index : written(member, mapping)) {
                for (SelectableMapping selectable : bound(member.getAttributeMapping(index), session)) {
                    if (writes(member, mapping, selectable)) {
                        columns.putIfAbsent(Names.column(selectable.getSelectionExpression()), selectable);
                    }
                }
            }
            EntityDiscriminatorMapping discriminator = discriminator(member, mapping);
            if (discriminator != null) {
                columns.putIfAbsent(Names.column(discriminator.getSelectionExpression()), discriminator);
            }
        }
        for (InverseList list : lists) {
            for (SelectableMapping selectable : list.setColumns()) {
                columns.putIfAbsent(Names.column(selectable.getSelectionExpression()), selectable);
            }
        }
        return new TableColumns(table, columns);
    }

    /**
     * The attributes of {@code member} that its insert into {@code mapping}'s table binds:
     * insertable, not collections, not values the database generates without being sent one.
     */
    static int[] written(AbstractEntityPersister member, EntityTableMapping mapping) {
        boolean[] insertable = member.getPropertyInsertability();
        List<Integer> kept = new ArrayList<>();
        for (int index : mapping.getAttributeIndexes()) {
            AttributeMapping attribute = member.getAttributeMapping(index);
            if (insertable[index] && !(attribute instanceof PluralAttributeMapping) && !generatedByDatabase(attribute)) {
                kept.add(index);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The selectables that Hibernate binds for {@code attribute}, as its own decomposition yields
     * them: for an aggregate embeddable (JSON), the one aggregate column, not its parts.
     */
    static List<SelectableMapping> bound(AttributeMapping attribute, SharedSessionContractImplementor session) {
        List<SelectableMapping> bound = new ArrayList<>();
        attribute.decompose(null, 0, bound, null, (index, list, ignored, value, selectable) -> list.add(selectable),
                session);
        return bound;
    }

    /** Whether {@code member}'s insert into {@code mapping}'s table writes {@code selectable}. */
    static boolean writes(AbstractEntityPersister member, EntityTableMapping mapping, SelectableMapping selectable) {
        return selectable.isInsertable() && !selectable.isFormula()
                && member.physicalTableNameForMutation(selectable).equals(mapping.getTableName());
    }

    private static boolean generatedByDatabase(AttributeMapping attribute) {
        Generator generator = attribute.getGenerator();
        return generator instanceof OnExecutionGenerator onExecution && generator.generatesOnInsert()
                && generator.generatedOnExecution() && !onExecution.writePropertyValue(EventType.INSERT);
    }

    /** The discriminator {@code member} writes into {@code mapping}'s table, or null. */
    static EntityDiscriminatorMapping discriminator(AbstractEntityPersister member, EntityTableMapping mapping) {
        EntityDiscriminatorMapping discriminator = member.getDiscriminatorMapping();
        if (discriminator == null || !mapping.isIdentifierTable() || !discriminator.hasPhysicalColumn()
                || discriminator.isFormula() || !discriminator.isInsertable()
                || !Names.table(discriminator.getContainingTableExpression()).equals(Names.table(mapping.getTableName()))) {
            return null;
        }
        return discriminator;
    }

    TableName table() {
        return table;
    }

    /** The column names, as the catalog holds them, in the order of the values. */
    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** The position of a column named as the catalog holds it, or -1. */
    int position(String column) {
        Integer position = positions.get(column);
        return position == null ? -1 : position;
    }

    /**
     * The position of a column named as Hibernate renders it.
     *
     * @throws IllegalStateException if Blink did not expect the column
     */
    int renderedPosition(String column) {
        Integer position = rendered.get(column);
        if (position == null) {
            position = positions.get(Names.column(column));
            if (position == null) {
                throw new IllegalStateException("Hibernate bound column " + column + " of table " + table
                        + ", which Blink did not expect; columns are " + names);
            }
            rendered.put(column, position);
        }
        return position;
    }

    /** The mapping Hibernate binds the column at {@code position} with. */
    SelectableMapping mapping(int position) {
        return mappings[position];
    }

    /** The binder of the column at {@code position}. */
    BoundValue binder(int position) {
        return binders[position];
    }

    /** Sets the value at {@code position} to what Hibernate would bind for {@code jdbcValue}. */
    void set(int position, Object jdbcValue, Object[] values, WrapperOptions options) {
        values[position] = binders[position].toValue(jdbcValue, options);
    }
}
