package dev.blink.files.internal;

import dev.blink.TableName;
import dev.blink.files.FileRowIterator;
import dev.blink.spi.JsonInput;
import dev.blink.spi.JsonText;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rows of a JSON file without a transform, as a table's source returns them: JSON objects
 * that an inserter may hand to the database whole, or rows read one by one.
 */
public final class JsonTextRows implements JsonText, Iterable<Map<String, Object>> {

    private final JsonSettings settings;

    public JsonTextRows(JsonSettings settings) {
        this.settings = settings;
    }

    @Override
    public JsonInput open(TableName table, String step, Consumer<Map<String, Object>> rows) {
        return new JsonCopyInput(settings, table, step, rows);
    }

    @Override
    public FileRowIterator iterator() {
        return JsonRowIterator.open(settings, Transforms.identity());
    }

    @Override
    public String toString() {
        return "Json[" + settings + "]";
    }
}
