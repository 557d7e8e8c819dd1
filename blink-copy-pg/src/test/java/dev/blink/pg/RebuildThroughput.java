package dev.blink.pg;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Retain;
import dev.blink.Rows;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Not part of the suite (the name does not end in Test): prints the time of one seed into a table
 * with a primary key and three secondary indexes, by plain COPY, with FREEZE, and with FREEZE and
 * the index rebuild. Run with
 * {@code mvn -B -q -pl blink-copy-pg verify -Dtest=RebuildThroughput -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code target/surefire-reports/dev.blink.pg.RebuildThroughput-output.txt}.
 */
class RebuildThroughput {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    record User(long id, String email, String name, Instant at, int count) {
    }

    private static Iterable<User> users(long n) {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        return Rows.of(LongStream.range(0, n).mapToObj(i -> new User(i, "user" + (i * 7919 % n) + "@example.com",
                "Name " + (i * 104729 % n), start.plusSeconds(i * 31 % n), (int) (i % 1000))));
    }

    private static void run(TestDatabase db, String label, long n, PgCopyInserter.Builder inserter) {
        db.execute("""
                DROP TABLE IF EXISTS bench_rebuild;
                CREATE TABLE bench_rebuild (id bigint PRIMARY KEY, email text, name text, at timestamptz, count int);
                CREATE INDEX bench_rebuild_email ON bench_rebuild (email);
                CREATE INDEX bench_rebuild_name ON bench_rebuild (lower(name));
                CREATE INDEX bench_rebuild_at ON bench_rebuild (at, count);
                CHECKPOINT;
                """);
        SeedResult result = Blink.plan().addTable("bench_rebuild", store -> users(n), TableOptions.retain(Retain.NONE))
                .insert(db.dataSource(), InsertOptions.builder().inserter(inserter.truncate("bench_rebuild").build())
                        .build());
        System.out.printf("%s: %,d rows in %d ms%n", label, n, result.elapsed().toMillis());
    }

    @Test
    void printsSeedTimes() {
        TestDatabase db = postgres.database();
        long n = Long.getLong("rows", 1_000_000);
        run(db, "warm-up", n / 5, PgCopyInserter.builder());
        for (int round = 1; round <= 2; round++) {
            run(db, "plain COPY", n, PgCopyInserter.builder().copyFreeze(false));
            run(db, "COPY FREEZE", n, PgCopyInserter.builder());
            run(db, "COPY FREEZE + rebuild", n, PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.AUTOMATIC));
            run(db, "COPY + rebuild", n, PgCopyInserter.builder().copyFreeze(false)
                    .rebuildIndexes(PgIndexRebuild.AUTOMATIC));
        }
    }
}
