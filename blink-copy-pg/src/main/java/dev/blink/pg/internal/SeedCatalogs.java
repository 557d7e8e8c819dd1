package dev.blink.pg.internal;

import dev.blink.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The {@link SeedCatalog} of each seed running with one inserter, by connection (one seed runs on
 * one connection): put at the seed's start, dropped at its end, at the first failure of one of its
 * tables, and when the connection's transaction has ended (a seed that failed elsewhere, whose
 * rollback the inserter is not told of). Never shared across seeds, so DDL between seeds is always
 * seen. Weak keys: a connection that is dropped without an end takes its entry with it. Thread-safe.
 */
public final class SeedCatalogs {

    private final Map<Connection, SeedCatalog> seeds = Collections.synchronizedMap(new WeakHashMap<>());

    /** Reads the catalog entries of {@code tables} for the seed starting on {@code connection}. */
    public void begin(Connection connection, List<TableName> tables) throws SQLException {
        seeds.remove(connection);
        SeedCatalog read = SeedCatalog.read(connection, tables);
        if (read != SeedCatalog.NONE) {
            seeds.put(connection, read);
        }
    }

    /** The entries of the seed running on {@code connection}, or {@link SeedCatalog#NONE}. */
    public SeedCatalog of(Connection connection) {
        SeedCatalog seed = seeds.get(connection);
        if (seed == null) {
            return SeedCatalog.NONE;
        }
        if (!inTransaction(connection)) {
            seeds.remove(connection);
            return SeedCatalog.NONE;
        }
        return seed;
    }

    /** Drops the entries of the seed on {@code connection}. */
    public void end(Connection connection) {
        seeds.remove(connection);
    }

    /** Whether the transaction the entries were read in may still be open; they were read inside it. */
    private static boolean inTransaction(Connection connection) {
        try {
            return !connection.getAutoCommit()
                    && connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
        } catch (SQLException e) {
            return false;
        }
    }
}
