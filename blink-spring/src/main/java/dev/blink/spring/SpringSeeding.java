package dev.blink.spring;

import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.PlanException;
import dev.blink.SeedException;
import dev.blink.SeedResult;
import java.sql.Connection;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Inserts a plan the way Spring's own JDBC code ({@code JdbcTemplate}) runs a statement: on the
 * connection Spring's transaction holds for the DataSource ({@code @Transactional} or a
 * {@code TransactionTemplate}, with a transaction manager that binds the DataSource's connection,
 * as {@code DataSourceTransactionManager} does), or in a transaction of its own when there is none.
 *
 * <pre>{@code
 * @Transactional
 * public void seedDemoData() {
 *     SpringSeeding.insert(Blink.plan().addTable("users", store -> users), dataSource);
 * }   // commits or rolls back with the rest of the method
 * }</pre>
 *
 * <p>Inside a transaction the seed runs under a savepoint: Blink neither commits nor closes, the
 * rows roll back with Spring's transaction, and a failed seed undoes only its own work (the
 * {@link SeedException} reaches the caller, and a {@code @Transactional} method that lets it
 * through rolls back). Outside one, it behaves as {@code plan.insert(dataSource, options)}.
 * {@code plan.insert(dataSource)} itself is refused inside a Spring transaction, since it would
 * commit outside it.
 */
public final class SpringSeeding {

    private SpringSeeding() {
    }

    /** Inserts with default options; see {@link #insert(Plan, DataSource, InsertOptions)}. */
    public static SeedResult insert(Plan plan, DataSource dataSource) {
        return insert(plan, dataSource, InsertOptions.defaults());
    }

    /**
     * Inserts {@code plan} inside the Spring transaction that holds {@code dataSource}, or in a
     * transaction of its own if none does.
     *
     * @throws PlanException if the plan cannot run (nothing was sent)
     * @throws SeedException if seeding failed (Blink's work was rolled back; Spring's transaction
     *     is left as it was)
     * @throws org.springframework.jdbc.CannotGetJdbcConnectionException if no connection can be had
     */
    public static SeedResult insert(Plan plan, DataSource dataSource, InsertOptions options) {
        Objects.requireNonNull(plan, "null plan");
        Objects.requireNonNull(dataSource, "null dataSource");
        Objects.requireNonNull(options, "null options");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return plan.insert(connection, options);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
