package dev.blink.jpa;

import dev.blink.Store;

/**
 * Produces the entities of one {@link EntityTable}, typed. Called once, when the plan reaches the
 * table, with the store of every step before it.
 *
 * @param <T> the entity class
 */
@FunctionalInterface
public interface EntitySource<T> {

    /**
     * Returns the entities: a {@code List} (Blink then allocates generated ids for all of them in
     * one round trip per table) or any other {@code Iterable}, such as
     * {@link dev.blink.Rows#of(java.util.stream.Stream)} for entities with assigned or UUID ids.
     *
     * @param store the tables and context before this table
     * @throws Exception anything; the seed rolls back and reports it with the table's name
     */
    Iterable<? extends T> rows(Store store) throws Exception;
}
