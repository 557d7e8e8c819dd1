package dev.blink.internal;

import dev.blink.PlanException;
import dev.blink.spi.Inserter;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the default {@link Inserter}: exactly one registered on the class path, or a clear error. */
final class Inserters {

    private Inserters() {
    }

    static Inserter discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Inserter.class.getClassLoader();
        }
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
