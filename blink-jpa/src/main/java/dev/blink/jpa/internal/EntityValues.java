package dev.blink.jpa.internal;

import java.util.function.Function;
import org.hibernate.engine.spi.PrimeAmongSecondarySupertypes;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.internal.BasicEntityIdentifierMappingImpl;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.property.access.spi.Getter;
import org.hibernate.property.access.spi.GetterFieldImpl;
import org.hibernate.proxy.HibernateProxy;

/**
 * An entity's id and state as its persister reads them, for the entities of one class (not
 * proxies, not enhanced): the persister's {@code getPropertyValues} without Hibernate's bytecode
 * optimizer is each attribute's getter in state order, and a basic id's {@code getIdentifier} is
 * its getter; Blink calls those getters through {@link FieldReads}. Where the persister does more
 * (an optimizer of its own, lazy attributes of an enhanced class, an id that is not one basic
 * attribute), it is asked itself. Decided once per class; used by one thread.
 */
final class EntityValues {

    private final AbstractEntityPersister persister;
    /** The readers of the state, in state order; null where the persister reads the state itself. */
    private final Function<Object, Object>[] state;
    /** Whether every attribute is read from its field (no getter method that could do more than read). */
    private final boolean fields;
    /** The reader of the id; null where the persister reads it itself. */
    private final Function<Object, Object> id;

    @SuppressWarnings({"unchecked", "rawtypes", "removal"})
    private EntityValues(AbstractEntityPersister persister, Class<?> type) {
        this.persister = persister;
        // a proxy's id comes from its lazy initializer, and enhanced classes may be proxies too
        boolean plain = !HibernateProxy.class.isAssignableFrom(type)
                && !PrimeAmongSecondarySupertypes.class.isAssignableFrom(type);
        if (plain && !hasOptimizer(persister)
                && !persister.getBytecodeEnhancementMetadata().isEnhancedForLazyLoading()) {
            int n = persister.getNumberOfAttributeMappings();
            state = new Function[n];
            boolean allFields = true;
            for (int i = 0; i < n; i++) {
                Getter getter = persister.getAttributeMappings().get(i).getAttributeMetadata().getPropertyAccess().getGetter();
                state[i] = FieldReads.of(getter);
                allFields &= getter.getClass() == GetterFieldImpl.class;
            }
            fields = allFields;
        } else {
            state = null;
            fields = false;
        }
        id = plain && persister.getIdentifierMapping().getClass() == BasicEntityIdentifierMappingImpl.class
                ? FieldReads.of(((BasicEntityIdentifierMappingImpl) persister.getIdentifierMapping())
                        .getPropertyAccess().getGetter())
                : null;
    }

    /** The reader of the id and state of {@code persister}'s entities of class {@code type}. */
    static EntityValues of(AbstractEntityPersister persister, Class<?> type) {
        return new EntityValues(persister, type);
    }

    @SuppressWarnings("removal")
    private static boolean hasOptimizer(AbstractEntityPersister persister) {
        return persister.getRepresentationStrategy().getReflectionOptimizer() != null;
    }

    /** {@code persister.getIdentifier(entity, session)}. */
    Object id(Object entity, SharedSessionContractImplementor session) {
        return id == null ? persister.getIdentifier(entity, session) : id.apply(entity);
    }

    /**
     * Whether {@link #value} reads one attribute as reading the whole state would: every attribute
     * is a field, so reading some and not others, or in another order, changes nothing.
     */
    boolean readsEach() {
        return fields;
    }

    /** {@code persister.getValues(entity)[index]}, where {@link #readsEach()}. */
    Object value(Object entity, int index) {
        return state[index].apply(entity);
    }

    /** {@code persister.getValues(entity)}: a new array. */
    Object[] state(Object entity) {
        Function<Object, Object>[] readers = state;
        if (readers == null) {
            return persister.getValues(entity);
        }
        Object[] values = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            values[i] = readers[i].apply(entity);
        }
        return values;
    }
}
