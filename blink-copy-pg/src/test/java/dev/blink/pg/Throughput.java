package dev.blink.pg;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.JdbcBatchInserter;
import dev.blink.Retain;
import dev.blink.Rows;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Not part of the suite (the name does not end in Test): prints rows per second of binary COPY and
 * of JDBC batches for the same rows. Run with
 * {@code mvn -B -q -pl blink-copy-pg verify -Dtest=Throughput -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code target/surefire-reports/dev.blink.pg.Throughput-output.txt}.
 */
class Throughput {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    record Event(long id, String name, Instant at, int count, BigDecimal amount) {
    }

    private static Iterable<Event> events(long n) {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        return Rows.of(LongStream.range(0, n).mapToObj(i -> new Event(i, "event number " + i, start.plusSeconds(i),
                (int) (i % 1000), BigDecimal.valueOf(i, 2))));
    }

    private static void run(TestDatabase db, String label, long n, InsertOptions options) {
        db.execute("DROP TABLE IF EXISTS event; CREATE UNLOGGED TABLE event (id bigint, name text, at timestamptz,"
                + " count int, amount numeric(12,2))");
        SeedResult result = Blink.plan().addTable("event", store -> events(n), TableOptions.retain(Retain.NONE))
                .insert(db.dataSource(), options);
        System.out.printf("%s: %,d rows in %d ms = %,.0f rows/s, %,d bytes%n", label, n,
                result.elapsed().toMillis(), n * 1e9 / result.elapsed().toNanos(), result.bytes());
    }

    @Test
    void printsRowsPerSecond() {
        TestDatabase db = postgres.database();
        run(db, "warm-up COPY", 200_000, InsertOptions.defaults());
        run(db, "binary COPY", 1_000_000, InsertOptions.defaults());
        run(db, "JDBC batches", 100_000, InsertOptions.builder().inserter(JdbcBatchInserter.create()).build());
    }
}
