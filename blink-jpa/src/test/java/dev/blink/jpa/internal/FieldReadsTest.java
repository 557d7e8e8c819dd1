package dev.blink.jpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.function.Function;
import org.hibernate.property.access.spi.GetterFieldImpl;
import org.junit.jupiter.api.Test;

/**
 * Blink's compiled reader of a field reads what Hibernate's field getter reads, and is compiled
 * (a hidden class) for the private fields that Hibernate's own optimizer refuses; the
 * differential test checks the rows these values become.
 */
class FieldReadsTest {

    static class Base {
        private String inherited;
    }

    static final class Entity extends Base {
        private int number;
        private long big;
        private boolean flag;
        private Object anything;
    }

    @Test
    @SuppressWarnings("removal")
    void readsPrivateFieldsAsHibernatesGetterDoesThroughACompiledReader() throws Exception {
        Entity entity = new Entity();
        entity.number = 1234567;
        entity.big = Long.MIN_VALUE;
        entity.flag = true;
        entity.anything = null;
        ((Base) entity).inherited = "Zoë";
        for (String name : new String[] {"number", "big", "flag", "anything", "inherited"}) {
            Field field = name.equals("inherited") ? Base.class.getDeclaredField(name) : Entity.class.getDeclaredField(name);
            field.setAccessible(true); // as Hibernate's field access does before it makes the getter
            GetterFieldImpl getter = new GetterFieldImpl(Entity.class, name, field);
            Function<Object, Object> reader = FieldReads.of(getter);
            assertTrue(reader.getClass().isHidden(), name + " is read by " + reader.getClass());
            assertEquals(getter.get(entity), reader.apply(entity), name);
            assertTrue(FieldReads.of(getter) == reader, "one reader per field");
        }
    }
}
