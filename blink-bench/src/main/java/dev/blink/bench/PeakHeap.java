package dev.blink.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.blink.Blink;
import dev.blink.Retain;
import dev.blink.Rows;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of a streamed load: {@code rows} users rows generated lazily, given to Blink as a
 * stream with {@link Retain#NONE}, into {@code bench_users}. Run it in its own JVM with a small
 * {@code -Xmx}; it prints and writes (as JSON) the heap limit, the highest heap in use (sum of the
 * heap pools' peaks, garbage included) and the highest heap still in use after a collection (the
 * live set).
 *
 * <pre>{@code java -Xmx64m -cp benchmarks.jar dev.blink.bench.PeakHeap 10000000 target/bench/peak-heap.json}</pre>
 */
public final class PeakHeap {

    private PeakHeap() {
    }

    /**
     * Runs the load.
     *
     * @param args the row count (default 10,000,000) and the JSON file to write (optional)
     */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Path out = args.length > 1 ? Path.of(args[1]) : null;
        AtomicLong liveAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (isHeap(pool.getKey())) {
                            used += pool.getValue().getUsed();
                        }
                    }
                    liveAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        try (TestDatabase database = PostgresServer.shared().createDatabase()) {
            database.execute(BenchTable.USERS.ddl());
            System.gc();
            liveAfterGc.set(0);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long start = System.nanoTime();
            SeedResult result = Blink.plan()
                    .addTable("bench_users", store -> Rows.of(BenchRows.userStream(rows)), TableOptions.retain(Retain.NONE))
                    .insert(database.dataSource());
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            long count = database.count("bench_users");
            if (count != rows) {
                throw new IllegalStateException("bench_users holds " + count + " rows, not " + rows);
            }
            String json = String.format(Locale.ROOT,
                    "{\"rows\": %d, \"maxHeapBytes\": %d, \"peakHeapUsedBytes\": %d, \"peakLiveAfterGcBytes\": %d, "
                            + "\"seconds\": %.3f, \"rowsPerSecond\": %.0f, \"result\": \"%s\"}%n",
                    rows, Runtime.getRuntime().maxMemory(), peak, liveAfterGc.get(), seconds, rows / seconds,
                    result.toString().replace("\"", "'"));
            System.out.print(json);
            if (out != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, json);
            }
        }
    }

    private static boolean isHeap(String pool) {
        for (MemoryPoolMXBean bean : ManagementFactory.getMemoryPoolMXBeans()) {
            if (bean.getName().equals(pool)) {
                return bean.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }
}
