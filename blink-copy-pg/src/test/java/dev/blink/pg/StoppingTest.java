package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.Cancellation;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.Retain;
import dev.blink.Rows;
import dev.blink.SeedException;
import dev.blink.StoppedException;
import dev.blink.TableOptions;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A running seed can always be stopped: by its statement timeout (measured on the client, so an
 * endless source stops too), by an interrupt of its thread, by a {@link Cancellation} (which also
 * reaches a seed waiting on the database), and by the server failing the COPY early. Every stop
 * rolls back, and the database holds what it held before.
 */
@Tag("versions")
class StoppingTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS users, events;
                CREATE TABLE users (id bigint PRIMARY KEY, name text);
                CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload text);
                """);
    }

    /** An endless stream of events; {@code atRow} hears each row number as it is produced. */
    private static Iterable<Map<String, Object>> endless(AtomicLong produced, LongConsumer atRow) {
        return Rows.of(Stream.iterate(1L, i -> i + 1).map(i -> {
            produced.set(i);
            atRow.accept(i);
            Map<String, Object> row = new HashMap<>(4);
            row.put("id", i);
            row.put("kind", "click");
            row.put("payload", "event " + i);
            return row;
        }));
    }

    private Plan seedOfEvents(AtomicLong produced, LongConsumer atRow) {
        return Blink.plan()
                .addTable("users", store -> List.of(Map.of("id", 1L, "name", "Ada")))
                .addTable("events", store -> endless(produced, atRow), TableOptions.retain(Retain.NONE));
    }

    @Test
    void anEndlessStreamWithAOneSecondTimeoutStopsWithinTwoSecondsAndCommitsNothing() {
        AtomicLong produced = new AtomicLong();
        InsertOptions options = InsertOptions.builder().statementTimeout(Duration.ofSeconds(1)).build();
        StoppedException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(StoppedException.class,
                () -> seedOfEvents(produced, i -> { }).insert(db.dataSource(), options)));
        assertEquals(StoppedException.Reason.TIMEOUT, e.reason());
        assertEquals("events", e.location().table());
        assertTrue(e.location().rowNumber() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("timed out after 1 s (InsertOptions.statementTimeout)"), e.getMessage());
        assertEquals(0L, db.count("users"));
        assertEquals(0L, db.count("events"));
    }

    @Test
    void anInterruptStopsASeedWithinASecondAndSetsTheFlagAgain() throws Exception {
        AtomicLong produced = new AtomicLong();
        CountDownLatch streaming = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread seeding = new Thread(() -> {
            try {
                seedOfEvents(produced, i -> {
                    if (i == 10_000) {
                        streaming.countDown();
                    }
                }).insert(db.dataSource());
            } catch (Throwable t) {
                outcome.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        }, "seeding");
        seeding.start();
        assertTrue(streaming.await(30, TimeUnit.SECONDS), "the seed streams");
        seeding.interrupt();
        seeding.join(1_000);
        assertFalse(seeding.isAlive(), "the seed stopped within a second of the interrupt");

        StoppedException e = assertInstanceOf(StoppedException.class, outcome.get());
        assertEquals(StoppedException.Reason.INTERRUPT, e.reason());
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(flagAfter.get(), "the interrupt flag is set again");
        assertEquals(0L, db.count("users"));
        assertEquals(0L, db.count("events"));
    }

    @Test
    void aCancellationStopsAStreamingSeedFromAnotherThread() throws Exception {
        AtomicLong produced = new AtomicLong();
        Cancellation cancellation = Cancellation.create();
        CountDownLatch streaming = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread seeding = new Thread(() -> {
            try {
                seedOfEvents(produced, i -> {
                    if (i == 10_000) {
                        streaming.countDown();
                    }
                }).insert(db.dataSource(), InsertOptions.builder().cancellation(cancellation).build());
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "seeding");
        seeding.start();
        assertTrue(streaming.await(30, TimeUnit.SECONDS), "the seed streams");
        cancellation.cancel();
        seeding.join(1_000);
        assertFalse(seeding.isAlive(), "the seed stopped within a second of the cancellation");

        StoppedException e = assertInstanceOf(StoppedException.class, outcome.get());
        assertEquals(StoppedException.Reason.CANCEL, e.reason());
        assertEquals("events", e.location().table());
        assertEquals(0L, db.count("events"));
        assertEquals(0L, db.count("users"));
    }

    @Test
    void aCancellationReachesASeedWaitingOnALock() throws Exception {
        Cancellation cancellation = Cancellation.create();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            }
            Thread seeding = new Thread(() -> {
                try {
                    Blink.plan().addTable("users", store -> List.of(Map.of("id", 1L, "name", "Ada")))
                            .insert(db.dataSource(), InsertOptions.builder().cancellation(cancellation).build());
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "seeding");
            seeding.start();
            awaitLockWait();
            seeding.interrupt(); // an interrupt does not reach a thread that waits on the database
            seeding.join(200);
            assertTrue(seeding.isAlive(), "still waiting on the lock");
            cancellation.cancel();
            seeding.join(5_000);
            assertFalse(seeding.isAlive(), "the cancel request reached the statement waiting on the lock");
            holder.rollback();
        }
        StoppedException e = assertInstanceOf(StoppedException.class, outcome.get());
        assertEquals(StoppedException.Reason.CANCEL, e.reason());
        assertEquals("57014", e.sqlState().orElseThrow());
        assertEquals(0L, db.count("users"));
    }

    /** Waits until a statement waits for a lock on users. */
    private void awaitLockWait() throws InterruptedException {
        for (int i = 0; i < 3_000; i++) {
            if (((Number) db.queryValue("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'users'::regclass"))
                    .longValue() > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the seed never waited for the lock");
    }

    @Test
    void aCancelledCancellationStopsASeedBeforeItsFirstStep() {
        Cancellation cancellation = Cancellation.create();
        cancellation.cancel();
        StoppedException e = assertThrows(StoppedException.class, () -> Blink.plan()
                .addTable("users", store -> {
                    throw new AssertionError("never called");
                })
                .insert(db.dataSource(), InsertOptions.builder().cancellation(cancellation).build()));
        assertEquals(StoppedException.Reason.CANCEL, e.reason());
        assertTrue(cancellation.isCancelled());
    }

    @Test
    void aBadEarlyRowIsReportedWhileAnEndlessSourceIsStillStreaming() {
        AtomicLong produced = new AtomicLong();
        SeedException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(SeedException.class,
                () -> Blink.plan().addTable("events", store -> Rows.of(Stream.iterate(1L, i -> i + 1).map(i -> {
                    produced.set(i);
                    Map<String, Object> row = new HashMap<>(4);
                    row.put("id", i);
                    row.put("kind", i == 10 ? null : "click");
                    row.put("payload", "event " + i);
                    return row;
                })), TableOptions.retain(Retain.NONE)).insert(db.dataSource())));
        assertEquals(10, e.location().rowNumber());
        assertEquals("kind", e.location().columnName().orElseThrow());
        assertEquals("23502", e.sqlState().orElseThrow());
        // the server's error is read between chunks: the source is not read much further than the bad row
        assertTrue(produced.get() < 1_000_000, "rows read before the error was noticed: " + produced.get());
        assertEquals(0L, db.count("events"));
    }

    @Test
    void theServersOwnTimeoutStopsASeedThatTheServerHoldsUp() {
        db.execute("""
                CREATE TABLE slow (id int);
                CREATE FUNCTION slow_down() RETURNS trigger LANGUAGE plpgsql AS
                  'BEGIN PERFORM pg_sleep(0.05); RETURN NEW; END';
                CREATE TRIGGER slow_rows BEFORE INSERT ON slow FOR EACH ROW EXECUTE FUNCTION slow_down();
                """);
        StoppedException e = assertThrows(StoppedException.class, () -> Blink.plan()
                .addTable("slow", store -> List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3), Map.of("id", 4)))
                .insert(db.dataSource(), InsertOptions.builder().statementTimeout(Duration.ofMillis(100)).build()));
        assertEquals(StoppedException.Reason.TIMEOUT, e.reason());
        assertEquals("57014", e.sqlState().orElseThrow());
        assertTrue(e.getMessage().contains("timed out after 0.1 s"), e.getMessage());
        assertEquals(0L, db.count("slow"));
    }
}
