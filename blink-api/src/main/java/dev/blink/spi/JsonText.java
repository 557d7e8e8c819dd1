package dev.blink.spi;

import dev.blink.TableName;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Implemented by the rows of a table source that are JSON objects the database can read itself
 * (blink-files' {@code Json} without a transform). Blink then offers the table to the inserter
 * whole ({@link Inserter#insertJson}); an inserter that does not take it gets the rows, read from
 * the same object as any {@link Iterable}.
 */
public interface JsonText {

    /**
     * Prepares one read of the file; nothing is opened until the input is first used. Empty if
     * these rows cannot be read whole (a file with a transform): Blink then reads them as any
     * {@link Iterable}.
     *
     * @param table the target table
     * @param step the plan step's name, for locations
     * @param rows receives every object as the inserter reads it, as a map of Java values
     *     (String, Long, BigDecimal, Boolean, Map, List, null), for the store; or null when nothing is
     *     retained
     */
    Optional<JsonInput> open(TableName table, String step, Consumer<Map<String, Object>> rows);
}
