package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.Cancellation;
import dev.blink.InsertOptions;
import dev.blink.Retain;
import dev.blink.Rows;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A seed that can be stopped: a statement timeout, and a cancellation that another thread calls.
 * The stream of events never ends; only the cancellation stops it.
 */
public final class CancellableSeed {

    private CancellableSeed() {
    }

    /** Starts an endless seed on {@code executor}; cancelling {@code cancellation} stops it. */
    static Future<SeedResult> start(DataSource dataSource, ExecutorService executor, Cancellation cancellation) {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        // tag::cancellation[]
        InsertOptions options = InsertOptions.builder()
                .statementTimeout(Duration.ofMinutes(10)) // each table's COPY, measured by the server and by Blink
                .cancellation(cancellation)               // cancellation.cancel() from any thread stops the seed
                .build();
        return executor.submit(() -> Blink.plan()
                .addTable("events", store -> Rows.of(Stream.iterate(1L, i -> i + 1)
                                .map(i -> Map.of("id", i, "kind", "click", "at", start.plusSeconds(i)))),
                        TableOptions.retain(Retain.NONE))
                .insert(dataSource, options));
        // end::cancellation[]
    }
}
