package dev.blink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measured samples of a {@link Rounds} run, and its report: per case, the median wall time and
 * CPU times of each method and its ratios to the ceiling and to the peers measured in the same run,
 * then the targets checked against those ratios. Ratios are of throughputs (higher is
 * faster): a method at 0.9× the ceiling loads in 1/0.9 of the ceiling's time.
 */
final class RoundsReport {

    /**
     * One measured load.
     *
     * @param wall seconds of wall time
     * @param client seconds of the client thread's CPU time
     * @param server seconds of the server backend's CPU time (NaN where it cannot be read)
     */
    record Sample(double wall, double client, double server) {
    }

    private final List<RoundsCase> cases;
    private final String server;
    private final int rounds;
    private final int warmups;
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
    private final StringBuilder raw = new StringBuilder("round\tcase\tmethod\twall_s\tclient_cpu_s\tserver_cpu_s\n");

    RoundsReport(List<RoundsCase> cases, String server, int rounds, int warmups) {
        this.cases = cases;
        this.server = server;
        this.rounds = rounds;
        this.warmups = warmups;
    }

    void add(RoundsCase c, RoundsMethod method, Sample sample) {
        List<Sample> list = samples.computeIfAbsent(key(c.name(), method.name()), k -> new ArrayList<>());
        list.add(sample);
        raw.append(String.format(Locale.ROOT, "%d\t%s\t%s\t%.6f\t%.6f\t%.6f%n", list.size(), c.name(), method.name(),
                sample.wall(), sample.client(), sample.server()));
    }

    /** Writes {@code rounds.md} (and prints it) and {@code rounds.tsv} (every sample). */
    void write(Path out, String loadAtStart, String loadAtEnd) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ").append(server)
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores. ")
                .append(warmups).append(" warm-up round(s), then ").append(rounds)
                .append(" measured rounds; in each round every method of every case ran once, in the order below, ")
                .append("after TRUNCATE and CHECKPOINT. Medians. Load average (1, 5, 15 min) at the start: ")
                .append(loadAtStart).append("; at the end: ").append(loadAtEnd).append(".\n\n");
        List<String> checks = new ArrayList<>();
        for (RoundsCase c : cases) {
            if (c.repeats() > 1) {
                smallTable(md, c, checks);
            } else {
                bigTable(md, c, checks);
            }
        }
        md.append("**Targets** (ratios of medians within this run)\n\n");
        for (String check : checks) {
            md.append("- ").append(check).append('\n');
        }
        Files.writeString(out.resolve("rounds.md"), md);
        Files.writeString(out.resolve("rounds.tsv"), raw);
        System.out.println();
        System.out.print(md);
    }

    private void bigTable(StringBuilder md, RoundsCase c, List<String> checks) {
        double ceiling = median(c.name(), RoundsFixture.CEILING, Sample::wall);
        double bulk = median(c.name(), "pgBulkInsert", Sample::wall);
        md.append("**").append(c.name()).append("** (").append(String.format(Locale.ROOT, "%,d", c.rows()))
                .append(" rows per load; CPU in seconds per million rows)\n\n")
                .append("| method | wall s | rows/s | × ceiling | × PgBulkInsert | client CPU | server CPU | wall s, fastest–slowest |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        double perMillion = 1_000_000.0 / c.rows();
        for (RoundsMethod m : c.methods()) {
            List<Sample> list = samples.getOrDefault(key(c.name(), m.name()), List.of());
            if (list.isEmpty()) {
                continue;
            }
            double wall = median(list, Sample::wall);
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %,.0f | %s | %s | %.3f | %s | %.3f–%.3f |%n", m.label(), wall,
                    c.rows() / wall, ratio(ceiling, wall), ratio(bulk, wall), median(list, Sample::client) * perMillion,
                    format(median(list, Sample::server) * perMillion), min(list), max(list)));
        }
        md.append('\n');
        String t = c.name();
        // the binary paths against the binary peer; the CSV path against the CSV peer
        for (String blink : List.of("blinkRecords", "blinkMaps", "blinkJpa")) {
            check(checks, t, blink, "pgBulkInsert", 1.0);
        }
        check(checks, t, "blinkCsv", "copyManagerCsv", 1.0);
        check(checks, t, "blinkJpa", "hibernatePersist", 3.0);
        check(checks, t, "blinkJpa", "blinkRecords", 0.9);
        if (t.equals(RoundsFixture.INDEXED)) {
            for (RoundsMethod m : c.methods()) {
                if (m.name().endsWith("Rebuild")) {
                    check(checks, t, m.name(), RoundsFixture.CEILING, 1.8);
                }
            }
        }
    }

    private void smallTable(StringBuilder md, RoundsCase c, List<String> checks) {
        double jdbc = median(c.name(), "jdbcBatch", Sample::wall);
        md.append("**").append(c.name()).append("** (tables × rows per table, one transaction per seed, ")
                .append(c.repeats()).append(" seeds per measurement; times in ms per seed)\n\n")
                .append("| method | wall ms | × JDBC batch | client CPU ms | server CPU ms | wall ms, fastest–slowest |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (RoundsMethod m : c.methods()) {
            List<Sample> list = samples.getOrDefault(key(c.name(), m.name()), List.of());
            if (list.isEmpty()) {
                continue;
            }
            double wall = median(list, Sample::wall);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %.2f | %s | %.2f–%.2f |%n", m.label(), wall * 1e3,
                    ratio(jdbc, wall), median(list, Sample::client) * 1e3, format(median(list, Sample::server) * 1e3),
                    min(list) * 1e3, max(list) * 1e3));
        }
        md.append('\n');
        check(checks, c.name(), "blinkRecords", "jdbcBatch", 1.0);
    }

    /** Adds "a is ≥ factor × b" with its measured ratio, when both ran. */
    private void check(List<String> checks, String c, String a, String b, double factor) {
        double wallA = median(c, a, Sample::wall);
        double wallB = median(c, b, Sample::wall);
        if (Double.isNaN(wallA) || Double.isNaN(wallB)) {
            return;
        }
        double ratio = wallB / wallA;
        checks.add(String.format(Locale.ROOT, "%s: %s at %.2f× %s (target ≥ %.1f×): %s", c, a, ratio, b, factor,
                ratio >= factor ? "met" : "NOT met"));
    }

    private double median(String c, String method, java.util.function.ToDoubleFunction<Sample> field) {
        List<Sample> list = samples.get(key(c, method));
        return list == null || list.isEmpty() ? Double.NaN : median(list, field);
    }

    private static double median(List<Sample> list, java.util.function.ToDoubleFunction<Sample> field) {
        double[] values = list.stream().mapToDouble(field).toArray();
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double min(List<Sample> list) {
        return list.stream().mapToDouble(Sample::wall).min().orElse(Double.NaN);
    }

    private static double max(List<Sample> list) {
        return list.stream().mapToDouble(Sample::wall).max().orElse(Double.NaN);
    }

    private static String ratio(double reference, double wall) {
        return Double.isNaN(reference) ? "–" : String.format(Locale.ROOT, "%.2f", reference / wall);
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String key(String c, String method) {
        return c + '\u0000' + method;
    }
}
