package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.SeedResult;
import dev.blink.pg.PgCopyInserter;
import dev.blink.pg.PgEncoder;
import dev.blink.pg.PgOnConflict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Re-running a seed over existing data: rows whose key is already there are updated, through a
 * staging table and {@code INSERT … ON CONFLICT}; a value class gets its own encoder.
 */
public final class UpsertSeed {

    private UpsertSeed() {
    }

    /** A price as the application models it. */
    record Money(BigDecimal amount) {
    }

    record Product(long id, String name, Money price, List<String> tags, Integer stock, Instant insertedAt) {
    }

    static SeedResult seed(DataSource dataSource, List<Product> products) {
        // tag::upsert[]
        PgCopyInserter inserter = PgCopyInserter.builder()
                .onConflict("products", PgOnConflict.doUpdate("id"))   // upsert on the key "id"
                .encoder(PgEncoder.converting("numeric", Money.class, Money::amount))
                .build();

        return Blink.plan()
                .addTable("products", store -> products)
                .insert(dataSource, InsertOptions.builder()
                        .inserter(inserter)
                        .statementTimeout(Duration.ofMinutes(5))
                        .build());
        // end::upsert[]
    }
}
