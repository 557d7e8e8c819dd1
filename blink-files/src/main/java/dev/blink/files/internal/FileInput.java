package dev.blink.files.internal;

import dev.blink.TableName;
import java.util.Map;
import java.util.function.Consumer;

/** What every input of a file that an inserter reads whole knows: its table and step, and where retained rows go. */
abstract class FileInput {

    final TableName table;
    final String step;
    /** Receives the rows the store retains, or null. */
    final Consumer<Map<String, Object>> rows;

    FileInput(TableName table, String step, Consumer<Map<String, Object>> rows) {
        this.table = table;
        this.step = step;
        this.rows = rows;
    }

    /** The target table. */
    public final TableName table() {
        return table;
    }
}
