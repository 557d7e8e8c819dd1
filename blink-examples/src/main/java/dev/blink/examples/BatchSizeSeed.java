package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.SeedResult;
import java.time.Instant;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/** A larger batch size for a larger table. */
public final class BatchSizeSeed {

    private BatchSizeSeed() {
    }

    record User(long id, String name, String email, Instant insertedAt, Instant updatedAt) {
    }

    static SeedResult seed(DataSource dataSource) {
        Instant now = Instant.now();
        // tag::batch-size[]
        return Blink.plan()
                .addTable("users", store -> LongStream.rangeClosed(1, 20_000)
                        .mapToObj(i -> new User(i, "User " + i, "user" + i + "@example.com", now, now))
                        .toList())
                .insert(dataSource, InsertOptions.builder().batchSize(5_000).build()); // default: 900
        // end::batch-size[]
    }
}
