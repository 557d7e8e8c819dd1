package dev.blink.files.internal;

import dev.blink.TableName;
import dev.blink.files.FileRowIterator;
import dev.blink.spi.CsvInput;
import dev.blink.spi.CsvText;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rows of a CSV file without a transform, as a table's source returns them: CSV text that an
 * inserter may hand to the database whole, or rows read one by one.
 */
public final class CsvTextRows implements CsvText, Iterable<Map<String, Object>> {

    private final CsvSettings settings;

    public CsvTextRows(CsvSettings settings) {
        this.settings = settings;
    }

    @Override
    public CsvInput open(TableName table, String step, Consumer<Map<String, Object>> rows) {
        return new CsvCopyInput(settings, table, step, rows);
    }

    @Override
    public FileRowIterator iterator() {
        return CsvRowIterator.open(settings, Transforms.identity());
    }

    @Override
    public String toString() {
        return "Csv[" + settings + "]";
    }
}
