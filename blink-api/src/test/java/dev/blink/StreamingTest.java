package dev.blink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stream of a million rows passes through a table that retains nothing with a constant, small
 * heap: the seed runs in a forked JVM limited to 64 MiB, which could not hold the rows.
 */
class StreamingTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    static final long ROWS = 1_000_000;

    @Test
    void streamsAMillionRowsThroughASmallHeap() throws Exception {
        TestDatabase db = postgres.database();
        db.execute("CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload text)");
        db.runJava("64m", StreamingMain.class, 5);

        assertEquals(ROWS, db.count("events"));
        assertEquals(ROWS * (ROWS + 1) / 2, ((Number) db.queryValue("SELECT sum(id) FROM events")).longValue());
        assertEquals(ROWS / 3, db.queryValue("SELECT count(*) FROM events WHERE payload IS NULL"));
    }

    /** The seed that runs in the forked JVM. */
    public static final class StreamingMain {
        public static void main(String[] args) {
            String url = args[0] + (args[0].contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setURL(url);
            dataSource.setUser(args[1]);
            dataSource.setPassword(args.length > 2 ? args[2] : "");
            // Each row carries a 100-character payload, so a million retained rows would need far more than 64 MiB.
            String payload = "x".repeat(100);
            SeedResult result = Blink.plan()
                    .addTable("events", store -> Rows.of(LongStream.rangeClosed(1, ROWS).mapToObj(i -> {
                        Map<String, Object> row = new HashMap<>(4);
                        row.put("id", i);
                        row.put("kind", "click");
                        row.put("payload", i % 3 == 0 ? null : payload);
                        return row;
                    })), TableOptions.retain(Retain.NONE))
                    .insert(dataSource, InsertOptions.builder().inserter(JdbcBatchInserter.create()).build());
            if (result.rows() != ROWS || !result.store().tables().get("events").equals(List.of())) {
                throw new AssertionError("unexpected result " + result);
            }
        }
    }
}
