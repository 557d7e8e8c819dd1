package dev.blink.internal;

import dev.blink.PlanException;
import dev.blink.spi.Inserter;
import java.lang.ref.SoftReference;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * Finds the default {@link Inserter}: exactly one registered on the class path, or a clear error.
 * The one found is kept per class loader, so that a seed does not read the class path's service
 * files again (a third of a one-row seed's client CPU): a default inserter is shared by concurrent
 * seeds anyway ({@link Inserter} requires it to be thread-safe). Held softly, and the loader weakly,
 * so that a redeployed application's loader can still be unloaded.
 */
final class Inserters {

    private static final Map<ClassLoader, SoftReference<Inserter>> FOUND =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Inserters() {
    }

    static Inserter discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Inserter.class.getClassLoader();
        }
        SoftReference<Inserter> kept = FOUND.get(loader);
        Inserter inserter = kept == null ? null : kept.get();
        if (inserter == null) {
            inserter = load(loader);
            FOUND.put(loader, new SoftReference<>(inserter));
        }
        return inserter;
    }

    private static Inserter load(ClassLoader loader) {
        List<ServiceLoader.Provider<Inserter>> found = ServiceLoader.load(Inserter.class, loader).stream().toList();
        if (found.isEmpty()) {
            throw new PlanException("No Inserter on the class path. Add the dependency dev.blink:blink-copy-pg "
                    + "(PostgreSQL binary COPY), or pass one: InsertOptions.builder().inserter(JdbcBatchInserter.create())");
        }
        if (found.size() > 1) {
            throw new PlanException("Several Inserters on the class path: "
                    + found.stream().map(p -> p.type().getName()).toList()
                    + ". Choose one explicitly: InsertOptions.builder().inserter(...)");
        }
        return found.get(0).get();
    }
}
