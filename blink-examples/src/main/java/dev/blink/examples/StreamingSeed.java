package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Retain;
import dev.blink.Rows;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.spi.SeedListener;
import java.time.Instant;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * Millions of rows with bounded memory: a lazy stream through a table that retains nothing (the
 * Elixir library's known limitation, gone).
 */
public final class StreamingSeed {

    private StreamingSeed() {
    }

    static SeedResult seed(DataSource dataSource, long events, SeedListener progress) {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        // tag::streaming[]
        return Blink.plan()
                .addTable("events", store -> Rows.of(LongStream.rangeClosed(1, events)
                                .mapToObj(i -> Map.of("id", i, "kind", i % 2 == 0 ? "view" : "click",
                                        "at", start.plusSeconds(i)))),
                        TableOptions.retain(Retain.NONE))
                .insert(dataSource, InsertOptions.builder().listener(progress).build());
        // end::streaming[]
    }
}
