package dev.blink.jpa;

import dev.blink.Plan;
import dev.blink.PlanException;
import dev.blink.Retain;
import dev.blink.Store;
import dev.blink.TableOptions;
import dev.blink.jpa.internal.HierarchyRows;
import dev.blink.jpa.internal.JpaModel;
import dev.blink.jpa.internal.TablePlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The tables of one entity class, as Hibernate maps them: its main table (named by the mapping,
 * schema and naming strategies applied), then the other tables of its hierarchy (JOINED
 * inheritance; with TABLE_PER_CLASS, the table of each concrete class) and secondary tables, then
 * its collection tables ({@code @ManyToMany} join tables, {@code @ElementCollection} tables). Made
 * by {@link JpaTables#table(Class)}; immutable and thread-safe.
 *
 * <pre>{@code
 * EntityTable<User> users = tables.table(User.class);
 * users.addTo(plan, store -> organizations.rows(store).stream()
 *         .flatMap(org -> factory.users(org, 50).stream())
 *         .toList());
 * }</pre>
 *
 * @param <T> the entity class
 */
public final class EntityTable<T> {

    private final JpaModel model;
    private final Class<T> entityClass;
    private final List<TablePlan> tables;
    private final List<TablePlan> identifierTables;

    EntityTable(JpaModel model, Class<T> entityClass, List<TablePlan> tables) {
        this.model = model;
        this.entityClass = entityClass;
        this.tables = tables;
        this.identifierTables = tables.stream().filter(TablePlan::identifier).toList();
    }

    /** The entity class. */
    public Class<T> entityClass() {
        return entityClass;
    }

    /**
     * The main table's name, as the plan and the {@link Store} know it (e.g. {@code users}); for a
     * TABLE_PER_CLASS hierarchy, the table of its first concrete class.
     */
    public String name() {
        return tables.get(0).table().toString();
    }

    /** Every table {@link #addTo} adds, in order: the main table first. */
    public List<String> tableNames() {
        List<String> names = new ArrayList<>(tables.size());
        for (TablePlan table : tables) {
            names.add(table.table().toString());
        }
        return List.copyOf(names);
    }

    /**
     * Adds this entity's tables to {@code plan}, in order: the main table with the entities of
     * {@code source} (entities of subclasses included), then each further table with the entities
     * that have a row there, then each collection table with one row per collection entry. For a
     * TABLE_PER_CLASS hierarchy, the table of each concrete class takes the entities of that class.
     * Each table is registered with blink-jpa's row mapper, so the plan needs no options of its own.
     *
     * <p>Generated ids that are unsaved ({@code null}, or {@code 0} for a primitive id) are
     * allocated when the main table is written and set on the entities, so tables added later
     * (children, join tables) see them. The entity classes that this entity refers to, through
     * to-one associations or {@code @ManyToMany} collections, must be added before it.
     *
     * @return this table, to read its entities from the store in later steps
     * @throws dev.blink.PlanException if the plan already has one of these tables
     */
    public EntityTable<T> addTo(Plan plan, EntitySource<T> source) {
        return addTo(plan, source, TableOptions.defaults());
    }

    /**
     * Like {@link #addTo(Plan, EntitySource)}, with options for the main table: for example
     * {@code TableOptions.retain(Retain.NONE)} to stream millions of entities that no later step
     * reads (possible only for an entity without further tables, whose further tables are made
     * from the main table's rows).
     *
     * @throws dev.blink.PlanException if the plan already has one of these tables, or the options
     *     retain less than every row of an entity that has further tables
     */
    public EntityTable<T> addTo(Plan plan, EntitySource<T> source, TableOptions options) {
        Objects.requireNonNull(plan, "null plan");
        Objects.requireNonNull(source, "null source");
        Objects.requireNonNull(options, "null options");
        TableOptions mapped = options.withRowMapper(model.rowMapper());
        if (identifierTables.size() > 1) {
            addPerClass(plan, source, mapped);
            return this;
        }
        String main = name();
        if (!options.retain().all() && tables.size() > 1) {
            throw new PlanException("Entity " + entityClass.getName() + " also writes " + tableNames().subList(1, tables.size())
                    + ", whose rows Blink makes from the rows of " + main + "; keep Retain.ALL for " + main
                    + " (the options ask for " + options.retain() + ")");
        }
        plan.addTable(main, source::rows, mapped);
        for (TablePlan table : tables.subList(1, tables.size())) {
            plan.addTable(table.table().toString(), store -> table.rows(model, store.table(main)), further(table));
        }
        return this;
    }

    /**
     * TABLE_PER_CLASS: the hierarchy's entities are read once, by the first table's step, and
     * shared with the steps of the other tables, which the first gives their ids.
     */
    private void addPerClass(Plan plan, EntitySource<T> source, TableOptions mapped) {
        Shared shared = new Shared();
        for (int i = 0; i < tables.size(); i++) {
            TablePlan table = tables.get(i);
            boolean first = i == 0;
            boolean last = i == tables.size() - 1;
            plan.addTable(table.table().toString(), store -> {
                if (first) {
                    shared.read(source.rows(store), entityClass);
                }
                List<Object> rows = table.rows(model, shared.hierarchy.entities());
                HierarchyRows.Hierarchy hierarchy = shared.hierarchy;
                if (last) {
                    shared.hierarchy = null;
                }
                return table.identifier() ? new HierarchyRows(rows, hierarchy) : rows;
            }, table.identifier() ? mapped : further(table));
        }
    }

    private TableOptions further(TablePlan table) {
        TableOptions options = TableOptions.defaults().withRowMapper(model.rowMapper());
        return table.collection() ? options.withRetain(Retain.NONE) : options;
    }

    /**
     * The entities written to the main table, from the store of a later step (for a
     * TABLE_PER_CLASS hierarchy, those written to the tables of its concrete classes, table by table).
     *
     * @throws IllegalArgumentException if the table has not been written yet
     */
    public List<T> rows(Store store) {
        Objects.requireNonNull(store, "null store");
        if (identifierTables.size() <= 1) {
            return store.table(name(), entityClass);
        }
        List<T> all = new ArrayList<>();
        for (TablePlan table : identifierTables) {
            all.addAll(store.table(table.table().toString(), entityClass));
        }
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "EntityTable[" + entityClass.getName() + " -> " + tableNames() + "]";
    }

    /** The entities of a TABLE_PER_CLASS hierarchy, between the first and the last of its steps. */
    private static final class Shared {
        private HierarchyRows.Hierarchy hierarchy;

        void read(Iterable<?> source, Class<?> entityClass) throws Exception {
            List<Object> entities = new ArrayList<>(source instanceof Collection<?> c ? c.size() : 16);
            try {
                for (Object entity : source) {
                    if (entity == null) {
                        throw new IllegalArgumentException("entity " + (entities.size() + 1) + " of the "
                                + entityClass.getName() + " hierarchy is null; leave nulls out");
                    }
                    entities.add(entity);
                }
            } finally {
                if (source instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            hierarchy = new HierarchyRows.Hierarchy(entities);
        }
    }
}
