package dev.blink.internal;

import dev.blink.BlinkException;
import dev.blink.CallbackException;
import dev.blink.InsertOptions;
import dev.blink.Location;
import dev.blink.PlanException;
import dev.blink.Retain;
import dev.blink.SeedException;
import dev.blink.SeedResult;
import dev.blink.StoppedException;
import dev.blink.TableName;
import dev.blink.TableResult;
import dev.blink.spi.InsertStats;
import dev.blink.spi.Inserter;
import dev.blink.spi.MappingContext;
import dev.blink.spi.RowLayout;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Runs a plan's steps in order on one connection, in one transaction (or under a savepoint of the
 * caller's), and turns every failure into a {@link BlinkException} after rolling back. Stops at
 * the next step or row once the seed is cancelled or its thread interrupted.
 */
public final class SeedRun {

    /** SQLSTATE of a statement cancelled (by a timeout or a cancel request). */
    private static final String QUERY_CANCELED = "57014";

    private final Connection connection;
    private final InsertOptions options;
    private final Inserter inserter;
    private final CancelToken token;
    private StoreState store = StoreState.empty();
    private String current;

    private SeedRun(Connection connection, InsertOptions options, Inserter inserter, CancelToken token) {
        this.connection = connection;
        this.options = options;
        this.inserter = inserter;
        this.token = token;
    }

    /**
     * Checks a plan and its options and chooses the inserter, before any connection is opened.
     *
     * @param token the state of the options' cancellation, or null for none
     * @throws PlanException if the plan is empty or no single inserter can be chosen
     */
    public static Prepared prepare(List<Step> steps, InsertOptions options, CancelToken token) {
        if (steps.isEmpty()) {
            throw new PlanException("The plan has no steps: add tables with addTable before insert");
        }
        return new Prepared(List.copyOf(steps), options, options.inserter().orElseGet(Inserters::discover),
                token == null ? CancelToken.NEVER : token);
    }

    /** A checked plan, ready to run on a connection. */
    public static final class Prepared {
        private final List<Step> steps;
        private final InsertOptions options;
        private final Inserter inserter;
        private final CancelToken token;

        private Prepared(List<Step> steps, InsertOptions options, Inserter inserter, CancelToken token) {
            this.steps = steps;
            this.options = options;
            this.inserter = inserter;
            this.token = token;
        }

        /** The first step's name, for errors before the run starts. */
        public String firstStep() {
            return steps.get(0).name();
        }

        /**
         * Runs the steps.
         *
         * @param owned whether Blink owns the connection (then it always commits or rolls back
         *     the whole transaction); otherwise a connection with autocommit off is the caller's
         *     transaction, and Blink works under a savepoint
         */
        public SeedResult run(Connection connection, boolean owned) {
            try {
                return new SeedRun(connection, options, inserter, token).run(steps, owned);
            } catch (StoppedException e) {
                if (e.reason() == StoppedException.Reason.INTERRUPT) {
                    Thread.currentThread().interrupt();
                }
                throw e;
            }
        }
    }

