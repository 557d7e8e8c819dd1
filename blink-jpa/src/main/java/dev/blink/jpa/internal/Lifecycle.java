package dev.blink.jpa.internal;

import org.hibernate.HibernateException;
import org.hibernate.Interceptor;
import org.hibernate.engine.internal.Nullability;
import org.hibernate.engine.internal.Versioning;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerGroup;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.Generator;
import org.hibernate.internal.EmptyInterceptor;
import org.hibernate.jpa.event.spi.CallbackRegistry;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.property.access.spi.Getter;
import org.hibernate.property.access.spi.GetterFieldImpl;
import org.hibernate.property.access.spi.GetterMethodImpl;
import org.hibernate.type.AnyType;
import org.hibernate.type.CollectionType;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;

/**
 * What Hibernate does to an entity of one class around its insert, in {@code persist}'s order,
 * through Hibernate's own machinery: the JPA callbacks of the callback registry
 * ({@code @PrePersist} on the entity and its mapped superclasses, entity listeners, default
 * listeners), the interceptor's {@code onPersist}, the version's seed, the nullability check,
 * pre-insert event listeners, in-memory generators ({@code @CreationTimestamp}…) and, after the
 * row, {@code @PostPersist}. Which of these apply is decided once per class; an entity with none
 * costs nothing. Used by one thread.
 */
final class Lifecycle {

    private final AbstractEntityPersister persister;
    private final SharedSessionContractImplementor session;
    private final CallbackRegistry callbacks;
    private final boolean prePersist;
    private final boolean postPersist;
    private final Interceptor interceptor;
    private final Nullability nullability;
    private final EventListenerGroup<PreInsertEventListener> preInsert;
    private final boolean generators;

    private Lifecycle(JpaModel model, AbstractEntityPersister persister, SharedSessionContractImplementor session) {
        this.persister = persister;
        this.session = session;
        this.callbacks = model.factory().getEventEngine().getCallbackRegistry();
        this.prePersist = callbacks.hasRegisteredCallbacks(persister.getMappedClass(), CallbackType.PRE_PERSIST);
        this.postPersist = callbacks.hasRegisteredCallbacks(persister.getMappedClass(), CallbackType.POST_PERSIST);
        Interceptor configured = session.getInterceptor();
        this.interceptor = configured == null || configured == EmptyInterceptor.INSTANCE ? null : configured;
        this.nullability = model.factory().getSessionFactoryOptions().isCheckNullability() && !neverNull(persister)
                ? new Nullability(session, Nullability.NullabilityCheckType.CREATE) : null;
        EventListenerGroup<PreInsertEventListener> group = model.factory().getEventEngine().getListenerRegistry()
                .getEventListenerGroup(EventType.PRE_INSERT);
        this.preInsert = group.isEmpty() ? null : group;
        this.generators = persister.hasPreInsertGeneratedProperties();
    }

    /** The lifecycle of {@code persister}'s entities, with {@code session} as the session Hibernate would use. */
    static Lifecycle of(JpaModel model, AbstractEntityPersister persister, SharedSessionContractImplementor session) {
        return new Lifecycle(model, persister, session);
    }

