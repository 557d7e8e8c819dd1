package dev.blink.bench;

import de.bytefish.pgbulkinsert.PgBulkInsert;
import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Retain;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.files.Csv;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.postgresql.PGConnection;

/**
 * Client CPU of each Java encoder path: the whole client path (mapping, encoding, buffering) of a
 * binary COPY whose bytes go to a null sink ({@link NullSink}), so nothing is on the wire and the
 * server does no work. Besides the JMH score (wall time per operation, single-threaded), the
 * benchmark thread's CPU time per operation is written to a side file that the report reads.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
public class EncodeBenchmark {

    /** Blink, rows as maps, encoded to the null sink. */
    @Benchmark
    public SeedResult blinkMaps(Sink sink, Fixtures.MapRows rows) {
        return Blink.plan()
                .addTable(sink.load.benchTable.tableName(), store -> rows.maps, TableOptions.retain(Retain.NONE))
                .insert(sink.connection, InsertOptions.defaults());
    }

    /** Blink, rows as records, encoded to the null sink. */
    @Benchmark
    public SeedResult blinkRecords(Sink sink) {
        return Blink.plan()
                .addTable(sink.load.benchTable.tableName(), store -> sink.load.records, TableOptions.retain(Retain.NONE))
                .insert(sink.connection, InsertOptions.defaults());
    }

    /** blink-jpa, entities mapped by Hibernate's model and encoded to the null sink. */
    @Benchmark
    public SeedResult blinkJpa(Sink sink, Fixtures.EntityRows rows) {
        return LoadBenchmark.insertEntities(rows, rows.entityClass, sink.connection);
    }

    /** Blink, rows parsed from the CSV file (blink-files) and encoded to the null sink. */
    @Benchmark
    public SeedResult blinkCsv(Sink sink, Fixtures.CsvFile csv) {
        return Blink.plan()
                .addTable(sink.load.benchTable.tableName(), Csv.from(csv.file), TableOptions.retain(Retain.NONE))
                .insert(sink.connection, InsertOptions.defaults());
    }

    /** The yardstick: a binary COPY encoder written by hand for these two record types. */
    @Benchmark
    public long handWritten(Sink sink) throws SQLException {
        return HandWrittenCopy.copy(sink.connection, sink.load.benchTable, sink.load.records);
    }

    /** PgBulkInsert, records encoded to the null sink. */
    @Benchmark
    public long pgBulkInsert(Sink sink) throws SQLException {
        PGConnection pg = sink.connection.unwrap(PGConnection.class);
        List<?> records = sink.load.records;
        if (sink.load.benchTable == BenchTable.USERS) {
            new PgBulkInsert<>(new BenchTable.UsersMapping()).saveAll(pg, cast(records, UserRow.class));
        } else {
            new PgBulkInsert<>(new BenchTable.NarrowMapping()).saveAll(pg, cast(records, NarrowRow.class));
        }
        return sink.bytes[0];
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<?> list, Class<T> type) {
        if (!list.isEmpty() && !type.isInstance(list.get(0))) {
            throw new IllegalArgumentException("expected rows of " + type.getSimpleName());
        }
        return (List<T>) list;
    }

    /**
     * The null-sink connection over the fork's database, and the CPU clock of the benchmark thread
     * around each measured iteration (one operation per single-shot iteration).
     */
    @State(Scope.Thread)
    public static class Sink {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        LoadState load;
        Connection connection;
        final long[] bytes = new long[1];
        private String benchmark;
        private boolean measuring;
        private long cpuStart;
        private long wallStart;
        private final List<long[]> samples = new ArrayList<>();

        /** Wraps the fork's connection. */
        @Setup(Level.Trial)
        public void setUp(LoadState state, BenchmarkParams params) throws SQLException {
            load = state;
            load.expectEmpty = true;
            connection = NullSink.wrap(state.connection, state.rows, bytes);
            benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        }

        /** Starts the clocks on a measured iteration. */
        @Setup(Level.Iteration)
        public void start(IterationParams iteration) {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
            bytes[0] = 0;
            wallStart = System.nanoTime();
            cpuStart = THREADS.getCurrentThreadCpuTime();
        }

        /** Stops the clocks. */
        @TearDown(Level.Iteration)
        public void stop() {
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            long wall = System.nanoTime() - wallStart;
            if (measuring) {
                samples.add(new long[] {cpu, wall, bytes[0]});
            }
        }

        /** Writes the mean CPU time per operation and per million rows to a side file. */
        @TearDown(Level.Trial)
        public void report() throws IOException {
            if (samples.isEmpty()) {
                return;
            }
            double cpu = samples.stream().mapToLong(s -> s[0]).average().orElse(0);
            // the median too: on a shared machine one operation can take several times the others
            long[] sorted = samples.stream().mapToLong(s -> s[0]).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
            double wall = samples.stream().mapToLong(s -> s[1]).average().orElse(0);
            long sent = samples.get(samples.size() - 1)[2];
            String table = load.benchTable.tableName();
            Fixtures.writeSide("cpu-" + benchmark + "-" + table + "-" + load.rows + ".json", String.format(Locale.ROOT,
                    "{\"method\": \"%s\", \"table\": \"%s\", \"rows\": %d, \"samples\": %d, \"cpuSecondsPerOp\": %.6f, "
                            + "\"wallSecondsPerOp\": %.6f, \"cpuSecondsPerMillionRows\": %.6f, "
                            + "\"medianCpuSecondsPerMillionRows\": %.6f, \"bytesPerOp\": %d}%n",
                    benchmark, table, load.rows, samples.size(), cpu / 1e9, wall / 1e9, cpu / 1e9 * 1_000_000.0 / load.rows,
                    median / 1e9 * 1_000_000.0 / load.rows, sent));
        }
    }
}
