package dev.blink.jpa.internal;

import dev.blink.TableName;
import dev.blink.spi.Inserter;
import dev.blink.spi.MappingContext;
import dev.blink.spi.RowLayout;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.EntityDiscriminatorMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.mutation.EntityTableMapping;

/**
 * The rows of one table for the entities of one hierarchy, prepared once per table: its columns
 * ({@link TableColumns}), what {@code persist} does to a List's entities before any is written
 * ({@link PersistPass}), which columns a row may leave out ({@link RowShape}) and which the server
 * computes ({@link Staging}); then each row is written by the {@link RowWriter} of its class.
 */
final class EntityLayout implements RowLayout {

    private final JpaModel model;
    private final TableColumns columns;
    private final boolean main;
    private final boolean prepared;
    private final SharedSessionContractImplementor session;
    private final List<InverseList> lists;
    private final RowShape shape;
    private final Staging staging;
    private final Map<Class<?>, RowWriter> writers = new HashMap<>();
    /** The writer of the previous row's class: a table's rows are mostly of one class. */
    private Class<?> lastClass;
    private RowWriter lastWriter;

    private EntityLayout(JpaModel model, TableColumns columns, boolean main, boolean prepared,
                         SharedSessionContractImplementor session, List<InverseList> lists, RowShape shape,
                         Staging staging) {
        this.model = model;
        this.columns = columns;
        this.main = main;
        this.prepared = prepared;
        this.session = session;
        this.lists = lists;
        this.shape = shape;
        this.staging = staging;
    }

    static EntityLayout prepare(JpaModel model, MappingContext context, AbstractEntityPersister persister)
            throws SQLException {
        TableName table = context.table();
        AbstractEntityPersister root = (AbstractEntityPersister) persister.getRootEntityDescriptor();
        List<AbstractEntityPersister> members = new ArrayList<>();
        List<TableName> tables = new ArrayList<>();
        boolean main = false;
        for (AbstractEntityPersister member : model.family(root)) {
            member.forEachMutableTable(mapping -> {
                TableName name = Names.table(mapping.getTableName());
                if (!tables.contains(name)) {
                    tables.add(name);
                }
            });
            Optional<EntityTableMapping> mapping = JpaModel.tableMapping(member, table);
            if (mapping.isPresent()) {
                members.add(member);
                main |= mapping.get().isIdentifierTable();
            }
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("rows of entity " + persister.getEntityName() + " are written to "
                    + tables + ", not to table " + table + "; add entity tables with JpaTables.table("
                    + persister.getMappedClass().getSimpleName() + ".class).addTo(plan, source)");
        }
        SharedSessionContractImplementor session = model.openSession(context.connection());
        try {
            List<InverseList> lists = InverseList.of(model, table);
            TableColumns columns = TableColumns.of(table, members, lists, session);
            RowShape shape = RowShape.of(columns, omittable(columns, members, lists, session), context.connection());
            Staging staging = Staging.prepare(columns, session, context.connection()).orElse(null);
            boolean prepared = main && prepare(model, root, context, session);
            return new EntityLayout(model, columns, main, prepared, session, lists, shape, staging);
        } catch (SQLException | RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    /**
     * Runs the {@link PersistPass} over the rows, if they are a Collection and need it; for a table
     * of a {@code TABLE_PER_CLASS} hierarchy, over the whole hierarchy, once.
     *
     * @return whether the rows are prepared
     */
    private static boolean prepare(JpaModel model, AbstractEntityPersister root, MappingContext context,
                                   SharedSessionContractImplementor session) throws SQLException {
        Optional<Collection<?>> all = context.allRows();
        if (all.isEmpty() || !PersistPass.needed(model, root, session)) {
            return false;
        }
        if (all.get() instanceof HierarchyRows rows) {
            HierarchyRows.Hierarchy hierarchy = rows.hierarchy();
            if (!hierarchy.prepared()) {
                PersistPass.run(model, root, hierarchy.entities(), context.table().toString(), session,
                        context.connection());
                hierarchy.markPrepared();
            }
        } else {
            PersistPass.run(model, root, all.get(), context.table().toString(), session, context.connection());
        }
        return true;
    }

    /**
     * The positions that some row may leave out: columns that a class of the hierarchy does not
     * write, the attribute columns of {@code @DynamicInsert} classes, and columns only inverse lists set.
     */
    private static BitSet omittable(TableColumns columns, List<AbstractEntityPersister> members,
                                    List<InverseList> lists, SharedSessionContractImplementor session) {
        BitSet omittable = new BitSet();
        for (AbstractEntityPersister member : members) {
            if (member.isAbstract()) {
                continue; // no row is of this class
            }
            EntityTableMapping mapping = JpaModel.tableMapping(member, columns.table()).orElseThrow();
            BitSet written = new BitSet();
            for (var key : mapping.getKeyMapping().getKeyColumns()) {
                written.set(columns.position(Names.column(key.getColumnName())));
            }
            for (int index : TableColumns.written(member, mapping)) {
                for (SelectableMapping selectable : TableColumns.bound(member.getAttributeMapping(index), session)) {
                    int position = columns.position(Names.column(selectable.getSelectionExpression()));
                    if (position >= 0 && TableColumns.writes(member, mapping, selectable)) {
                        written.set(position);
                        if (member.isDynamicInsert()) {
                            omittable.set(position);
                        }
                    }
                }
            }
            EntityDiscriminatorMapping discriminator = TableColumns.discriminator(member, mapping);
            if (discriminator != null) {
                written.set(columns.position(Names.column(discriminator.getSelectionExpression())));
            }
            BitSet notWritten = new BitSet();
            notWritten.set(0, columns.size());
            notWritten.andNot(written);
            omittable.or(notWritten);
        }
        for (InverseList list : lists) {
            for (SelectableMapping selectable : list.setColumns()) {
                omittable.set(columns.position(Names.column(selectable.getSelectionExpression())));
            }
        }
        return omittable;
    }

    /** Closes the table's Hibernate session; the seed's connection, which it was given, stays open. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public List<String> columns() {
        return columns.names();
    }

    @Override
    public void copyValues(Object row, Object[] values) {
        RowWriter writer = lastWriter;
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

    /** The plan's inserter, or, where rows leave out different columns or the server computes some, one that wraps it. */
    @Override
    public Inserter inserter(Inserter planInserter) {
        return shape.tracked() || staging != null
                ? new EntityInserter(shape, columns.size(), staging, planInserter) : planInserter;
    }

    private RowWriter writer(Class<?> type) {
        AbstractEntityPersister persister = model.persister(type).orElseThrow(() -> new IllegalArgumentException(
                "the row is a " + type.getName() + ", not an entity; table " + columns.table() + " takes entities"));
        EntityTableMapping mapping = JpaModel.tableMapping(persister, columns.table()).orElseThrow(() ->
                new IllegalArgumentException("the row is a " + persister.getEntityName() + ", which has no row in table "
                        + columns.table()));
        return new RowWriter(model, type, persister, mapping, columns, shape, session, main, prepared, lists);
    }
}
