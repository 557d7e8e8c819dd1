package dev.blink.junit.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template databases of this JVM, one per server and seed, made on first use and dropped at
 * exit together with any copy still there.
 */
public final class Templates {

    private static final System.Logger LOG = System.getLogger("dev.blink.junit");
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();
    /** What to drop at exit, by database name, in creation order; dropped newest first. */
    private static final Map<Object, Runnable> AT_EXIT = new LinkedHashMap<>();
    private static boolean hooked;

    private Templates() {
    }

    /** The template of {@code spec} on {@code server}, not yet built. */
    public static Template of(Server server, SeedSpec spec) {
        return TEMPLATES.computeIfAbsent(server.key() + " | " + spec.key(), key -> new Template(server, spec));
    }

    /** Runs {@code drop} at exit unless {@link #dropped} is called first with the same key. */
    static synchronized void dropAtExit(Object key, Runnable drop) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(Templates::dropAll, "blink-junit-drop-templates"));
            hooked = true;
        }
        AT_EXIT.put(key, drop);
    }

    /** Runs {@code drop} at exit. */
    static void dropAtExit(Runnable drop) {
        dropAtExit(new Object(), drop);
    }

    /** Forgets a drop that has happened. */
    static synchronized void dropped(Object key) {
        AT_EXIT.remove(key);
    }

    private static void dropAll() {
        List<Runnable> drops;
        synchronized (Templates.class) {
            drops = new ArrayList<>(AT_EXIT.values());
            AT_EXIT.clear();
        }
        for (int i = drops.size() - 1; i >= 0; i--) {
            try {
                drops.get(i).run();
            } catch (RuntimeException e) {
                // an embedded server may be stopping at the same time; its data directory goes with it
                LOG.log(Level.DEBUG, "could not drop a test database at exit", e);
            }
        }
    }
}
