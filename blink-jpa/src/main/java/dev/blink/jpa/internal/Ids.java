package dev.blink.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.Assigned;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.id.PersistentIdentifierGenerator;
import org.hibernate.id.enhanced.NoopOptimizer;
import org.hibernate.id.enhanced.Optimizer;
import org.hibernate.id.enhanced.PooledLoOptimizer;
import org.hibernate.id.enhanced.PooledLoThreadLocalOptimizer;
import org.hibernate.id.enhanced.PooledOptimizer;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * The ids of entities that {@code persist} would give one: whether an entity gets one (its id
 * mapping's unsaved-value strategy decides), and from where. Sequence ids are allocated in one
 * round trip per table, read the way Hibernate's optimizer reads them so that Hibernate, afterwards,
 * never hands out one of them; identity ids from the identity column's sequence; other ids from
 * Hibernate's own generator, in memory (UUIDs, {@code @MapsId} keys, custom generators).
 */
final class Ids {

    /** Where an entity's id comes from. */
    enum Source {
        /** The entity keeps the id it has: assigned ids, and generated ids already set. */
        KEPT,
        /** A database sequence, allocated in bulk. */
        SEQUENCE,
        /** An identity column, allocated in bulk from its sequence after the callbacks, as the insert would. */
        IDENTITY,
        /** Hibernate's generator, run in memory before the callbacks. */
        GENERATOR
    }

    private Ids() {
    }

    /**
     * Where {@code entity}'s id comes from, decided as {@code persist} decides it
     * ({@code AbstractSaveEventListener.saveWithGeneratedId}), for an entity whose id is unsaved.
     * A generated id that is already set is kept (Hibernate would refuse the entity as detached).
     */
    static Source source(AbstractEntityPersister persister, Object entity, SharedSessionContractImplementor session) {
        Generator generator = persister.getGenerator();
        if (generator instanceof Assigned || !generator.generatesOnInsert()
                || !unsaved(persister, persister.getIdentifier(entity, session))) {
            return Source.KEPT;
        }
        if (generator.generatedOnExecution(entity, session)) {
            return Source.IDENTITY;
        }
        if (!generator.generatedBeforeExecution(entity, session)) {
            return Source.KEPT;
        }
        return generator instanceof SequenceStyleGenerator sequence && sequence.getDatabaseStructure().isPhysicalSequence()
                ? Source.SEQUENCE : Source.GENERATOR;
    }

    /**
     * Whether {@code id} is unsaved for the persister's unsaved-value strategy: {@code null}, {@code 0}
     * for a primitive id, or undetermined (a composite key), which persist takes as unsaved.
     */
    static boolean unsaved(AbstractEntityPersister persister, Object id) {
        if (id == null) {
            return true;
        }
        Boolean unsaved = persister.getIdentifierMapping().getUnsavedStrategy().isUnsaved(id);
        return unsaved == null || unsaved;
    }

    /** Sets sequence ids on {@code entities} (all of {@code root}'s hierarchy, ids unsaved), in one round trip. */
    static void allocateSequence(JpaModel model, AbstractEntityPersister root, List<Object> entities,
                                 SharedSessionContractImplementor session, Connection connection) throws SQLException {
        SequenceStyleGenerator sequence = (SequenceStyleGenerator) root.getGenerator();
        String nextValue = sequence.determineBulkInsertionIdentifierGenerationSelectFragment(
                model.factory().getSqlStringGenerationContext());
        assign(root, entities, fromSequence(root, sequence, nextValue, entities.size(), connection), session);
    }

    /** Sets identity ids on {@code entities}, from the identity column's sequence, in one round trip. */
    static void allocateIdentity(AbstractEntityPersister root, List<Object> entities,
                                 SharedSessionContractImplementor session, Connection connection) throws SQLException {
        assign(root, entities, fromIdentity(root, entities.size(), connection), session);
    }

    /**
     * Runs Hibernate's own generator for {@code entity}, in memory.
     *
     * @throws IllegalArgumentException if the generator needs the database (table generators): it
     *     would open connections of its own, outside the seed's transaction
     */
    static void generate(AbstractEntityPersister persister, Object entity, SharedSessionContractImplementor session) {
        Generator generator = persister.getGenerator();
        if (generator instanceof PersistentIdentifierGenerator || !(generator instanceof BeforeExecutionGenerator before)) {
            throw new IllegalArgumentException("the " + persister.getEntityName() + " has no id ("
                    + persister.getIdentifierPropertyName() + "), and " + describe(generator)
                    + " is not a generator Blink can run: assign the ids, or map the id with "
                    + "@GeneratedValue(strategy = SEQUENCE, IDENTITY or UUID)");
        }
        Object current = generator.allowAssignedIdentifiers() ? persister.getIdentifier(entity, session) : null;
        Object id = before.generate(session, entity, current, EventType.INSERT);
        if (id == null) {
            throw new IllegalArgumentException(describe(generator) + " generated a null id for a "
                    + persister.getEntityName());
        }
        persister.setIdentifier(entity, id, session);
    }

    /** The refusal for a streamed entity whose id must come from the database. */
    static IllegalArgumentException needsList(AbstractEntityPersister persister) {
        return new IllegalArgumentException("the " + persister.getEntityName() + " has no id ("
                + persister.getIdentifierPropertyName() + ") and its ids come from " + describe(persister.getGenerator())
                + "; Blink allocates such ids for all rows before writing them, which needs the rows as a List "
                + "(or other Collection), not a stream. Return a List, or assign the ids");
    }

    private static List<Long> fromSequence(AbstractEntityPersister root, SequenceStyleGenerator sequence, String nextValue,
                                           int count, Connection connection) throws SQLException {
        Optimizer optimizer = sequence.getOptimizer();
        int increment = Math.max(1, optimizer.getIncrementSize());
        long initial = sequence.getDatabaseStructure().getInitialValue();
        boolean pooled = optimizer instanceof PooledOptimizer && increment > 1;
        boolean pooledLo = (optimizer instanceof PooledLoOptimizer || optimizer instanceof PooledLoThreadLocalOptimizer)
                && increment > 1;
        if (!pooled && !pooledLo && !(optimizer instanceof NoopOptimizer) && increment > 1) {
            throw new IllegalArgumentException("the ids of entity " + root.getEntityName() + " come from sequence "
                    + sequence.getDatabaseStructure().getPhysicalName() + " through the "
                    + optimizer.getClass().getSimpleName() + ", which Blink does not follow; use the default "
                    + "(pooled) optimizer, pooled-lo, or allocationSize = 1");
        }
        int calls = !pooled && !pooledLo ? count : ceilDiv(count, increment) + (pooled ? 1 : 0);
        List<Long> values = new ArrayList<>(calls);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + nextValue + " FROM generate_series(1, ?)")) {
            statement.setInt(1, calls);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
        }
        Collections.sort(values);
        List<Long> ids = new ArrayList<>(count);
        long taken = Long.MIN_VALUE;
        for (long value : values) {
            long low;
            long high;
            if (pooled) {
                // PooledOptimizer: a value is the high end of its block; the first value of a new
                // sequence (its initial value) stands for itself alone
                low = Math.max(value - increment + 1, initial);
                high = value;
            } else if (pooledLo) {
                low = value;
                high = value + increment - 1;
            } else {
                low = value;
                high = value;
            }
            // never twice the same id, even if the sequence's increment is not the allocation size
            for (long id = Math.max(low, taken + 1); id <= high && ids.size() < count; id++) {
                ids.add(id);
                taken = id;
            }
        }
        if (ids.size() < count) {
            throw new IllegalStateException("sequence " + sequence.getDatabaseStructure().getPhysicalName()
                    + " gave " + ids.size() + " ids for " + count + " " + root.getEntityName() + " entities");
        }
        return ids;
    }

    private static List<Long> fromIdentity(AbstractEntityPersister root, int count, Connection connection) throws SQLException {
        String table = root.getIdentifierTableDetails().getTableName();
        String column = Names.column(root.getIdentifierColumnNames()[0]);
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nextval(s.seq) FROM (SELECT pg_get_serial_sequence(?, ?) AS seq) s, generate_series(1, ?) "
                        + "WHERE s.seq IS NOT NULL")) {
            statement.setString(1, table);
            statement.setString(2, column);
            statement.setInt(3, count);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.size() < count) {
            throw new IllegalArgumentException("the ids of entity " + root.getEntityName() + " are generated by the "
                    + "database (IDENTITY), but column " + column + " of table " + table
                    + " has no identity or serial sequence to allocate them from; assign the ids");
        }
        Collections.sort(ids);
        return ids;
    }

    private static void assign(AbstractEntityPersister root, List<Object> entities, List<Long> ids,
                               SharedSessionContractImplementor session) {
        @SuppressWarnings("unchecked")
        JavaType<Object> type = (JavaType<Object>) root.getIdentifierMapping().getJavaType();
        for (int i = 0; i < entities.size(); i++) {
            root.setIdentifier(entities.get(i), type.wrap(ids.get(i), session), session);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static String describe(Generator generator) {
        return generator == null ? "no generator" : "generator " + generator.getClass().getName();
    }
}
