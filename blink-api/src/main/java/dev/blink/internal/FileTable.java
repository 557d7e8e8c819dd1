package dev.blink.internal;

import dev.blink.BlinkException;
import dev.blink.InsertOptions;
import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.TableName;
import dev.blink.spi.CsvInput;
import dev.blink.spi.CsvText;
import dev.blink.spi.InsertStats;
import dev.blink.spi.JsonInput;
import dev.blink.spi.JsonText;
import dev.blink.spi.Inserter;
import dev.blink.spi.RowOrigin;
import dev.blink.spi.TableInput;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A table whose rows are a file that the database can read itself ({@link CsvText},
 * {@link JsonText}): offered to the inserter whole, with the rows the store retains taken from the
 * same read as it passes. If the inserter declines, the table's rows are read as from any source,
 * and only the columns are used here: a table without rows still has its columns checked by the
 * inserter.
 */
final class FileTable {

    /** What was written and what the store keeps. */
    record Written(InsertStats stats, List<?> retained) {
    }

    private final Step.Table step;
    private final List<Object> retained;
    private final List<String> kept;
    private final CsvInput csv;
    private final JsonInput json;

    private FileTable(Step.Table step, CsvText csvText, JsonText jsonText, CancelToken token) {
        this.step = step;
        this.retained = step.options().retain().none() ? null : new ArrayList<>();
        this.kept = step.options().retain().columns();
        Consumer<Map<String, Object>> rows = retained == null ? null : this::retain;
        this.csv = csvText == null ? null : csvText.open(step.table(), step.name(), rows)
                .map(input -> StoppableFiles.csv(input, token)).orElse(null);
        this.json = jsonText == null ? null : jsonText.open(step.table(), step.name(), rows)
                .map(input -> StoppableFiles.json(input, token)).orElse(null);
    }

    /**
     * The file table of {@code rows}, if they are a file that the database can read itself; its
     * reads stop when {@code token} is cancelled or the thread interrupted.
     */
    static Optional<FileTable> of(Step.Table step, Iterable<?> rows, CancelToken token) {
        FileTable table = new FileTable(step, rows instanceof CsvText text ? text : null,
                rows instanceof JsonText text ? text : null, token);
        return table.csv == null && table.json == null ? Optional.empty() : Optional.of(table);
    }

    /**
     * The file's columns; empty for a file without them.
     *
     * @throws dev.blink.CallbackException if the file cannot be read
     */
    List<String> columns() {
        try {
            return csv != null ? csv.columns() : json.columns();
        } catch (BlinkException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TableCursor.readFailure(Location.of(step.name()), e);
        }
    }

    /**
     * Offers the table to {@code inserter} whole.
     *
     * @return what was written, or empty if the inserter declined
     */
    Optional<Written> insert(Connection connection, Inserter inserter, InsertOptions options) throws SQLException {
        List<String> columns = columns();
        for (String name : kept) {
            if (!columns.contains(name)) {
                throw new SeedException(Location.of(step.name()), "Retain.columns(" + kept + ") names \""
                        + name + "\", which is not a column of the file; its columns are " + columns, null);
            }
        }
        Optional<InsertStats> stats;
        try {
            stats = csv != null ? inserter.insertCsv(connection, csv, options) : inserter.insertJson(connection, json, options);
        } catch (BlinkException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TableCursor.readFailure(Location.of(step.name()), e);
        }
        if (stats.isEmpty()) {
            return Optional.empty();
        }
        // the store keeps every row of the file, written or skipped (as it keeps a List as given)
        long read = stats.get().rows() + stats.get().skipped();
        if (retained != null && retained.size() != read) {
            throw new SeedException(Location.of(step.name()), "the database read " + read + " rows from the file ("
                    + stats.get().rows() + " written, " + stats.get().skipped() + " skipped) but Blink read "
                    + retained.size() + " rows from it for the store, so the store would not hold what was written; "
                    + "please report this, with the file", null);
        }
        return Optional.of(new Written(stats.get(), retained == null ? List.of() : Collections.unmodifiableList(retained)));
    }

    private void retain(Map<String, Object> row) {
        if (kept.isEmpty()) {
            retained.add(row);
            return;
        }
        Map<String, Object> projected = new LinkedHashMap<>(kept.size() * 2);
        for (String name : kept) {
            projected.put(name, row.get(name));
        }
        retained.add(Collections.unmodifiableMap(projected));
    }

    void close() {
        if (csv != null) {
            csv.close();
        } else {
            json.close();
        }
    }

    /** A table without rows whose columns are known: the inserter checks them and writes nothing. */
    static TableInput empty(String step, TableName table, List<String> columns) {
        return new NoRows(step, table, List.copyOf(columns));
    }

    /** The input of {@link #empty}. */
    private record NoRows(String step, TableName table, List<String> columns) implements TableInput {

        @Override
        public Set<String> constantColumns() {
            return Set.of();
        }

        @Override
        public boolean next(Object[] values) {
            return false;
        }

        @Override
        public long rowNumber() {
            return 0;
        }

        @Override
        public Optional<RowOrigin> origin() {
            return Optional.empty();
        }

        @Override
        public Location location() {
            return Location.of(step);
        }
    }
}
