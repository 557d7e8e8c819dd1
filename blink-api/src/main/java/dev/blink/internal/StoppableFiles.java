package dev.blink.internal;

import dev.blink.Location;
import dev.blink.TableName;
import dev.blink.spi.CsvDialect;
import dev.blink.spi.CsvInput;
import dev.blink.spi.JsonInput;
import java.io.IOException;
import java.util.List;

/**
 * A file handed whole to the inserter, which reads it without the row cursor that checks for a
 * stop: these inputs check the seed's cancellation and its thread's interrupt before every chunk
 * of CSV text and every JSON object, as the cursor does before every row.
 */
final class StoppableFiles {

    private StoppableFiles() {
    }

    static CsvInput csv(CsvInput input, CancelToken token) {
        return new Csv(input, token);
    }

    static JsonInput json(JsonInput input, CancelToken token) {
        return new Json(input, token);
    }

    private record Csv(CsvInput input, CancelToken token) implements CsvInput {

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (Stops.asked(token)) {
                throw Stops.now(token, input.location(0));
            }
            return input.read(buffer, offset, length);
        }

        @Override
        public TableName table() {
            return input.table();
        }

        @Override
        public List<String> columns() {
            return input.columns();
        }

        @Override
        public CsvDialect dialect() {
            return input.dialect();
        }

        @Override
        public Location location(long copyLine) {
            return input.location(copyLine);
        }

        @Override
        public void close() {
            input.close();
        }
    }

    private record Json(JsonInput input, CancelToken token) implements JsonInput {

        @Override
        public boolean next() {
            if (Stops.asked(token)) { // the location only then: this runs for every object
                throw Stops.now(token, input.location(input.rowNumber() + 1, input.line()));
            }
            return input.next();
        }

        @Override
        public TableName table() {
            return input.table();
        }

        @Override
        public List<String> columns() {
            return input.columns();
        }

        @Override
        public String text() {
            return input.text();
        }

        @Override
        public long rowNumber() {
            return input.rowNumber();
        }

        @Override
        public long line() {
            return input.line();
        }

        @Override
        public Location location(long row, long line) {
            return input.location(row, line);
        }

        @Override
        public void close() {
            input.close();
        }
    }
}
