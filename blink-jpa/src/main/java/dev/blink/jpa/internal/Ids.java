package dev.blink.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
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
import org.hibernate.id.uuid.UuidGenerator;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * Ids for entities whose id is {@code null}: from the database's sequence in one round trip per
 * table, reading the values the way Hibernate's optimizer does so that Hibernate, afterwards, never
 * hands out one of them; from an identity column's sequence; or from a client-side generator.
 */
final class Ids {

    private Ids() {
    }

    /** Sets an id on every entity of {@code entities} (all of {@code root}'s hierarchy, ids null). */
    static void allocate(JpaModel model, AbstractEntityPersister root, List<Object> entities,
                         SharedSessionContractImplementor session, Connection connection) throws SQLException {
        Generator generator = root.getGenerator();
        if (generator instanceof SequenceStyleGenerator sequence && sequence.getDatabaseStructure().isPhysicalSequence()) {
            String nextValue = sequence.determineBulkInsertionIdentifierGenerationSelectFragment(
                    model.factory().getSqlStringGenerationContext());
            List<Long> ids = fromSequence(root, sequence, nextValue, entities.size(), connection);
            assign(root, entities, ids, session);
        } else if (root.isIdentifierAssignedByInsert()) {
            assign(root, entities, fromIdentity(root, entities.size(), connection), session);
        } else if (generator instanceof BeforeExecutionGenerator before && generator.generatesOnInsert()
                && !(generator instanceof PersistentIdentifierGenerator)) {
            // client-side generators (UUIDs, custom ones); database-backed ones (table generators)
            // would open connections of their own, outside the seed's transaction
            for (Object entity : entities) {
                root.setIdentifier(entity, before.generate(session, entity, null, EventType.INSERT), session);
            }
        } else {
            throw new IllegalArgumentException(entities.size() + " " + root.getEntityName() + " entities have no id ("
                    + root.getIdentifierPropertyName() + "), and " + describe(generator)
                    + " is not a generator Blink can run: assign the ids, or map the id with "
                    + "@GeneratedValue(strategy = SEQUENCE, IDENTITY or UUID)");
        }
    }

    /** For rows streamed one by one: only generators that need no database. */
    static void generateClientSide(AbstractEntityPersister persister, Object entity, SharedSessionContractImplementor session) {
        Generator generator = persister.getGenerator();
        if (generator instanceof UuidGenerator) {
            persister.setIdentifier(entity, ((BeforeExecutionGenerator) generator)
                    .generate(session, entity, null, EventType.INSERT), session);
            return;
        }
        throw new IllegalArgumentException("the " + persister.getEntityName() + " has no id ("
                + persister.getIdentifierPropertyName() + ") and its ids come from " + describe(generator)
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
