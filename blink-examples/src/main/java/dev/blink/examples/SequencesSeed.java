package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.SeedResult;
import dev.blink.pg.PgCopyInserter;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * Rows with explicit ids in a table whose ids the database generates: truncate first, and move the
 * id sequence past the seeded ids afterwards, so the application's next insert does not collide.
 */
public final class SequencesSeed {

    private SequencesSeed() {
    }

    static SeedResult seed(DataSource dataSource) {
        // tag::sequences[]
        PgCopyInserter inserter = PgCopyInserter.builder()
                .truncate("tags")       // TRUNCATE tags RESTART IDENTITY, in the seed's transaction
                .resetSequences(true)   // afterwards: the identity sequence continues after max(id)
                .build();

        return Blink.plan()
                .addTable("tags", store -> LongStream.rangeClosed(1, 100)
                        .mapToObj(i -> Map.of("id", i, "name", "tag-" + i))
                        .toList())
                .insert(dataSource, InsertOptions.builder().inserter(inserter).build());
        // end::sequences[]
    }
}
