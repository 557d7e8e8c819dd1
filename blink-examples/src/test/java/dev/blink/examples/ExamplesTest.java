package dev.blink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blink.Blink;
import dev.blink.Cancellation;
import dev.blink.InsertOptions;
import dev.blink.SeedResult;
import dev.blink.StoppedException;
import dev.blink.spi.SeedListener;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every example runs against PostgreSQL and leaves the tables holding what it says. */
class ExamplesTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private TestDatabase db;

    @BeforeEach
    void freshTables() throws Exception {
        db = postgres.database();
        ExampleSchema.create(db.dataSource());
    }

    @Test
    void basicSeederWritesUsersAndTheirPosts() {
        SeedResult result = new BasicSeeder().call(db.dataSource());

        assertEquals(1_000, db.count("users"));
        assertEquals(5_000, db.count("posts"));
        assertEquals(5_000L, db.queryValue("SELECT count(*) FROM posts p JOIN users u ON u.id = p.user_id"));
        assertEquals(5L, db.queryValue("SELECT count(*) FROM posts WHERE user_id = 1000"));
        assertEquals("user7@example.com", db.queryValue("SELECT email FROM users WHERE id = 7"));
        assertEquals(6_000, result.rows());
    }

    @Test
    void recordsAndLambdasWriteTheSameAsTheSeeder() throws Exception {
        LambdaSeed.seed(db.dataSource());
        String users = db.checksumOf("SELECT id, name, email FROM users");
        String posts = db.checksumOf("SELECT id, title, user_id FROM posts");

        ExampleSchema.create(db.dataSource());
        new BasicSeeder().call(db.dataSource());

        assertEquals(users, db.checksumOf("SELECT id, name, email FROM users"));
        assertEquals(posts, db.checksumOf("SELECT id, title, user_id FROM posts"));
    }

    @Test
    void contextTimestampsAreSharedByBothTables() {
        ContextSeed.seed(db.dataSource());

        assertEquals(300, db.count("users"));
        assertEquals(30L, db.queryValue("SELECT count(DISTINCT inserted_at) FROM users"));
        assertEquals(0L, db.queryValue("SELECT count(*) FROM posts p JOIN users u ON u.id = p.user_id"
                + " WHERE p.inserted_at <> u.inserted_at"));
        assertEquals(1L, db.queryValue("SELECT count(DISTINCT updated_at) FROM posts"));
    }

    @Test
    void batchSizeExampleWritesEveryRow() {
        BatchSizeSeed.seed(db.dataSource());
        assertEquals(20_000, db.count("users"));
    }

    @Test
    void streamingExampleWritesEveryEventAndRetainsNone() {
        SeedResult result = StreamingSeed.seed(db.dataSource(), 50_000, SeedListener.NONE);

        assertEquals(50_000, db.count("events"));
        assertEquals(25_000L, db.queryValue("SELECT count(*) FROM events WHERE kind = 'view'"));
        assertEquals(0, result.store().tables().get("events").size());
    }

    @Test
    void cancellableSeedStopsWhenCancelledAndCommitsNothing() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Cancellation cancellation = Cancellation.create();
            Future<SeedResult> seed = CancellableSeed.start(db.dataSource(), executor, cancellation);
            awaitCopyInto("events");
            cancellation.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> seed.get(10, TimeUnit.SECONDS));
            StoppedException stopped = assertInstanceOf(StoppedException.class, e.getCause());
            assertEquals(StoppedException.Reason.CANCEL, stopped.reason());
            assertEquals(0L, db.count("events"));
        } finally {
            executor.shutdownNow();
        }
    }

    /** Waits until a COPY into {@code table} runs. */
    private void awaitCopyInto(String table) throws InterruptedException {
        for (int i = 0; i < 3_000; i++) {
            if (((Number) db.queryValue("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY \"" + table
                    + "\"%'")).longValue() > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the seed never started its COPY");
    }

    @Test
    void outerTransactionExampleSeesTheRowThenRollsItBack() throws Exception {
        assertEquals(1, OuterTransactionSeed.seedAndRollBack(db.dataSource()));
        assertEquals(0, db.count("users"));
    }

    @Test
    void dryRunInserterReadsEveryRowAndWritesNothing() {
        DryRunInserter dryRun = new DryRunInserter();
        new BasicSeederWith(InsertOptions.builder().inserter(dryRun).build()).run(db);

        assertEquals(Map.of("users", 1_000L, "posts", 5_000L), dryRun.rowsSeen());
        assertEquals(0, db.count("users"));
    }

    @Test
    void sequencesExampleLetsTheApplicationInsertAfterTheSeededIds() {
        db.execute("INSERT INTO tags (name) VALUES ('old one')");
        SequencesSeed.seed(db.dataSource());
        SequencesSeed.seed(db.dataSource()); // again: truncated first, so no duplicates

        assertEquals(100, db.count("tags"));
        assertEquals(101L, db.queryValue("INSERT INTO tags (name) VALUES ('new') RETURNING id"));
    }

    @Test
    void bulkLoadExampleRebuildsTheIndexAroundTheCopy() {
        Object index = db.queryValue("SELECT 'events_kind_at'::regclass::oid");
        Object definition = db.queryValue("SELECT pg_get_indexdef('events_kind_at'::regclass)");
        db.execute("INSERT INTO events VALUES (0, 'old', now())");

        BulkLoadSeed.seed(db.dataSource(), 10_000);

        assertEquals(10_000, db.count("events"));
        assertEquals(definition, db.queryValue("SELECT pg_get_indexdef('events_kind_at'::regclass)"));
        assertNotEquals(index, db.queryValue("SELECT 'events_kind_at'::regclass::oid"), "dropped and built again");
        assertEquals(3_333L, db.queryValue("SELECT count(*) FROM events WHERE kind = 'view'"));
    }

    @Test
    void classPathExampleLoadsACsvResourceThroughCopy() {
        SeedResult result = ClassPathSeed.seed(db.dataSource());

        assertEquals(3, result.rows());
        assertEquals("login, web", db.queryValue("SELECT kind FROM events WHERE id = 2"));
        assertEquals(1L, db.queryValue("SELECT count(*) FROM events WHERE at = '2024-01-01 10:30:00+00'"));
    }

    @Test
    void filesExampleLoadsTheCsvAndJsonFiles() throws Exception {
        FilesSeed.seed(db.dataSource(), FilesSeed.sampleFiles());

        assertEquals(8, db.count("users"));
        assertEquals("Hopper, Grace", db.queryValue("SELECT name FROM users WHERE id = 2"));
        assertEquals("Donald \"Don\" Knuth", db.queryValue("SELECT name FROM users WHERE id = 5"));
        assertEquals("Zoë Ærøskøbing", db.queryValue("SELECT name FROM users WHERE id = 8"));
        assertEquals(4, db.count("products"));
        assertEquals(new BigDecimal("49.90"), db.queryValue("SELECT price FROM products WHERE id = 1"));
        assertEquals("[\"input\", \"usb\"]", db.queryValue("SELECT tags::text FROM products WHERE id = 1"));
        assertEquals(1L, db.queryValue("SELECT count(*) FROM products WHERE stock IS NULL"));
    }

    @Test
    void upsertExampleUpdatesRowsThatAreAlreadyThere() {
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        UpsertSeed.seed(db.dataSource(), List.of(
                new UpsertSeed.Product(1, "Keyboard", new UpsertSeed.Money(new BigDecimal("49.90")), List.of("usb"), 3, at),
                new UpsertSeed.Product(2, "Mouse", new UpsertSeed.Money(new BigDecimal("19.99")), List.of(), null, at)));
        UpsertSeed.seed(db.dataSource(), List.of(
                new UpsertSeed.Product(2, "Mouse", new UpsertSeed.Money(new BigDecimal("17.50")), List.of(), 9, at),
                new UpsertSeed.Product(3, "Cable", new UpsertSeed.Money(new BigDecimal("4.50")), List.of(), 1, at)));

        assertEquals(3, db.count("products"));
        assertEquals(new BigDecimal("17.50"), db.queryValue("SELECT price FROM products WHERE id = 2"));
        assertEquals(9, db.queryValue("SELECT stock FROM products WHERE id = 2"));
        assertEquals(new BigDecimal("49.90"), db.queryValue("SELECT price FROM products WHERE id = 1"));
    }

    @Test
    void lowLevelCopyWritesArraysIntoOneTable() throws Exception {
        assertEquals(2, LowLevelCopy.copyEvents(db.dataSource()));
        assertEquals("view", db.queryValue("SELECT kind FROM events WHERE id = 2"));
    }

    /** The basic seeder's plan with other options. */
    private record BasicSeederWith(InsertOptions options) {
        void run(TestDatabase db) {
            BasicSeeder seeder = new BasicSeeder();
            Blink.plan(seeder).addTable("users").addTable("posts").insert(db.dataSource(), options);
        }
    }
}
