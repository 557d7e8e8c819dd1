package dev.blink.pg.internal;

import dev.blink.InsertOptions;
import dev.blink.TableName;
import dev.blink.TableResult;
import dev.blink.pg.PgCopyInserter;
import dev.blink.spi.CsvInput;
import dev.blink.spi.InsertStats;
import dev.blink.spi.JsonInput;
import dev.blink.spi.Inserter;
import dev.blink.spi.TableInput;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@link java.util.ServiceLoader} provider of the default inserter: a public no-arg
 * constructor that delegates to {@link PgCopyInserter#create()}, every method of {@link Inserter}
 * (a test checks that none is left to its default).
 */
public final class PgCopyProvider implements Inserter {

    private final Inserter delegate = PgCopyInserter.create();

    /** For ServiceLoader. */
    public PgCopyProvider() {
    }

    @Override
    public InsertStats insert(Connection connection, TableInput input, InsertOptions options) throws SQLException {
        return delegate.insert(connection, input, options);
    }

    @Override
    public Optional<InsertStats> insertCsv(Connection connection, CsvInput input, InsertOptions options)
            throws SQLException {
        return delegate.insertCsv(connection, input, options);
    }

    @Override
    public Optional<InsertStats> insertJson(Connection connection, JsonInput input, InsertOptions options)
            throws SQLException {
        return delegate.insertJson(connection, input, options);
    }

    @Override
    public void beforeSeed(Connection connection, List<TableName> tables, InsertOptions options) throws SQLException {
        delegate.beforeSeed(connection, tables, options);
    }

    @Override
    public void afterSeed(Connection connection, List<TableResult> results, InsertOptions options) throws SQLException {
        delegate.afterSeed(connection, results, options);
    }

    @Override
    public boolean checkDeferredConstraints(Connection connection, List<TableResult> results, InsertOptions options)
            throws SQLException {
        return delegate.checkDeferredConstraints(connection, results, options);
    }

    @Override
    public void cancel(Connection connection) throws SQLException {
        delegate.cancel(connection);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
