package dev.blink.spi;

import dev.blink.TableName;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Implemented by the rows of a table source that are CSV text the database can read itself
 * (blink-files' {@code Csv} without a transform). Blink then offers the table to the inserter
 * whole ({@link Inserter#insertCsv}); an inserter that does not take it gets the rows, read from
 * the same object as any {@link Iterable}.
 */
public interface CsvText {

    /**
     * Prepares one read of the text; nothing is opened until the input is first used. Empty if
     * these rows cannot be read whole (a file with a transform): Blink then reads them as any
     * {@link Iterable}.
     *
     * @param table the target table
     * @param step the plan step's name, for locations
     * @param rows receives every record as the bytes pass, as a map (column → String, or null for
     *     NULL) split with COPY's rules, for the store; or null when nothing is retained
     */
    Optional<CsvInput> open(TableName table, String step, Consumer<Map<String, Object>> rows);
}
