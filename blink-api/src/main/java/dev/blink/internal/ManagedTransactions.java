package dev.blink.internal;

import dev.blink.PlanException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import javax.sql.DataSource;

/**
 * Refuses {@code Plan.insert(DataSource)} while Spring manages a transaction on that DataSource:
 * the seed would commit on a connection of its own, outside the transaction, and survive its
 * rollback. Spring is asked through reflection, so that blink-api needs no Spring; without Spring
 * on the class path this does nothing.
 */
public final class ManagedTransactions {

    private static final String MANAGER = "org.springframework.transaction.support.TransactionSynchronizationManager";

    private ManagedTransactions() {
    }

    /**
     * @throws PlanException if a Spring transaction holds a connection of {@code dataSource}
     */
    public static void refuseInsideSpringTransaction(DataSource dataSource) {
        Class<?> manager = load(dataSource);
        if (manager == null) {
            return;
        }
        boolean inside;
        try {
            Method active = manager.getMethod("isActualTransactionActive");
            Method resource = manager.getMethod("getResource", Object.class);
            inside = Boolean.TRUE.equals(active.invoke(null)) && resource.invoke(null, dataSource) != null;
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            return; // a Spring we do not know: nothing to check against
        }
        if (inside) {
            throw new PlanException("insert(DataSource) runs the seed in a transaction of its own and commits it, but "
                    + "a Spring transaction is active on this DataSource: the seed would be committed outside it and "
                    + "survive its rollback. Inside Spring transactions, use SpringSeeding.insert(plan, dataSource) "
                    + "(blink-spring), which joins the transaction (and runs its own outside one); to commit separately "
                    + "on purpose, give the plan a connection of its own: plan.insert(connection, options)");
        }
    }

    private static Class<?> load(DataSource dataSource) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                dataSource.getClass().getClassLoader(), ManagedTransactions.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(MANAGER, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not on this loader's class path
            }
        }
        return null;
    }
}
