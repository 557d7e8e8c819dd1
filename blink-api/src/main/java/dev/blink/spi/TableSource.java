package dev.blink.spi;

import dev.blink.Store;

/**
 * Produces the rows of one table. Called once, when the plan reaches the table, with the store of
 * every table and context value before it.
 *
 * <p>The rows may be any {@link Iterable}: a {@code List} (retained as given), a lazy iterable, or a
 * {@code Stream} wrapped with {@link dev.blink.Rows#of(java.util.stream.Stream)}. An iterable or
 * iterator that is {@link AutoCloseable} is closed when the table is done, whether it succeeded or
 * not. Each row is a {@code Map<String, ?>}, a record, or anything a registered {@link RowMapper}
 * maps.
 */
@FunctionalInterface
public interface TableSource {

    /**
     * Returns the table's rows.
     *
     * @param store the tables and context before this table
     * @throws Exception anything; the seed rolls back and reports it with the table's name
     */
    Iterable<?> rows(Store store) throws Exception;
}