    /**
     * Whether Hibernate's nullability check cannot fail for this class, so that it is left out: it
     * refuses a null in a not-null attribute and looks into embeddables, {@code @Any} values and
     * collections; a class whose attributes are none of those, each nullable or read by a plain
     * getter of a primitive (never null), passes it whatever its values.
     */
    @SuppressWarnings("removal") // Getter: how Hibernate's persisters read the state
    private static boolean neverNull(AbstractEntityPersister persister) {
        boolean[] nullable = persister.getPropertyNullability();
        Type[] types = persister.getPropertyTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] instanceof AnyType || types[i] instanceof ComponentType || types[i] instanceof CollectionType) {
                return false;
            }
            if (!nullable[i]) {
                Getter getter = persister.getAttributeMapping(i).getAttributeMetadata().getPropertyAccess().getGetter();
                boolean plain = getter.getClass() == GetterFieldImpl.class || getter.getClass() == GetterMethodImpl.class;
                if (!plain || !getter.getReturnTypeClass().isPrimitive()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@link #beforeInsert} reads or changes the state, so that it must be given the whole state. */
    boolean needsState() {
        return nullability != null || preInsert != null || generators;
    }

    /** Whether {@link #beforePersist} does anything for this class. */
    boolean hasPersistSteps() {
        return prePersist || interceptor != null || persister.isVersioned();
    }

    /**
     * What {@code persist} does after a generated id is set and before it queues the insert:
     * {@code @PrePersist} callbacks, then the interceptor and the version's seed, whose changes are
     * set on the entity.
     */
    void beforePersist(Object entity) {
        if (prePersist) {
            callbacks.preCreate(entity);
        }
        if (interceptor != null || persister.isVersioned()) {
            Object[] state = persister.getValues(entity);
            boolean substitute = interceptor != null && interceptor.onPersist(entity,
                    persister.getIdentifier(entity, session), state, persister.getPropertyNames(),
                    persister.getPropertyTypes());
            if (persister.isVersioned()) {
                substitute |= Versioning.seedVersion(entity, state, persister, session);
            }
            if (substitute) {
                persister.setValues(entity, state);
            }
        }
    }

    /**
     * What happens to the entity's {@code state} between {@code persist} and the insert's binding:
     * the nullability check, pre-insert event listeners, then in-memory generators.
     *
     * @throws IllegalArgumentException if Hibernate would refuse the entity, or a listener vetoes its insert
     */
    void beforeInsert(Object entity, Object id, Object[] state) {
        if (nullability != null) {
            try {
                nullability.checkNullability(state, persister);
            } catch (HibernateException e) {
                throw new IllegalArgumentException(e.getMessage() + "; Hibernate refuses to persist such an entity. "
                        + "Set the attribute, or map it as nullable", e);
            }
        }
        if (preInsert != null) {
            Object[] before = state.clone();
            preInsert.fireEventOnEachListener(new PreInsertEvent(entity, id, state, persister, session), (listener, event) -> {
                if (listener.onPreInsert(event)) {
                    throw new IllegalArgumentException("pre-insert listener " + listener.getClass().getName()
                            + " vetoed the insert of this " + persister.getEntityName() + "; Hibernate would leave "
                            + "the row out, which Blink cannot do in a COPY: leave the entity out of the table's source");
                }
            });
            keepEntityValues(entity, before, state);
        }
        if (generators) {
            Generator[] all = persister.getGenerators();
            for (int i = 0; i < all.length; i++) {
                Generator generator = all[i];
                if (generator != null && generator.generatesOnInsert() && generator.generatedBeforeExecution(entity, session)) {
                    state[i] = ((BeforeExecutionGenerator) generator).generate(session, entity, state[i],
                            org.hibernate.generator.EventType.INSERT);
                    persister.setValue(entity, i, state[i]);
                }
            }
        }
    }

    /**
     * Where a pre-insert listener changed the state but not the entity, Hibernate inserts the
     * listener's value, then its flush finds the entity dirty and writes the entity's value back
     * with an UPDATE: the row ends up with the entity's value, which is what Blink writes. A
     * versioned entity is refused, because that UPDATE also increments its version.
     */
    private void keepEntityValues(Object entity, Object[] before, Object[] state) {
        var types = persister.getPropertyTypes();
        for (int i = 0; i < state.length; i++) {
            if (state[i] == before[i]) {
                continue;
            }
            Object current = persister.getValue(entity, i);
            if (!types[i].isEqual(current, state[i])) {
                if (persister.isVersioned()) {
                    throw new IllegalArgumentException("a pre-insert listener changed attribute "
                            + persister.getEntityName() + "." + persister.getPropertyNames()[i] + " in the state "
                            + "Hibernate inserts, but not on the entity, so Hibernate's flush then updates the row "
                            + "back to the entity's value and increments its version, which Blink does not do: "
                            + "have the listener set the value on the entity too");
                }
                state[i] = current;
            }
        }
    }

    /** {@code @PostPersist} callbacks, once the entity's row is written. */
    void afterInsert(Object entity) {
        if (postPersist) {
            callbacks.postCreate(entity);
        }
    }
}
