package dev.blink.files.internal;

import dev.blink.Location;
import dev.blink.TableName;
import dev.blink.spi.JsonInput;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One read of a JSON file as the objects' text that goes to the database, each exactly as it
 * stands in the file, with the rows for the store (as a transform would see them) on the way.
 */
public final class JsonCopyInput extends FileInput implements JsonInput {

    private final JsonSettings settings;

    private JsonRowIterator objects;
    private List<String> columns;
    /** The first object, read for its keys and not yet handed on. */
    private Map<String, Object> first;

    /** Prepares a read of the JSON objects; the first one is read when the keys are asked for. */
    public JsonCopyInput(JsonSettings settings, TableName table, String step, Consumer<Map<String, Object>> rows) {
        super(table, step, rows);
        this.settings = settings;
    }

    @Override
    public List<String> columns() {
        if (columns == null) {
            objects = JsonRowIterator.open(settings, Transforms.identity());
            if (objects.hasNext()) {
                first = objects.next();
                columns = objects.keys();
            } else {
                columns = List.of();
            }
        }
        return columns;
    }

    @Override
    public boolean next() {
        columns();
        Map<String, Object> row;
        if (first != null) {
            row = first;
            first = null;
        } else if (objects.hasNext()) {
            row = objects.next();
        } else {
            return false;
        }
        if (rows != null) {
            rows.accept(row);
        }
        return true;
    }

    @Override
    public String text() {
        return objects.text();
    }

    @Override
    public long rowNumber() {
        return objects.recordNumber();
    }

    @Override
    public long line() {
        return objects.line();
    }

    @Override
    public Location location(long row, long line) {
        return Location.of(step).row(row).file(settings.source().name(), line);
    }

    @Override
    public void close() {
        if (objects != null) {
            objects.close();
        }
    }
}
