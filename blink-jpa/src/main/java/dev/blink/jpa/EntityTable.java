package dev.blink.jpa;

import dev.blink.Plan;
import dev.blink.PlanException;
import dev.blink.Retain;
import dev.blink.Store;
import dev.blink.TableOptions;
import dev.blink.jpa.internal.JpaModel;
import dev.blink.jpa.internal.TablePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tables of one entity class, as Hibernate maps them: its main table (named by the mapping,
 * schema and naming strategies applied), then the other tables of its hierarchy (JOINED
 * inheritance) and secondary tables, then its collection tables ({@code @ManyToMany} join tables,
 * {@code @ElementCollection} tables). Made by {@link JpaTables#table(Class)}; immutable and
 * thread-safe.
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

    EntityTable(JpaModel model, Class<T> entityClass, List<TablePlan> tables) {
        this.model = model;
        this.entityClass = entityClass;
        this.tables = tables;
    }

    /** The entity class. */
    public Class<T> entityClass() {
        return entityClass;
    }

    /** The main table's name, as the plan and the {@link Store} know it (e.g. {@code users}). */
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
     * that have a row there, then each collection table with one row per collection entry.
     *
     * <p>Generated ids that are {@code null} are allocated when the main table is written and set on
     * the entities, so tables added later (children, join tables) see them. The entity classes that
     * this entity refers to, through to-one associations or {@code @ManyToMany} collections, must be
     * added before it.
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
        String main = name();
        if (!options.retain().all() && tables.size() > 1) {
            throw new PlanException("Entity " + entityClass.getName() + " also writes " + tableNames().subList(1, tables.size())
                    + ", whose rows Blink makes from the rows of " + main + "; keep Retain.ALL for " + main
                    + " (the options ask for " + options.retain() + ")");
        }
        plan.addTable(main, source::rows, options);
        for (TablePlan table : tables.subList(1, tables.size())) {
            if (table.collection()) {
                plan.addTable(table.table().toString(), store -> table.rows(model, store.table(main)),
                        TableOptions.retain(Retain.NONE));
            } else {
                plan.addTable(table.table().toString(), store -> table.rows(model, store.table(main)));
            }
        }
        return this;
    }

    /**
     * The entities written to the main table, from the store of a later step.
     *
     * @throws IllegalArgumentException if the table has not been written yet
     */
    public List<T> rows(Store store) {
        Objects.requireNonNull(store, "null store");
        return store.table(name(), entityClass);
    }

    @Override
    public String toString() {
        return "EntityTable[" + entityClass.getName() + " -> " + tableNames() + "]";
    }
}
