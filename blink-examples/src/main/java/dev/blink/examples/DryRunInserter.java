package dev.blink.examples;

import dev.blink.InsertOptions;
import dev.blink.spi.InsertStats;
import dev.blink.spi.Inserter;
import dev.blink.spi.TableInput;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A custom {@link Inserter}: reads and maps every row, as a real seed would, but writes nothing.
 * Useful to check a seeder's data (row shapes, retained tables, callbacks) without a database
 * round trip per table.
 */
// tag::custom-inserter[]
public final class DryRunInserter implements Inserter {

    private final Map<String, Long> rowsSeen = new ConcurrentHashMap<>();

    @Override
    public InsertStats insert(Connection connection, TableInput input, InsertOptions options) {
        Object[] values = new Object[input.columns().size()];
        while (input.next(values)) {
            // a real inserter encodes and sends values here
        }
        rowsSeen.merge(input.table().toString(), input.rowNumber(), Long::sum);
        return InsertStats.written(input.rowNumber(), 0);
    }

    /** Rows read per table so far. */
    public Map<String, Long> rowsSeen() {
        return Map.copyOf(rowsSeen);
    }
}
// end::custom-inserter[]
