package dev.blink.jpa.internal;

import dev.blink.PlanException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.internal.DefaultPersistEventListener;
import org.hibernate.event.internal.PostInsertEventListenerStandardImpl;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.generator.OnExecutionGenerator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.type.SqlTypes;

/**
 * The mappings and persist-time machinery that Blink cannot reproduce in a COPY, refused when a
 * plan is built, before anything is sent, with what to change. Each refusal is listed in the
 * README's JPA section.
 */
final class MappingChecks {

    private MappingChecks() {
    }

    /**
     * Refuses what Blink cannot write for {@code member} as Hibernate would.
     *
     * @throws PlanException naming the entity, the attribute or the listener, and the fix
     */
    static void check(SessionFactoryImplementor factory, AbstractEntityPersister member) {
        auxiliaryMappings(member);
        customInserts(member);
        largeObjects(member);
        sqlGenerators(factory.getJdbcServices().getDialect(), member);
        listeners(factory, member);
    }

    private static void auxiliaryMappings(AbstractEntityPersister member) {
        var auxiliary = member.getRootEntityDescriptor().getAuxiliaryMapping();
        if (auxiliary != null) {
            throw new PlanException("Entity " + member.getEntityName() + " uses " + auxiliary.getClass().getSimpleName()
                    + " (@SoftDelete or a temporal/audit mapping), which Blink cannot write: Hibernate adds columns of its "
                    + "own to every insert. Seed such tables through Hibernate, or drop the mapping.");
        }
    }

    private static void customInserts(AbstractEntityPersister member) {
        member.forEachMutableTable(table -> {
            if (table.getInsertCustomSql() != null) {
                throw new PlanException("Entity " + member.getEntityName() + " is inserted into table "
                        + Names.table(table.getTableName()) + " by custom SQL (@SQLInsert), which Blink cannot run as "
                        + "COPY; seed it through Hibernate, or drop the custom insert");
            }
        });
    }

    private static void largeObjects(AbstractEntityPersister member) {
        for (int i = 0; i < member.getNumberOfAttributeMappings(); i++) {
            AttributeMapping attribute = member.getAttributeMapping(i);
            var part = attribute instanceof PluralAttributeMapping plural ? plural.getElementDescriptor() : attribute;
            part.forEachSelectable((index, selectable) -> {
                int code = selectable.getJdbcMapping().getJdbcType().getDdlTypeCode();
                if (code == SqlTypes.BLOB || code == SqlTypes.CLOB || code == SqlTypes.NCLOB) {
                    throw new PlanException("attribute " + member.getEntityName() + "." + attribute.getAttributeName()
                            + " (column " + selectable.getSelectionExpression() + ") is mapped as a large object ("
                            + selectable.getJdbcMapping().getJdbcType().getFriendlyName() + "), which PostgreSQL keeps "
                            + "outside the table and COPY cannot write. Map it as text or bytea instead, e.g. "
                            + "@JdbcTypeCode(SqlTypes.LONG32VARCHAR) or @JdbcTypeCode(SqlTypes.LONG32VARBINARY) without @Lob");
                }
            });
        }
    }

    private static void sqlGenerators(Dialect dialect, AbstractEntityPersister member) {
        for (int i = 0; i < member.getNumberOfAttributeMappings(); i++) {
            AttributeMapping attribute = member.getAttributeMapping(i);
            if (attribute.getGenerator() instanceof OnExecutionGenerator generator && generator.generatesOnInsert()
                    && generator.generatedOnExecution() && generator.referenceColumnsInSql(dialect, org.hibernate.generator.EventType.INSERT)) {
                String[] values = generator.getReferencedColumnValues(dialect, org.hibernate.generator.EventType.INSERT);
                for (String value : values == null ? new String[0] : values) {
                    if (value != null && !value.equals("?")) {
                        throw new PlanException("attribute " + member.getEntityName() + "." + attribute.getAttributeName()
                                + " is generated on insert by the SQL expression " + value + " (e.g. @CurrentTimestamp("
                                + "source = DB)), which Blink cannot evaluate in COPY. Generate it in the JVM (the default "
                                + "source), or give the column a default and map it with @Generated");
                    }
                }
            }
        }
    }

    /**
     * Hibernate's persist runs the listeners of its {@code PERSIST} and {@code POST_INSERT} events
     * (and, at commit, {@code POST_COMMIT_INSERT}). Blink runs what Hibernate's own listeners do
     * (the JPA callbacks); another listener there (Envers auditing, Hibernate Search indexing, one of
     * the application's) does work of its own that Blink would silently leave undone.
     */
    private static void listeners(SessionFactoryImplementor factory, AbstractEntityPersister member) {
        EventListenerRegistry registry = factory.getEventEngine().getListenerRegistry();
        List<String> others = new ArrayList<>();
        registry.getEventListenerGroup(EventType.PERSIST).fireEventOnEachListener(others, (listener, found) -> {
            if (listener.getClass() != DefaultPersistEventListener.class) {
                found.add(listener.getClass().getName() + " (persist)");
            }
        });
        registry.getEventListenerGroup(EventType.POST_INSERT).fireEventOnEachListener(others, (listener, found) -> {
            if (listener.getClass() != PostInsertEventListenerStandardImpl.class) {
                found.add(listener.getClass().getName() + " (post-insert)");
            }
        });
        registry.getEventListenerGroup(EventType.POST_COMMIT_INSERT).fireEventOnEachListener(others,
                (listener, found) -> found.add(listener.getClass().getName() + " (post-commit-insert)"));
        if (!others.isEmpty()) {
            throw new PlanException("Entity " + member.getEntityName() + " is persisted by Hibernate with the event "
                    + "listeners " + others + ", which do work of their own around each insert (auditing, indexing…) "
                    + "that Blink cannot do; the rows would be written without it. Seed with an EntityManagerFactory "
                    + "that does not register them, or seed this entity through Hibernate.");
        }
    }
}
