package dev.blink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the interleaved grid once on a few rows against the test server: every method of every case
 * loads what it should (each measurement checks the tables' row count) and reaches the report.
 * Never asserts speed.
 */
class RoundsSmokeTest {

    @Test
    void everyMethodOfEveryCaseRunsAndIsReported(@TempDir Path out) throws Exception {
        Rounds.run(Map.of("ROUNDS", "1", "WARMUP_ROUNDS", "0", "USERS_ROWS", "30", "NARROW_ROWS", "40",
                "SMALL_REPEATS", "2", "OUT", out.toString()));

        List<String> samples = Files.readAllLines(out.resolve("rounds.tsv"));
        // users and narrow: 9 methods each; indexed users: 4; three small-seed shapes: 3 each
        assertEquals(1 + 9 + 9 + 4 + 3 * 3, samples.size(), () -> String.join("\n", samples));
        String report = Files.readString(out.resolve("rounds.md"));
        for (String expected : List.of("**bench_users**", "**bench_narrow**", "**bench_users_indexed**", "**small 50×10**",
                "Hibernate persist", "bench_users: blinkJpa at", "Load average")) {
            assertTrue(report.contains(expected), () -> "no " + expected + " in\n" + report);
        }
    }
}
