package dev.blink.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two CPU clocks of a load: the calling thread's (the client: mapping, encoding, the driver) and
 * the server backend's, read from {@code /proc/<pid>/stat} (user + system time of the PostgreSQL
 * process serving the connection). The backend clock is readable only when the server runs on this
 * machine, as the embedded one does; elsewhere it reads -1.
 */
final class CpuClocks {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on Linux unless the kernel says otherwise. */
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private CpuClocks() {
    }

    /** CPU time of the calling thread, in nanoseconds. */
    static long client() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** User + system CPU time of process {@code pid}, in nanoseconds, or -1 if it cannot be read here. */
    static long server(int pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            // the command name is in parentheses and may hold spaces: count fields after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14 and 15
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
