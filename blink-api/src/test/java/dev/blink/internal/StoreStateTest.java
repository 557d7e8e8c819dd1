package dev.blink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blink.Retain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each store is a snapshot: later steps never show in an earlier store, whenever it is read. */
class StoreStateTest {

    @Test
    void anEarlierStoreReadAfterLaterStepsShowsOnlyWhatCameBeforeIt() {
        StoreState empty = StoreState.empty();
        StoreState one = empty.withTable("users", List.of("ada"), Retain.ALL);
        StoreState two = one.withContext("now", 42);
        StoreState three = two.withTable("posts", List.of("hi"), Retain.NONE);
        StoreState branch = one.withTable("tags", List.of("x"), Retain.ALL); // another seed's path from one

        assertEquals(Map.of("users", List.of("ada"), "posts", List.of("hi")), three.tables());
        assertEquals(List.of("users", "posts"), List.copyOf(three.tables().keySet()));
        assertEquals(Map.of("now", 42), three.context());
        assertEquals(Map.of("users", List.of("ada")), two.tables());
        assertEquals(Map.of("users", List.of("ada")), one.tables());
        assertEquals(Map.of(), one.context());
        assertEquals(Map.of(), empty.tables());
        assertEquals(List.of("users", "tags"), List.copyOf(branch.tables().keySet()));
        assertSame(three.tables(), three.tables());
        assertEquals(List.of("ada"), three.table("users"));
        assertEquals(42, three.context("now"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> three.table("posts"));
        assertEquals(true, none.getMessage().contains("Retain.NONE"), none.getMessage());
        IllegalArgumentException later = assertThrows(IllegalArgumentException.class, () -> two.table("posts"));
        assertEquals(true, later.getMessage().contains("tables so far: [users]"), later.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> three.tables().put("x", List.of()));
    }
}
