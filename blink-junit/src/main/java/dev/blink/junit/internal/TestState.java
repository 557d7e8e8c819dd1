package dev.blink.junit.internal;

import dev.blink.SeedResult;
import dev.blink.junit.Isolation;
import dev.blink.junit.SeedDatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** One test's seeded database: what it injects, and how it is undone after the test. */
public final class TestState implements AutoCloseable {

    private static final String ROLLBACK_REFUSAL = "with Isolation.ROLLBACK the test's transaction is rolled back "
            + "after the test, so nothing may commit; a test that commits needs "
            + "@Seeded(..., isolation = Isolation.COPY_PER_CLASS) or COPY_PER_TEST";

    private final DataSource dataSource;
    private final Optional<SeedResult> result;
    private final BoundConnection bound;
    private final Undo undo;
    private final List<Connection> opened = new ArrayList<>();
    private boolean closed;

    private TestState(DataSource dataSource, Optional<SeedResult> result, BoundConnection bound, Undo undo) {
        this.dataSource = dataSource;
        this.result = result;
        this.bound = bound;
        this.undo = undo;
    }

    /** {@link Isolation#ROLLBACK}: seeds in a new transaction on {@code database}, rolled back by {@link #close()}. */
    public static TestState rollback(DataSource database, SeedSpec spec) {
        Connection connection;
        try {
            connection = database.getConnection();
        } catch (SQLException e) {
            throw new SeedDatabaseException("Could not connect to " + database + ": " + e.getMessage(), e);
        }
        try {
            connection.setAutoCommit(false);
            BoundConnection bound = new BoundConnection(connection, ROLLBACK_REFUSAL);
            Optional<SeedResult> result = spec.run(bound.handle());
            bound.seeded();
            return new TestState(bound.dataSource(), result, bound, () -> {
                try (connection) {
                    connection.rollback();
                }
            });
        } catch (RuntimeException | SQLException e) {
            try (connection) {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            if (e instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new SeedDatabaseException("The test's transaction failed: " + e.getMessage(), e);
        }
    }

    /** A copy mode: the test uses {@code dataSource}; {@code undo} drops its own copy, if it has one. */
    public static TestState copy(DataSource dataSource, Optional<SeedResult> result, Undo undo) {
        return new TestState(dataSource, result, null, undo);
    }

    /** The DataSource to inject. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The seed's result, if its method returned one. */
    public Optional<SeedResult> result() {
        return result;
    }

    /** A connection to inject: a handle on the test's transaction, or a new connection closed after the test. */
    public synchronized Connection connection() throws SQLException {
        if (bound != null) {
            return bound.handle();
        }
        Connection connection = dataSource.getConnection();
        opened.add(connection);
        return connection;
    }

    /** Closes the connections it opened, then rolls back or drops. */
    @Override
    public synchronized void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        SQLException failure = null;
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        try {
            undo.run();
        } catch (SQLException | RuntimeException e) {
            if (failure != null) {
                e.addSuppressed(failure);
            }
            throw e;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Undoes a test's database: rolls back, or drops its copy. */
    @FunctionalInterface
    public interface Undo {
        /** Undoes. */
        void run() throws SQLException;
    }
}
