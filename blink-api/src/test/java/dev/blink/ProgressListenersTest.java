package dev.blink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.internal.ConsoleProgress;
import dev.blink.internal.LoggedProgress;
import dev.blink.spi.SeedListener;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ready listeners' output, captured; a fake clock makes it exact (nothing here is timed). */
class ProgressListenersTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private final AtomicLong nanos = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void after(double seconds) {
        nanos.addAndGet((long) (seconds * 1e9));
    }

    /** Feeds a listener what a seed of a 100,000-row list and a 250,000-row stream tells it. */
    private void seed(SeedListener listener) {
        listener.tableStarted("users");
        listener.tableSized("users", 100_000);
        after(0.5);
        listener.tableProgress("users", 40_000);
        after(0.5);
        listener.tableProgress("users", 80_000);
        after(0.25);
        listener.tableFinished(new TableResult("users", 100_000, 0, 0, Duration.ofMillis(1_250)));
        listener.tableStarted("events");
        after(2);
        listener.tableProgress("events", 200_000);
        after(0.5);
        listener.tableFinished(new TableResult("events", 250_000, 0, 0, Duration.ofMillis(2_500)));
    }

    @Test
    void plainLinesWhenNotOnATerminal() {
        seed(new ConsoleProgress(out, false, nanos::get));
        assertEquals("""
                users                      40,000 / 100,000 rows [########------------]  40%  80,000 rows/s  0.5 s  ETA 0.8 s
                users                      80,000 / 100,000 rows [################----]  80%  80,000 rows/s  1.0 s  ETA 0.3 s
                users                     100,000 rows in 1.3 s, 80,000 rows/s
                events                    200,000 rows  100,000 rows/s  2.0 s
                events                    250,000 rows in 2.5 s, 100,000 rows/s
                """, output());
    }

    @Test
    void oneLinePerTableRedrawnInPlaceOnATerminal() {
        seed(new ConsoleProgress(out, true, nanos::get));
        String[] lines = output().split("\n", -1);
        assertEquals(3, lines.length, output()); // two tables' lines and the empty rest
        assertTrue(lines[0].startsWith("\rusers                      40,000 / 100,000 rows [########"), lines[0]);
        assertTrue(lines[0].contains("\rusers                      80,000 / 100,000 rows [################----]"), lines[0]);
        // the finished line is shorter: blanks cover the rest of the bar line
        String bar = "users                      80,000 / 100,000 rows [################----]  80%  80,000 rows/s  1.0 s"
                + "  ETA 0.3 s";
        String done = "users                     100,000 rows in 1.3 s, 80,000 rows/s";
        assertTrue(lines[0].endsWith("\r" + done + " ".repeat(bar.length() - done.length())), "[" + lines[0] + "]");
        assertTrue(lines[1].startsWith("\revents                    200,000 rows  100,000 rows/s  2.0 s"), lines[1]);
        assertEquals("", lines[2]);
    }

    @Test
    void logsAtInfoThroughSystemLogger() {
        RecordingLogger logger = new RecordingLogger();
        seed(new LoggedProgress(logger, nanos::get));
        assertEquals(List.of(
                "DEBUG table users started",
                "INFO users 40,000 / 100,000 rows 40% 80,000 rows/s 0.5 s ETA 0.8 s",
                "INFO users 80,000 / 100,000 rows 80% 80,000 rows/s 1.0 s ETA 0.3 s",
                "INFO users 100,000 rows in 1.3 s, 80,000 rows/s",
                "DEBUG table events started",
                "INFO events 200,000 rows 100,000 rows/s 2.0 s",
                "INFO events 250,000 rows in 2.5 s, 100,000 rows/s"), logger.records);
    }

    @Test
    void namesTheRowsSkippedWhenThereAreAny() {
        RecordingLogger logger = new RecordingLogger();
        SeedListener logged = new LoggedProgress(logger, nanos::get);
        SeedListener console = new ConsoleProgress(out, false, nanos::get);
        for (SeedListener listener : List.of(logged, console)) {
            listener.tableStarted("users");
            listener.tableFinished(new TableResult("users", 6_000, 4_000, 0, Duration.ofMillis(1_000)));
        }
        assertEquals("INFO users 6,000 rows in 1.0 s, 6,000 rows/s, 4,000 skipped", logger.records.get(1));
        assertEquals("users                       6,000 rows in 1.0 s, 6,000 rows/s, 4,000 skipped\n", output());
    }

    @Test
    void aRealSeedReportsEveryTableWithItsSizeWhenKnown() {
        TestDatabase db = postgres.database();
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, name text); CREATE TABLE events (id bigint)");
        Blink.plan()
                .addTable("users", store -> LongStream.rangeClosed(1, 2_500).mapToObj(i -> Map.of("id", i, "name", "u" + i))
                        .toList())
                .addTable("events", store -> Rows.of(LongStream.rangeClosed(1, 1_000).mapToObj(i -> Map.of("id", i))))
                .insert(db.dataSource(), InsertOptions.builder().inserter(JdbcBatchInserter.create())
                        .listener(SeedListener.console(out, false)).progressInterval(1_000).build());
        List<String> lines = output().lines().map(line -> line.replaceAll(" {2,}", " ")).toList();
        assertEquals(5, lines.size(), output());
        assertTrue(lines.get(0).startsWith("users 1,000 / 2,500 rows [########------------] 40% "), lines.get(0));
        assertTrue(lines.get(1).startsWith("users 2,000 / 2,500 rows [################----] 80% "), lines.get(1));
        assertTrue(lines.get(2).startsWith("users 2,500 rows in "), lines.get(2));
        assertTrue(lines.get(3).startsWith("events 1,000 rows "), lines.get(3)); // a stream: no size, no bar
        assertTrue(lines.get(4).startsWith("events 1,000 rows in "), lines.get(4));
    }

    /** A System.Logger that keeps what it is given, as "LEVEL message". */
    private static final class RecordingLogger implements System.Logger {
        final List<String> records = new ArrayList<>();

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            records.add(level + " " + message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            records.add(level + " " + format);
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            records.add(level + " " + message.get());
        }
    }
}
