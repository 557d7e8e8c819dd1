package dev.blink;

import dev.blink.internal.CancelToken;
import dev.blink.internal.ManagedTransactions;
import dev.blink.internal.SeedRun;
import dev.blink.internal.Step;
import dev.blink.spi.ContextSource;
import dev.blink.spi.TableSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An ordered list of table and context steps, and the way to insert them. Made by
 * {@link Blink#plan()} or {@link Blink#plan(Seeder)}; mutable, for one thread; each method returns
 * the plan so calls chain. Nothing runs until {@code insert}: then each step runs in order, so a
 * table's callback sees every table and context value before it in its {@link Store}.
 */
public final class Plan {

    private final Seeder seeder;
    private final List<Step> steps = new ArrayList<>();

    Plan(Seeder seeder) {
        this.seeder = seeder;
    }

    /**
     * Adds a table answered by the plan's {@link Seeder}.
     *
     * @param table {@code users}, {@code schema.table}, or with quoted parts; see {@link TableName#parse}
     * @throws PlanException if the plan has no seeder, or already has this table
     */
    public Plan addTable(String table) {
        return addTable(table, TableOptions.defaults());
    }

    /** Adds a table answered by the plan's {@link Seeder}, with options. */
    public Plan addTable(String table, TableOptions options) {
        Objects.requireNonNull(table, "null table");
        Seeder answering = requireSeeder("addTable(\"" + table + "\")", "addTable(\"" + table + "\", store -> rows)");
        return addTable(table, store -> answering.table(store, table), options);
    }

    /**
     * Adds a table whose rows come from {@code source}.
     *
     * @throws PlanException if the plan already has this table
     */
    public Plan addTable(String table, TableSource source) {
        return addTable(table, source, TableOptions.defaults());
    }

    /**
     * Adds a table whose rows come from {@code source}, with options (retention, constants, naming).
     *
     * @throws PlanException if the plan already has this table, or the name is not a table name
     */
    public Plan addTable(String table, TableSource source, TableOptions options) {
        Objects.requireNonNull(table, "null table");
        Objects.requireNonNull(source, "null source");
        Objects.requireNonNull(options, "null options");
        TableName name;
        try {
            name = TableName.parse(table);
        } catch (IllegalArgumentException e) {
            throw new PlanException(e.getMessage(), e);
        }
        for (Step step : steps) {
            if (step instanceof Step.Table other && other.table().equals(name)) {
                throw new PlanException("Table \"" + table + "\" is added twice; a table is written by one step. "
                        + "Produce all its rows in one source.");
            }
        }
        steps.add(new Step.Table(table, name, source, options));
        return this;
    }

    /**
     * Adds a context value answered by the plan's {@link Seeder}, computed once.
     *
     * @throws PlanException if the plan has no seeder, or already has this key
     */
    public Plan addContext(String key) {
        Objects.requireNonNull(key, "null key");
        Seeder answering = requireSeeder("addContext(\"" + key + "\")", "addContext(\"" + key + "\", store -> value)");
        return addContext(key, store -> answering.context(store, key));
    }

    /**
     * Adds a context value computed once by {@code source}.
     *
     * @throws PlanException if the plan already has this key
     */
    public Plan addContext(String key, ContextSource source) {
        Objects.requireNonNull(key, "null key");
        Objects.requireNonNull(source, "null source");
        for (Step step : steps) {
            if (step instanceof Step.Context other && other.name().equals(key)) {
                throw new PlanException("Context \"" + key + "\" is added twice; compute it in one step.");
            }
        }
        steps.add(new Step.Context(key, source));
        return this;
    }

    /**
     * Runs the plan with default options on a connection of its own, in one transaction: commits
     * if every step succeeds, rolls back everything otherwise.
     *
     * @throws PlanException if the plan cannot run (nothing was sent)
     * @throws SeedException if seeding failed (everything was rolled back)
     */
    public SeedResult insert(DataSource dataSource) {
        return insert(dataSource, InsertOptions.defaults());
    }

    /**
     * Runs the plan on a connection of its own, in one transaction: commits if every step
     * succeeds, rolls back everything otherwise. The connection is closed at the end.
     *
     * <p>Inside a Spring-managed transaction on the same DataSource this is refused (it would
     * commit outside that transaction): use blink-spring's {@code SpringSeeding.insert(plan,
     * dataSource)}, which joins it.
     *
     * @throws PlanException if the plan cannot run (nothing was sent), or a Spring transaction is
     *     active on {@code dataSource}
     * @throws SeedException if seeding failed (everything was rolled back)
     */
    public SeedResult insert(DataSource dataSource, InsertOptions options) {
        Objects.requireNonNull(dataSource, "null dataSource");
        Objects.requireNonNull(options, "null options");
        SeedRun.Prepared prepared = SeedRun.prepare(steps, options, token(options));
        ManagedTransactions.refuseInsideSpringTransaction(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            return prepared.run(connection, true);
        } catch (SQLException e) {
            throw new SeedException(Location.of(prepared.firstStep()),
                    "could not open or close the connection: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the plan inside the caller's transaction: on a connection with autocommit off, Blink
     * neither commits nor closes; it works under a savepoint and, on failure, rolls back to it, so
     * the caller's transaction holds exactly what it held before and stays usable. On a connection
     * with autocommit on, Blink runs its own transaction on it (commit or rollback), then turns
     * autocommit back on; it does not close the connection.
     *
     * @throws PlanException if the plan cannot run (nothing was sent)
     * @throws SeedException if seeding failed (Blink's work was rolled back)
     */
    public SeedResult insert(Connection connection, InsertOptions options) {
        Objects.requireNonNull(connection, "null connection");
        Objects.requireNonNull(options, "null options");
        return SeedRun.prepare(steps, options, token(options)).run(connection, false);
    }

    private static CancelToken token(InsertOptions options) {
        return options.cancellation().map(Cancellation::token).orElse(null);
    }

    private Seeder requireSeeder(String call, String fix) {
        if (seeder == null) {
            throw new PlanException(call + " needs a Seeder to answer it: start with Blink.plan(seeder), "
                    + "or give the step its own source: " + fix);
        }
        return seeder;
    }

    @Override
    public String toString() {
        return "Plan" + steps.stream().map(s -> (s instanceof Step.Table ? "table " : "context ") + s.name()).toList();
    }
}
