package dev.blink;

import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Adapts other row sources to the {@link Iterable} a table returns.
 *
 * <pre>{@code
 * plan.addTable("events", store -> Rows.of(LongStream.rangeClosed(1, 10_000_000)
 *         .mapToObj(i -> Map.of("id", i, "kind", "click"))),
 *     TableOptions.retain(Retain.NONE));
 * }</pre>
 */
public final class Rows {

    private Rows() {
    }

    /**
     * A stream as rows: iterated once, lazily, and closed when the table is done (so a stream over
     * a file or a database cursor is released even when the seed fails).
     */
    public static <T> Iterable<T> of(Stream<T> stream) {
        return new StreamRows<>(Objects.requireNonNull(stream, "null stream"));
    }

    private static final class StreamRows<T> implements Iterable<T>, AutoCloseable {
        private final Stream<T> stream;
        private boolean iterated;

        StreamRows(Stream<T> stream) {
            this.stream = stream;
        }

        @Override
        public Iterator<T> iterator() {
            if (iterated) {
                throw new IllegalStateException("A stream's rows can be read only once");
            }
            iterated = true;
            return stream.iterator();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
