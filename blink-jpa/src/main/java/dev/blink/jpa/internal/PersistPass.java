package dev.blink.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.Assigned;
import org.hibernate.persister.entity.AbstractEntityPersister;

/**
 * What {@code persist} does to every entity of a table before any is inserted, for a table whose
 * rows are a {@code List}: generated ids (sequence ids for all rows in one round trip), then
 * {@code @PrePersist} callbacks, the interceptor and versions, then identity ids, which the insert
 * itself would give. Afterwards every entity has its id, so rows can refer to each other in any
 * order.
 */
final class PersistPass {

    private PersistPass() {
    }

    /**
     * Whether the rows of {@code root}'s hierarchy need the pass: ids to generate or steps to run.
     * Entities with assigned ids and nothing to run skip it, and an id left null is reported at its row.
     */
    static boolean needed(JpaModel model, AbstractEntityPersister root, SharedSessionContractImplementor session) {
        if (!(root.getGenerator() instanceof Assigned)) {
            return true;
        }
        for (AbstractEntityPersister member : model.family(root)) {
            if (Lifecycle.of(model, member, session).hasPersistSteps()) {
                return true;
            }
        }
        return false;
    }

    /** Runs the pass over {@code rows}, every one an entity of {@code root}'s hierarchy. */
    static void run(JpaModel model, AbstractEntityPersister root, Collection<?> rows, String table,
                    SharedSessionContractImplementor session, Connection connection) throws SQLException {
        List<Object> sequence = new ArrayList<>();
        List<Object> identity = new ArrayList<>();
        Map<Class<?>, Lifecycle> lifecycles = new HashMap<>();
        boolean steps = false;
        long number = 0;
        Class<?> lastClass = null;
        AbstractEntityPersister persister = null;
        for (Object row : rows) {
            number++;
            if (row == null) {
                throw new IllegalArgumentException("row " + number + " is null: the source of table " + table
                        + " returned a null among its " + root.getEntityName() + " entities; leave nulls out");
            }
            if (row.getClass() != lastClass) {
                lastClass = row.getClass();
                persister = model.persister(lastClass).orElse(null);
                if (persister == null || persister.getRootEntityDescriptor() != root) {
                    throw new IllegalArgumentException("row " + number + " is a " + row.getClass().getName()
                            + ", not an entity of the " + root.getEntityName() + " hierarchy that table " + table + " holds");
                }
                AbstractEntityPersister member = persister;
                steps |= lifecycles.computeIfAbsent(lastClass, c -> Lifecycle.of(model, member, session)).hasPersistSteps();
            }
            switch (Ids.source(persister, row, session)) {
                case SEQUENCE -> sequence.add(row);
                case IDENTITY -> identity.add(row);
                case GENERATOR -> Ids.generate(persister, row, session);
                case KEPT -> {
                }
            }
        }
        if (!sequence.isEmpty()) {
            Ids.allocateSequence(model, root, sequence, session, connection);
        }
        if (steps) {
            // a table's rows are mostly of one class: its lifecycle is looked up when the class changes
            Class<?> stepsClass = null;
            Lifecycle lifecycle = null;
            for (Object row : rows) {
                if (row.getClass() != stepsClass) {
                    stepsClass = row.getClass();
                    lifecycle = lifecycles.get(stepsClass);
                }
                lifecycle.beforePersist(row);
            }
        }
        if (!identity.isEmpty()) {
            Ids.allocateIdentity(root, identity, session, connection);
        }
    }
}
