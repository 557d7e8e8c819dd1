package dev.blink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plan mistakes are caught while the plan is built, before any connection is opened. */
class PlanTest {

    @Test
    void rejectsTheSameTableTwice() {
        Plan plan = Blink.plan().addTable("users", store -> List.of());
        PlanException e = assertThrows(PlanException.class, () -> plan.addTable("users", store -> List.of()));
        assertTrue(e.getMessage().contains("\"users\" is added twice"), e.getMessage());
    }

    @Test
    void rejectsTheSameContextTwice() {
        Plan plan = Blink.plan().addContext("now", store -> 1);
        assertThrows(PlanException.class, () -> plan.addContext("now", store -> 2));
    }

    @Test
    void needsASeederForStepsAddedByName() {
        PlanException e = assertThrows(PlanException.class, () -> Blink.plan().addTable("users"));
        assertTrue(e.getMessage().contains("Blink.plan(seeder)"), e.getMessage());
    }

    @Test
    void rejectsMalformedTableNames() {
        assertThrows(PlanException.class, () -> Blink.plan().addTable("a.b.c", store -> List.of()));
    }

    @Test
    void anEmptyPlanIsAnErrorBeforeConnecting() {
        PlanException e = assertThrows(PlanException.class, () -> Blink.plan().insert(new NoConnections()));
        assertTrue(e.getMessage().contains("no steps"), e.getMessage());
    }

    @Test
    void withoutAnInserterOnTheClassPathSaysWhatToAdd() {
        Plan plan = Blink.plan().addTable("users", store -> List.of(Map.of("id", 1)));
        PlanException e = assertThrows(PlanException.class, () -> plan.insert(new NoConnections()));
        assertTrue(e.getMessage().contains("dev.blink:blink-copy-pg"), e.getMessage());
    }

    @Test
    void validatesOptionsWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> InsertOptions.builder().batchSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> InsertOptions.builder()
                .statementTimeout(java.time.Duration.ofSeconds(-1)).build());
        assertEquals(900, InsertOptions.defaults().batchSize());
    }

    @Test
    void namesRecordComponentsInSnakeCase() {
        assertEquals("created_at", ColumnNaming.SNAKE_CASE.column("createdAt"));
        assertEquals("user_id", ColumnNaming.SNAKE_CASE.column("userID"));
        assertEquals("html_page", ColumnNaming.SNAKE_CASE.column("HTMLPage"));
        assertEquals("id", ColumnNaming.SNAKE_CASE.column("id"));
    }

    /** A data source that must never be asked for a connection. */
    private static final class NoConnections extends UnusedDataSource {
    }
}
