package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Retain;
import dev.blink.Rows;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.pg.PgCopyInserter;
import dev.blink.pg.PgIndexRebuild;
import java.time.Instant;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * A large table loaded from empty: truncated by the inserter (so its COPY adds FREEZE), its
 * secondary index dropped before the COPY and built once after it.
 */
public final class BulkLoadSeed {

    private BulkLoadSeed() {
    }

    static SeedResult seed(DataSource dataSource, long events) {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        // tag::bulk-load[]
        PgCopyInserter inserter = PgCopyInserter.builder()
                .truncate("events")                        // emptied in the seed's transaction: COPY … FREEZE
                .rebuildIndexes(PgIndexRebuild.AUTOMATIC)  // empty at its step: indexes built once, after the COPY
                .build();

        return Blink.plan()
                .addTable("events", store -> Rows.of(LongStream.rangeClosed(1, events)
                                .mapToObj(i -> Map.of("id", i, "kind", i % 3 == 0 ? "view" : "click",
                                        "at", start.plusSeconds(i)))),
                        TableOptions.retain(Retain.NONE))
                .insert(dataSource, InsertOptions.builder().inserter(inserter).build());
        // end::bulk-load[]
    }
}
