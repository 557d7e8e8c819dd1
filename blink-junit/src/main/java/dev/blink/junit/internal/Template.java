package dev.blink.junit.internal;

import dev.blink.SeedResult;
import dev.blink.junit.SeedDatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One seed's template database on one server: built on first use (by one thread; the others
 * wait), then copied for each test class or method. A failed build is not retried: every later
 * use fails with the same message.
 */
public final class Template {

    private final Server server;
    private final SeedSpec spec;
    private String name;
    private Optional<SeedResult> result;
    private SeedDatabaseException failure;

    Template(Server server, SeedSpec spec) {
        this.server = server;
        this.spec = spec;
    }

    /** The seed's result, building the template first if need be. */
    public synchronized Optional<SeedResult> result() {
        build();
        return result;
    }

    /**
     * A new database holding the seed, for one test class or method.
     *
     * @throws SeedDatabaseException if the template cannot be built or the server refuses the copy
     */
    public Copy copy() {
        String template;
        synchronized (this) {
            build();
            template = name;
        }
        String copy = server.createDatabase("blink_copy", template);
        Copy made = new Copy(server, copy);
        Templates.dropAtExit(made, made::drop);
        return made;
    }

    private void build() {
        if (failure != null) {
            throw new SeedDatabaseException(failure.getMessage(), failure.getCause());
        }
        if (name != null) {
            return;
        }
        String template = server.createDatabase("blink_template", server.source());
        Templates.dropAtExit(() -> server.dropTemplate(template));
        try {
            result = seed(server.dataSource(template));
            server.sealTemplate(template);
            name = template;
        } catch (RuntimeException e) {
            failure = new SeedDatabaseException("Could not build the template database of the seed " + spec + " on the "
                    + server + ": " + e.getMessage(), e);
            try {
                server.dropTemplate(template);
            } catch (RuntimeException dropFailure) {
                failure.addSuppressed(dropFailure);
            }
            throw failure;
        }
    }

    private Optional<SeedResult> seed(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            BoundConnection bound = new BoundConnection(connection,
                    "the seed of a template runs in a transaction that the extension commits");
            Optional<SeedResult> seeded;
            try {
                seeded = spec.run(bound.handle());
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
            try (Statement statement = connection.createStatement()) {
                // copies start with the planner's statistics; no VACUUM FREEZE, which would rewrite every page once
                statement.execute("ANALYZE");
            }
            connection.commit();
            return seeded;
        } catch (SQLException e) {
            throw new SeedDatabaseException("the seed's connection failed: " + e.getMessage() + " [SQLSTATE "
                    + e.getSQLState() + "]", e);
        }
    }

    /** A copy of the template, dropped by {@link #close()}. */
    public static final class Copy implements AutoCloseable {
        private final Server server;
        private final String name;
        private boolean dropped;

        Copy(Server server, String name) {
            this.server = server;
            this.name = name;
        }

        /** The copy's database name. */
        public String name() {
            return name;
        }

        /** Plain connections to the copy. */
        public DataSource dataSource() {
            return server.dataSource(name);
        }

        /** Drops the copy, ending any session still on it. */
        @Override
        public synchronized void close() {
            if (!dropped) {
                dropped = true;
                Templates.dropped(this);
                drop();
            }
        }

        private void drop() {
            server.dropDatabase(name);
        }
    }
}
