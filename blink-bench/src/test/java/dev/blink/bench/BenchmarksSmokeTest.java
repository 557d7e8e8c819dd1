package dev.blink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark method once, in this JVM, on a few rows against the test server: the
 * benchmarks load what they should (each load method's state checks the row count at the end).
 * Never asserts speed.
 */
class BenchmarksSmokeTest {

    @Test
    void everyBenchmarkRunsOnceOnAFewRows() throws Exception {
        Options options = new OptionsBuilder()
                .include(LoadBenchmark.class.getName() + "\\.")
                .include(EncodeBenchmark.class.getName() + "\\.")
                .param("usersRows", "30")
                .param("narrowRows", "40")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            ran.add(result.getParams().getBenchmark().replace("dev.blink.bench.", "") + " " + result.getParams().getParam("table"));
        }
        int loadMethods = countBenchmarks(LoadBenchmark.class);
        int encodeMethods = countBenchmarks(EncodeBenchmark.class);
        assertEquals(2 * (loadMethods + encodeMethods), ran.size(), () -> "ran " + ran);
        assertTrue(ran.contains("LoadBenchmark.serverCopyBinary users"), () -> "ran " + ran);
    }

    private static int countBenchmarks(Class<?> type) {
        int count = 0;
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Benchmark.class)) {
                count++;
            }
        }
        return count;
    }
}
