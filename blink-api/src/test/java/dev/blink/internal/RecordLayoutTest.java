package dev.blink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.blink.ColumnNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Both ways of reading a record's components, the compiled getters and the method-handle fallback
 * (taken when the record's module does not open its package, which a class-path test cannot set up
 * otherwise), read the same values. What lands in the database is tested through the plan.
 */
class RecordLayoutTest {

    private record Every(long id, int count, short small, byte tiny, double ratio, float f, boolean flag, char letter,
                         String name, BigDecimal amount, List<String> tags) {
    }

    private static final Every ROW = new Every(9_000_000_000L, -7, (short) 300, (byte) -2, 0.25, 1.5f, true, 'é', "Zoë",
            new BigDecimal("12.34"), List.of("a", "b"));
    private static final Object[] EXPECTED = {9_000_000_000L, -7, (short) 300, (byte) -2, 0.25, 1.5f, true, 'é', "Zoë",
        new BigDecimal("12.34"), List.of("a", "b")};

    @Test
    void compiledGettersReadEveryComponentBoxed() {
        assertNotNull(RecordLayout.lookupIn(Every.class), "a class-path record is open to Blink");
        assertArrayEquals(EXPECTED, read(RecordLayout.getters(Every.class, RecordLayout.lookupIn(Every.class))));
    }

    @Test
    void methodHandleGettersReadTheSame() {
        assertArrayEquals(EXPECTED, read(RecordLayout.getters(Every.class, null)));
    }

    @Test
    void theLayoutReadsANullComponentAsNull() {
        Every row = new Every(1, 0, (short) 0, (byte) 0, 0, 0, false, 'x', null, null, null);
        Object[] values = new Object[11];
        RecordLayout.of(Every.class, ColumnNaming.SNAKE_CASE).copyValues(row, values);
        assertNull(values[8]);
        assertSame(Boolean.FALSE, values[6]);
    }

    private record One(String only) {
    }

    private record Twelve(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l) {
    }

    private record Fourteen(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l,
                            String m, long n) {
    }

    @Test
    void theLayoutReadsEveryComponentInOrderWhateverTheirNumber() {
        assertArrayEquals(new Object[] {"x"}, copy(new One("x"), 1));
        assertArrayEquals(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                copy(new Twelve(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 12));
        assertArrayEquals(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, "thirteen", 14L},
                copy(new Fourteen(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, "thirteen", 14L), 14));
        assertArrayEquals(EXPECTED, copy(ROW, 11));
    }

    private static Object[] copy(Record row, int columns) {
        Object[] values = new Object[columns];
        RecordLayout.of(row.getClass(), ColumnNaming.SNAKE_CASE).copyValues(row, values);
        return values;
    }

    private static Object[] read(Function<Object, Object>[] getters) {
        Object[] values = new Object[getters.length];
        for (int i = 0; i < getters.length; i++) {
            values[i] = getters[i].apply(ROW);
        }
        return values;
    }
}
