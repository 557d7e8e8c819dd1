package dev.blink.files;

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
import dev.blink.StoppedException;
import dev.blink.TableOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * A CSV or JSON file goes to the server whole, without Blink's row cursor: it must stop all the
 * same, on the statement timeout, a {@link Cancellation} and an interrupt, with nothing committed.
 * The files never end, so only a stop ends these seeds.
 */
class StoppingFilesTest extends DatabaseTest {

    @Override
    String schema() {
        return "DROP TABLE IF EXISTS users, events;"
                + " CREATE TABLE users (id bigint PRIMARY KEY, name text);"
                + " CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload text);";
    }

    /** An endless file: {@code first}, then {@code line(n)} for n = 1, 2, …; {@code produced} hears n. */
    private static InputStream endless(String first, LongFunction<String> line, AtomicLong produced) {
        return new InputStream() {
            private byte[] chunk = first.getBytes(StandardCharsets.UTF_8);
            private int at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (at == chunk.length) {
                    chunk = line.apply(produced.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                int n = Math.min(length, chunk.length - at);
                System.arraycopy(chunk, at, buffer, offset, n);
                at += n;
                return n;
            }
        };
    }

    private static Csv endlessCsv(AtomicLong produced) {
        return Csv.from(FileSource.stream("events.csv", () -> endless("id,kind,payload\n",
                n -> n + ",click,event " + n + "\n", produced)));
    }

    private static Json endlessJson(AtomicLong produced) {
        return Json.from(FileSource.stream("events.json", () -> endless("[{\"id\":0,\"kind\":\"start\",\"payload\":null}",
                n -> ",{\"id\":" + n + ",\"kind\":\"click\",\"payload\":\"event " + n + "\"}", produced)));
    }

    private static Plan seed(Object events) {
        Plan plan = Blink.plan().addTable("users", store -> List.of(Map.of("id", 1L, "name", "Ada")));
        return events instanceof Csv csv ? plan.addTable("events", csv, TableOptions.retain(Retain.NONE))
                : plan.addTable("events", (Json) events, TableOptions.retain(Retain.NONE));
    }

    @Test
    void anEndlessCsvFileWithAOneSecondTimeoutStopsWithinTwoSecondsAndCommitsNothing() {
        InsertOptions options = InsertOptions.builder().statementTimeout(Duration.ofSeconds(1)).build();
        StoppedException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(StoppedException.class,
                () -> seed(endlessCsv(new AtomicLong())).insert(db.dataSource(), options)));
        assertEquals(StoppedException.Reason.TIMEOUT, e.reason());
        assertEquals("events", e.location().table());
        assertEquals(0L, db.count("users"));
        assertEquals(0L, db.count("events"));
    }

    @Test
    void anEndlessJsonFileWithAOneSecondTimeoutStopsWithinTwoSecondsAndCommitsNothing() {
        InsertOptions options = InsertOptions.builder().statementTimeout(Duration.ofSeconds(1)).build();
        StoppedException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(StoppedException.class,
                () -> seed(endlessJson(new AtomicLong())).insert(db.dataSource(), options)));
        assertEquals(StoppedException.Reason.TIMEOUT, e.reason());
        assertEquals(0L, db.count("users"));
        assertEquals(0L, db.count("events"));
    }

    @Test
    void aCancellationStopsAnEndlessCsvFileWithinASecond() throws Exception {
        Cancellation cancellation = Cancellation.create();
        AtomicLong produced = new AtomicLong();
        Throwable outcome = stopWhileStreaming(seed(endlessCsv(produced)),
                InsertOptions.builder().cancellation(cancellation).build(), produced, thread -> cancellation.cancel());
        StoppedException e = assertInstanceOf(StoppedException.class, outcome);
        assertEquals(StoppedException.Reason.CANCEL, e.reason());
        assertEquals("events", e.location().table());
        assertEquals(0L, db.count("events"));
        assertEquals(0L, db.count("users"));
    }

    @Test
    void anInterruptStopsAnEndlessJsonFileWithinASecond() throws Exception {
        AtomicLong produced = new AtomicLong();
        Throwable outcome = stopWhileStreaming(seed(endlessJson(produced)), InsertOptions.defaults(), produced,
                Thread::interrupt);
        StoppedException e = assertInstanceOf(StoppedException.class, outcome);
        assertEquals(StoppedException.Reason.INTERRUPT, e.reason());
        assertEquals(0L, db.count("events"));
        assertEquals(0L, db.count("users"));
    }

    /** Runs the seed on its own thread, stops it with {@code stop} once 10,000 rows are out; what it threw. */
    private Throwable stopWhileStreaming(Plan plan, InsertOptions options, AtomicLong produced,
                                         Consumer<Thread> stop) throws InterruptedException {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread seeding = new Thread(() -> {
            try {
                plan.insert(db.dataSource(), options);
            } catch (Throwable t) {
                outcome.set(t);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        }, "seeding");
        seeding.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (produced.get() < 10_000 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(produced.get() >= 10_000, "the seed streams");
        stop.accept(seeding);
        seeding.join(1_000);
        assertFalse(seeding.isAlive(), "the seed stopped within a second");
        if (outcome.get() instanceof StoppedException e && e.reason() == StoppedException.Reason.INTERRUPT) {
            assertTrue(flagAfter.get(), "the interrupt flag is set again");
        }
        return outcome.get();
    }
}