    private SeedResult run(List<Step> steps, boolean owned) {
        long start = System.nanoTime();
        current = steps.get(0).name();
        Stops.check(token, Location.of(current));
        boolean autoCommit;
        Savepoint savepoint = null;
        try {
            autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            } else if (!owned) {
                savepoint = connection.setSavepoint();
            }
        } catch (SQLException e) {
            throw new SeedException(Location.of(current), "could not begin the seed's transaction: " + e.getMessage(), e);
        }
        CancelToken.Registration registration = token.register(this::cancelStatement);
        try {
            List<TableResult> results = runSteps(steps);
            current = steps.get(steps.size() - 1).name();
            Stops.check(token, Location.of(current));
            inserter.afterSeed(connection, results, options);
            checkDeferred(results, savepoint != null);
            registration.close();
            Stops.check(token, Location.of(current));
            if (savepoint == null) {
                connection.commit();
            } else {
                connection.releaseSavepoint(savepoint);
            }
            return new SeedResult(results, store, Duration.ofNanos(System.nanoTime() - start));
        } catch (Throwable failure) {
            registration.close();
            rollBack(savepoint, failure, registration.fired());
            throw translate(failure);
        } finally {
            if (autoCommit) {
                restoreAutoCommit();
            }
        }
    }

    /** Asks the inserter to cancel its statement (on the cancelling thread); the seed reports what follows. */
    private void cancelStatement() {
        try {
            inserter.cancel(connection);
        } catch (SQLException | RuntimeException e) {
            // the seed stops at its next row anyway, and reports that
        }
    }

    private List<TableResult> runSteps(List<Step> steps) throws Exception {
        List<TableName> tables = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Table table) {
                tables.add(table.table());
            }
        }
        inserter.beforeSeed(connection, List.copyOf(tables), options);
        List<TableResult> results = new ArrayList<>();
        for (Step step : steps) {
            current = step.name();
            Stops.check(token, Location.of(current));
            if (step instanceof Step.Context context) {
                Object value;
                try {
                    value = context.source().value(store);
                } catch (BlinkException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new CallbackException(Location.of(context.name()), "the context callback threw " + e, e);
                }
                store = store.withContext(context.name(), value);
                options.listener().contextComputed(context.name());
            } else {
                TableResult result = runTable((Step.Table) step);
                results.add(result);
                options.listener().tableFinished(result);
            }
        }
        return results;
    }

    private TableResult runTable(Step.Table step) throws Exception {
        long start = System.nanoTime();
        options.listener().tableStarted(step.name());
        Location where = Location.of(step.name());
        Iterable<?> rows;
        try {
            rows = step.source().rows(store);
            if (rows == null) {
                throw new CallbackException(where, "the table's callback returned null; return an empty list for no rows", null);
            }
        } catch (BlinkException e) {
            throw e;
        } catch (Exception e) {
            throw new CallbackException(TableCursor.at(where, e), "the table's callback threw " + e, e);
        }
        List<String> header = List.of();
        Optional<FileTable> file = FileTable.of(step, rows, token);
        if (file.isPresent()) {
            try {
                header = file.get().columns();
                if (header.isEmpty()) {
                    store = store.withTable(step.name(), List.of(), step.options().retain());
                    return new TableResult(step.name(), 0, 0, 0, Duration.ofNanos(System.nanoTime() - start));
                }
                Optional<FileTable.Written> written = step.options().constants().isEmpty()
                        ? file.get().insert(connection, inserter, options) : Optional.empty();
                if (written.isPresent()) {
                    store = store.withTable(step.name(), written.get().retained(), step.options().retain());
                    InsertStats stats = written.get().stats();
                    return new TableResult(step.name(), stats.rows(), stats.skipped(), stats.bytes(),
                            Duration.ofNanos(System.nanoTime() - start));
                }
            } finally {
                file.get().close();
            }
        }
        Iterator<?> iterator;
        try {
            iterator = rows.iterator();
            if (rows instanceof Collection<?> all) {
                options.listener().tableSized(step.name(), all.size());
            }
        } catch (BlinkException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new CallbackException(TableCursor.at(where, e), "the table's callback threw " + e, e);
        }
        TableResult result;
        try {
            result = writeTable(step, rows, iterator, header, start);
        } catch (Throwable failure) {
            closeQuietly(iterator, failure);
            if (rows != iterator) {
                closeQuietly(rows, failure);
            }
            throw failure;
        }
        // closed outside the try, so that an error while closing fails the seed
        close(iterator);
        if (rows != iterator) {
            close(rows);
        }
        return result;
    }

    /** Writes the rows; {@code header}: the columns known before any row (a file's), or empty. */
    private TableResult writeTable(Step.Table step, Iterable<?> rows, Iterator<?> iterator, List<String> header,
                                   long start) throws Exception {
        Location where = Location.of(step.name());
        Retain retain = step.options().retain();
        boolean keepList = retain.all() && rows instanceof List<?>;
        Object first;
        try {
            if (!iterator.hasNext()) {
                if (!header.isEmpty()) { // a file's header alone: its columns are checked all the same
                    List<String> columns = new ArrayList<>(header);
                    columns.addAll(step.options().constants().keySet());
                    inserter.insert(connection, FileTable.empty(step.name(), step.table(), columns), options);
                    store = store.withTable(step.name(), keepList ? (List<?>) rows : List.of(), retain);
                    return new TableResult(step.name(), 0, 0, 0, Duration.ofNanos(System.nanoTime() - start));
                }
                // no rows, so no columns but the constants: the inserter still resolves the table and those
                return writeRows(step, rows, keepList, iterator, null, Layouts.NONE, start);
            }
            first = iterator.next();
        } catch (BlinkException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw TableCursor.readFailure(where.row(1), e);
        }
        if (first == null) {
            throw new SeedException(where.row(1), TableCursor.NULL_ROW, null);
        }
        Optional<Collection<?>> all = rows instanceof Collection<?> c ? Optional.of(c) : Optional.empty();
        RowLayout layout;
        try {
            layout = Layouts.choose(step.options().rowMapper(), options.rowMappers(),
                    new MappingContext(step.table(), first, all, step.options(), connection));
        } catch (IllegalArgumentException e) {
            throw new SeedException(where.row(1), e.getMessage(), e);
        }
        try (layout) {
            return writeRows(step, rows, keepList, iterator, first, layout, start);
        }
    }

    /**
     * Writes the rows from {@code first} on ({@code null}: there are none); {@code keepList}: the
     * store keeps the source list as given.
     */
    private TableResult writeRows(Step.Table step, Iterable<?> rows, boolean keepList, Iterator<?> iterator,
                                  Object first, RowLayout layout, long start) throws SQLException {
        Location where = Location.of(step.name());
        Retain retain = step.options().retain();
        TableCursor cursor;
        try {
            cursor = new TableCursor(step.name(), step.table(), first, iterator, layout,
                    step.options().constants(), retain, keepList, options.listener(), options.progressInterval(),
                    token, rows instanceof List<?> list ? list : null);
        } catch (IllegalArgumentException e) {
            throw new SeedException(where.row(1), e.getMessage(), e);
        }
        Inserter tableInserter = layout.inserter(inserter);
        InsertStats stats = tableInserter.insert(connection, cursor, options);
        if (!cursor.exhausted()) {
            throw new SeedException(where.row(cursor.rowNumber()), "the inserter " + tableInserter.getClass().getName()
                    + " returned before reading every row", null);
        }
        store = store.withTable(step.name(), keepList ? Collections.unmodifiableList((List<?>) rows)
                : cursor.retained(), retain);
        return new TableResult(step.name(), stats.rows(), stats.skipped(), stats.bytes(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Has the inserter check the deferred constraints: in the caller's transaction inside a savepoint
     * rolled back afterwards (the caller's constraint mode and pending checks as they were); in the
     * seed's own directly, so that the checks done count for the commit, one round trip instead of
     * three (the inserter guards a statement the database may refuse: {@link Inserter}).
     */
    private void checkDeferred(List<TableResult> results, boolean callers) throws SQLException {
        Savepoint check = callers ? connection.setSavepoint() : null;
        try {
            inserter.checkDeferredConstraints(connection, results, options);
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && state.startsWith("23")) {
                throw new SeedException(Location.of(current), "a deferred constraint failed when Blink checked them at "
                        + "the end of the seed (SET CONSTRAINTS ALL IMMEDIATE): " + Values.cut(String.valueOf(e.getMessage()))
                        + " [SQLSTATE " + state + "]", e);
            }
            throw e;
        }
        if (check != null) {
            connection.rollback(check);
            connection.releaseSavepoint(check);
        }
    }

    private static void close(Object source) throws Exception {
        if (source instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static void closeQuietly(Object source, Throwable failure) {
        try {
            close(source);
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Rolls back; once more if a cancel request sent for the seed reached the rollback itself
     * (the server cancels whatever statement runs when the request arrives).
     */
    private void rollBack(Savepoint savepoint, Throwable failure, boolean cancelSent) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (savepoint == null) {
                    connection.rollback();
                } else {
                    connection.rollback(savepoint);
                }
                return;
            } catch (SQLException e) {
                if (!(cancelSent && attempt == 1 && QUERY_CANCELED.equals(e.getSQLState()))) {
                    failure.addSuppressed(e);
                    return;
                }
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
                return;
            }
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection: the failure being thrown (if any) already says so
        }
    }

    private RuntimeException translate(Throwable failure) {
        if (failure instanceof StoppedException stopped) {
            return stopped;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        Location where = failure instanceof SeedException seed ? seed.location() : Location.of(current);
        if (QUERY_CANCELED.equals(sqlState(failure))) {
            if (token.cancelled()) {
                return Stops.cancelled(where, failure);
            }
            if (!options.statementTimeout().isZero()) {
                return Stops.timeout(where, options.statementTimeout(), failure);
            }
        }
        if (failure instanceof BlinkException blink) {
            return blink;
        }
        if (failure instanceof SQLException sql) {
            return new SeedException(where, "the database rejected the seed: " + Values.cut(sql.getMessage())
                    + (sql.getSQLState() == null ? "" : " [SQLSTATE " + sql.getSQLState() + "]"), sql);
        }
        return new SeedException(where, "seeding failed: " + failure, failure);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
