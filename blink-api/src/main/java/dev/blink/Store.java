package dev.blink;

import java.util.List;
import java.util.Map;

/**
 * The tables and context values produced so far, in plan order. Each table's callback receives the
 * store of every step before it. Read-only and immutable: the maps and lists it returns cannot be
 * changed (a {@code List} source's rows are kept as the very same list, so do not change that list
 * either).
 *
 * <pre>{@code
 * List<User> users = store.table("users", User.class);
 * List<?> days = store.context("timestamps", List.class);
 * }</pre>
 */
public interface Store {

    /** Table name → the rows retained, in plan order. A table that retains nothing maps to an empty list. */
    Map<String, List<?>> tables();

    /** Context key → value, in plan order. Values may be null. */
    Map<String, Object> context();

    /**
     * The rows retained of a table.
     *
     * @throws IllegalArgumentException if no such table ran before, or it retained nothing
     */
    List<?> table(String table);

    /**
     * The rows retained of a table, each checked to be a {@code rowType}.
     *
     * @throws IllegalArgumentException if no such table ran before, it retained nothing, or a row
     *     is of another type
     */
    <T> List<T> table(String table, Class<T> rowType);

    /**
     * A context value.
     *
     * @throws IllegalArgumentException if no such context was computed before
     */
    Object context(String key);

    /**
     * A context value, checked to be a {@code type} (null passes).
     *
     * @throws IllegalArgumentException if there is no such context, or it is of another type
     */
    <T> T context(String key, Class<T> type);
}
