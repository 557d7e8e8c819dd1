package dev.blink.pg;

import dev.blink.InsertOptions;
import dev.blink.SeedException;
import dev.blink.StoppedException;
import dev.blink.TableName;
import dev.blink.TableResult;
import dev.blink.pg.internal.ArrayRows;
import dev.blink.pg.internal.CsvCopy;
import dev.blink.pg.internal.IndexRebuild;
import dev.blink.pg.internal.JsonCopy;
import dev.blink.pg.internal.SeedCatalog;
import dev.blink.pg.internal.SeedCatalogs;
import dev.blink.pg.internal.Sequences;
import dev.blink.pg.internal.ServerErrors;
import dev.blink.pg.internal.StatementTimeout;
import dev.blink.pg.internal.TableCopy;
import dev.blink.pg.internal.Truncations;
import dev.blink.spi.CsvInput;
import dev.blink.spi.InsertStats;
import dev.blink.spi.JsonInput;
import dev.blink.spi.Inserter;
import dev.blink.spi.TableInput;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The default {@link Inserter}: PostgreSQL's binary {@code COPY … FROM STDIN} through pgjdbc's
 * copy API. Found on the class path by {@code Blink.plan()…insert(dataSource)}, or passed
 * explicitly with options:
 *
 * <pre>{@code
 * PgCopyInserter inserter = PgCopyInserter.builder()
 *     .truncate("posts", "users")          // TRUNCATE … RESTART IDENTITY before the seed
 *     .resetSequences(true)                // serial/identity sequences to max(id) after it
 *     .onConflict("users", PgOnConflict.doUpdate("email"))
 *     .encoder(PgEncoder.converting("numeric", Money.class, Money::amount))
 *     .rebuildIndexes(PgIndexRebuild.AUTOMATIC) // drop and recreate indexes around a COPY into an empty table
 *     .build();
 * Blink.plan(seeder).addTable("users").insert(dataSource,
 *     InsertOptions.builder().inserter(inserter).build());
 * }</pre>
 *
 * <p>The columns and types of all of a seed's tables are read from the catalog in one query before
 * its first step, and kept for that seed only (a table that an earlier step creates, or whose
 * columns it adds, is read again when its turn comes); one encoder is chosen per
 * column (by PostgreSQL type and the Java class of its values) before the rows are written through
 * one reusable buffer. Every column also takes a String in PostgreSQL's text form, which the
 * server's own input function reads: a table whose first row gives a typed column such a String
 * is sent as COPY text instead of binary. On any error the COPY is cancelled, never ended, so no
 * partial table is ever committed.
 *
 * <p>A COPY stops early when its statement timeout passes (measured on the client as well as by the
 * server), when the server has failed it (a bad row: its error is read between chunks, not only at
 * the end), when the seed's thread is interrupted or its {@link dev.blink.Cancellation} cancelled.
 * The seed's {@code statement_timeout} holds for Blink's own statements only: the session's value is
 * put back after them.
 *
 * <p>Two options speed up loading into tables that a seed fills from empty:
 * {@link Builder#rebuildIndexes(PgIndexRebuild)} (drop secondary indexes and foreign keys before a
 * table's COPY, recreate them after it) and {@link Builder#copyFreeze(boolean)} ({@code COPY … FREEZE}
 * after this inserter's own truncation, on by default). Its options are immutable; its state is,
 * per connection, the catalog read for the running seed and the tables that seed truncated, dropped
 * when the seed ends. Thread-safe: concurrent seeds on different connections may share one instance.
 */
public final class PgCopyInserter implements Inserter {

    private static final PgCopyInserter DEFAULT = new Builder().build();

    private final List<TableName> truncate;
    private final boolean cascade;
    private final boolean resetSequences;
    private final PgOnConflict onConflict;
    private final Map<TableName, PgOnConflict> onConflictByTable;
    private final List<PgEncoder<?>> encoders;
    /** The catalog entries of each running seed, by connection: the one state, per seed, never across seeds. */
    private final SeedCatalogs seeds = new SeedCatalogs();
    private final PgIndexRebuild rebuild;
    private final Map<TableName, PgIndexRebuild> rebuildByTable;
    private final boolean copyFreeze;
    private final Truncations truncations = new Truncations();

    private PgCopyInserter(Builder builder) {
        this.truncate = List.copyOf(builder.truncate);
        this.cascade = builder.cascade;
        this.resetSequences = builder.resetSequences;
        this.onConflict = builder.onConflict;
        this.onConflictByTable = Collections.unmodifiableMap(new LinkedHashMap<>(builder.onConflictByTable));
        List<PgEncoder<?>> lastFirst = new ArrayList<>(builder.encoders);
        Collections.reverse(lastFirst);
        this.encoders = List.copyOf(lastFirst);
        this.rebuild = builder.rebuild;
        this.rebuildByTable = Collections.unmodifiableMap(new LinkedHashMap<>(builder.rebuildByTable));
        this.copyFreeze = builder.copyFreeze;
    }

    /** The inserter with default options: no truncation, no sequence reset, plain COPY, built-in encoders. */
    public static PgCopyInserter create() {
        return DEFAULT;
    }

    /** A builder for an inserter with options. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Copies rows into one table with the default options, the twin of Elixir Blink's
     * {@code copy_to_table}: {@code COPY table (columns) FROM STDIN (FORMAT binary)}, each row an
     * array of values in {@code columns} order. Runs on the caller's connection and transaction: with
     * autocommit on, the COPY is one statement that commits whole or not at all; with autocommit
     * off, a failure leaves the caller's transaction to roll back.
     *
     * <pre>{@code
     * long written = PgCopyInserter.copy(connection, "users", List.of("id", "name"),
     *     List.of(new Object[] {1, "Ada"}, new Object[] {2, "Grace"}));
     * }</pre>
     *
     * @param table the table, as {@link TableName#parse} reads it ({@code users}, {@code app."Order"})
     * @return the number of rows written
     * @throws IllegalArgumentException if no column is named
     * @throws dev.blink.ValueException if a value does not fit its column
     * @throws SeedException if the server rejects the rows, with the row number where it names one
     */
    public static long copy(Connection connection, String table, List<String> columns, Iterable<Object[]> rows) {
        return DEFAULT.copyRows(connection, table, columns, rows);
    }

    /**
     * Like {@link #copy}, with this inserter's encoders and on-conflict option for the table (run in a
     * transaction of its own when autocommit is on, since it takes more than one statement).
     *
     * @return the number of rows written: inserted, or updated by {@code DO UPDATE}; rows that
     *     {@code DO NOTHING} skips are not counted
     */
    public long copyRows(Connection connection, String table, List<String> columns, Iterable<Object[]> rows) {
        Objects.requireNonNull(connection, "null connection");
        Objects.requireNonNull(table, "null table");
        Objects.requireNonNull(columns, "null columns");
        Objects.requireNonNull(rows, "null rows");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Name at least one column of " + table + " to copy into");
        }
        TableName name = TableName.parse(table);
        PgOnConflict conflict = onConflictFor(name);
        boolean own = false;
        try {
            own = conflict != null && connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            long written = TableCopy.copy(connection, new ArrayRows(table, name, List.copyOf(columns), rows),
                    encoders, conflict, Duration.ZERO, SeedCatalog.NONE, false).rows();
            if (own) {
                connection.commit();
            }
            return written;
        } catch (SQLException e) {
            rollBack(connection, own, e);
            throw ServerErrors.translate(e, table, name, false);
        } catch (RuntimeException | Error e) {
            rollBack(connection, own, e);
            if (e instanceof StoppedException stopped && stopped.reason() == StoppedException.Reason.INTERRUPT) {
                Thread.currentThread().interrupt(); // cleared by ArrayRows for the rollback
            }
            throw e;
        } finally {
            if (own) {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // a broken connection; the error thrown already says so
                }
            }
        }
    }

    private static void rollBack(Connection connection, boolean own, Throwable failure) {
        if (own) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private PgOnConflict onConflictFor(TableName table) {
        return onConflictByTable.getOrDefault(table, onConflict);
    }

    @Override
    public InsertStats insert(Connection connection, TableInput input, InsertOptions options) throws SQLException {
        checkArguments(connection, input, options);
        return load(connection, input.table(), input.location().table(), options, true,
                (conflict, timeout, seed, freeze) -> TableCopy.copy(connection, input, encoders, conflict, timeout, seed,
                        freeze));
    }

    /**
     * Streams a CSV file's text to {@code COPY … FROM STDIN (FORMAT csv, …)}: PostgreSQL's own CSV
     * reader and input functions decide every value.
     */
    @Override
    public Optional<InsertStats> insertCsv(Connection connection, CsvInput input, InsertOptions options)
            throws SQLException {
        checkArguments(connection, input, options);
        return Optional.of(load(connection, input.table(), input.location(0).table(), options, true,
                (conflict, timeout, seed, freeze) -> CsvCopy.copy(connection, input, conflict, timeout, seed, freeze)));
    }

    /**
     * Hands a JSON file's objects to PostgreSQL's {@code json_populate_record}: the server decides
     * what every JSON value means for its column.
     */
    @Override
    public Optional<InsertStats> insertJson(Connection connection, JsonInput input, InsertOptions options)
            throws SQLException {
        checkArguments(connection, input, options);
        return Optional.of(load(connection, input.table(), input.location(0, 0).table(), options, false,
                (conflict, timeout, seed, freeze) -> JsonCopy.copy(connection, input, conflict, timeout, seed)));
    }

    /** Forgets what the connection's seed left here: its catalog entries and its truncations. */
    private void endSeed(Connection connection) {
        seeds.end(connection);
        truncations.forget(connection);
    }

    /** One table's COPY, given its on-conflict rule, timeout, the seed's catalog and whether it may add {@code FREEZE}. */
    @FunctionalInterface
    private interface Load {
        InsertStats copy(PgOnConflict conflict, Duration timeout, SeedCatalog seed, boolean freeze) throws SQLException;
    }

    /**
     * Runs one table's COPY under the statement timeout: with FREEZE if this seed truncated the
     * table in the current (sub)transaction and the server would accept it, between the drop and
     * the recreation of its indexes and foreign keys if the table's {@link PgIndexRebuild} asks for
     * it. A failure ends the seed here (the inserter is not told of it later).
     *
     * @param freezable whether the load is a COPY into the table itself that can take FREEZE
     */
    private InsertStats load(Connection connection, TableName table, String step, InsertOptions options,
                             boolean freezable, Load load) throws SQLException {
        Duration timeout = options.statementTimeout();
        PgOnConflict conflict = onConflictFor(table);
        SeedCatalog seed = seeds.of(connection);
        try {
            return StatementTimeout.around(connection, timeout, () -> {
                boolean freeze = freezable && copyFreeze && conflict == null && truncations.freezable(connection, table);
                IndexRebuild rebuild = IndexRebuild.prepare(connection, table, step,
                        rebuildByTable.getOrDefault(table, this.rebuild), conflict != null);
                boolean dropped = rebuild.drop(connection);
                InsertStats stats = load.copy(conflict, timeout, seed, freeze);
                if (dropped) {
                    rebuild.recreate(connection);
                }
                return stats;
            });
        } catch (SQLException | RuntimeException | Error e) {
            endSeed(connection);
            throw e;
        }
    }

    private static void checkArguments(Connection connection, Object input, InsertOptions options) {
        Objects.requireNonNull(connection, "null connection");
        Objects.requireNonNull(input, "null input");
        Objects.requireNonNull(options, "null options");
    }

    /**
     * Truncates the listed tables, then reads the columns and types of every table of the plan in one
     * query, kept for this seed only (under the statement timeout).
     */
    @Override
    public void beforeSeed(Connection connection, List<TableName> tables, InsertOptions options) throws SQLException {
        Objects.requireNonNull(connection, "null connection");
        Objects.requireNonNull(tables, "null tables");
        Objects.requireNonNull(options, "null options");
        endSeed(connection);
        if (truncate.isEmpty() && tables.isEmpty()) {
            return;
        }
        StatementTimeout.around(connection, options.statementTimeout(), () -> {
            if (!truncate.isEmpty()) {
                truncate(connection);
                if (copyFreeze) {
                    truncations.record(connection, truncate);
                }
            }
            seeds.begin(connection, tables);
            return null;
        });
    }

    private void truncate(Connection connection) {
        StringJoiner names = new StringJoiner(", ", "TRUNCATE TABLE ", " RESTART IDENTITY" + (cascade ? " CASCADE" : ""));
        for (TableName table : truncate) {
            names.add(table.toSql());
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(names.toString());
        } catch (SQLException e) {
            throw new SeedException(dev.blink.Location.of(truncate.get(0).toString()), "truncating " + truncate
                    + " failed: " + e.getMessage() + (cascade ? "" : ". If other tables reference them, list those "
                    + "too, or use truncateCascade()") + " [SQLSTATE " + e.getSQLState() + "]", e);
        }
    }

    /**
     * Resets the sequences owned by each inserted table's columns to the column's maximum, if asked
     * (under the statement timeout).
     */
    @Override
    public void afterSeed(Connection connection, List<TableResult> results, InsertOptions options) throws SQLException {
        endSeed(connection);
        if (resetSequences) {
            List<String> steps = new ArrayList<>(results.size());
            for (TableResult result : results) {
                steps.add(result.table());
            }
            StatementTimeout.around(connection, options.statementTimeout(), () -> {
                Sequences.reset(connection, steps);
                return null;
            });
        }
    }

    /**
     * Checks the deferred constraints ({@code SET CONSTRAINTS ALL IMMEDIATE}, under the statement
     * timeout); a violation names the table whose rows break it and the key, and any error of the
     * check fails the seed (PostgreSQL knows the statement, so an error is a deferred trigger's).
     */
    @Override
    public boolean checkDeferredConstraints(Connection connection, List<TableResult> results, InsertOptions options)
            throws SQLException {
        return StatementTimeout.around(connection, options.statementTimeout(), () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET CONSTRAINTS ALL IMMEDIATE");
            } catch (SQLException e) {
                String step = stepOf(e, results);
                throw ServerErrors.deferred(e, step, TableName.parse(step));
            }
            return true;
        });
    }

    /** The step of the table a server error names, or the last step. */
    private static String stepOf(SQLException e, List<TableResult> results) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server != null && server.getTable() != null) {
            for (TableResult result : results) {
                TableName name = TableName.parse(result.table());
                if (name.name().equals(server.getTable())
                        && name.schema().map(s -> s.equals(server.getSchema())).orElse(true)) {
                    return result.table();
                }
            }
        }
        return results.isEmpty() ? "the seed" : results.get(results.size() - 1).table();
    }

    /** Sends PostgreSQL's cancel request for the connection's running statement. */
    @Override
    public void cancel(Connection connection) throws SQLException {
        connection.unwrap(PGConnection.class).cancelQuery();
    }

    @Override
    public String toString() {
        return "PgCopyInserter[truncate=" + truncate + (cascade ? " cascade" : "") + ", resetSequences=" + resetSequences
                + ", onConflict=" + (onConflict == null ? "none" : onConflict) + ", byTable=" + onConflictByTable
                + ", encoders=" + encoders.size() + ", rebuildIndexes=" + rebuild + ", byTable=" + rebuildByTable
                + ", copyFreeze=" + copyFreeze + "]";
    }

    /** Builds a {@link PgCopyInserter}; mutable, for one thread. */
    public static final class Builder {
        private final List<TableName> truncate = new ArrayList<>();
        private boolean cascade;
        private boolean resetSequences;
        private PgOnConflict onConflict;
        private final Map<TableName, PgOnConflict> onConflictByTable = new LinkedHashMap<>();
        private final List<PgEncoder<?>> encoders = new ArrayList<>();
        private PgIndexRebuild rebuild = PgIndexRebuild.NEVER;
        private final Map<TableName, PgIndexRebuild> rebuildByTable = new LinkedHashMap<>();
        private boolean copyFreeze = true;

        private Builder() {
        }

        /**
         * Truncates these tables ({@code TRUNCATE … RESTART IDENTITY}) in the seed's transaction before
         * its first step. Names as {@link TableName#parse} reads them.
         */
        public Builder truncate(String... tables) {
            Objects.requireNonNull(tables, "null tables");
            for (String table : tables) {
                truncate.add(TableName.parse(table));
            }
            return this;
        }

        /** Adds {@code CASCADE} to the truncation: tables that reference the listed ones are emptied too. */
        public Builder truncateCascade() {
            this.cascade = true;
            return this;
        }

        /**
         * After the last table, sets every sequence owned by an inserted table's column (serial,
         * identity) to that column's maximum, so that later inserts get the next id.
         */
        public Builder resetSequences(boolean reset) {
            this.resetSequences = reset;
            return this;
        }

        /** What every table does with colliding rows (a table's own setting wins). */
        public Builder onConflict(PgOnConflict onConflict) {
            this.onConflict = Objects.requireNonNull(onConflict, "null onConflict");
            return this;
        }

        /** What one table does with colliding rows. */
        public Builder onConflict(String table, PgOnConflict onConflict) {
            Objects.requireNonNull(table, "null table");
            onConflictByTable.put(TableName.parse(table), Objects.requireNonNull(onConflict, "null onConflict"));
            return this;
        }

        /**
         * Whether every table's secondary indexes and foreign keys are dropped before its COPY and
         * recreated after it, in the seed's transaction (a table's own setting wins). Default
         * {@link PgIndexRebuild#NEVER}: the drop locks the table against readers until the seed ends,
         * which a default must not do; see {@link PgIndexRebuild} for what is rebuilt and when.
         */
        public Builder rebuildIndexes(PgIndexRebuild rebuild) {
            this.rebuild = Objects.requireNonNull(rebuild, "null rebuild");
            return this;
        }

        /** Whether one table's secondary indexes and foreign keys are rebuilt around its COPY. */
        public Builder rebuildIndexes(String table, PgIndexRebuild rebuild) {
            Objects.requireNonNull(table, "null table");
            rebuildByTable.put(TableName.parse(table), Objects.requireNonNull(rebuild, "null rebuild"));
            return this;
        }

        /**
         * Whether the COPY into a table that {@link #truncate} emptied in this seed adds {@code FREEZE}
         * (default true): its rows are written frozen and marked all-visible, so no later
         * {@code VACUUM} rewrites every page to freeze them. Only where PostgreSQL accepts it: the
         * truncation and the COPY in the same (sub)transaction, a plain table (not partitioned, not a
         * partition), no on-conflict rule, no open cursor on the connection and pgjdbc's
         * {@code autosave} off; otherwise the COPY runs without it. Like the truncation itself (which
         * is not MVCC-safe either), frozen rows are visible to transactions whose snapshot predates
         * the seed's commit.
         */
        public Builder copyFreeze(boolean freeze) {
            this.copyFreeze = freeze;
            return this;
        }

        /** Adds an encoder, asked before the built-in ones and before encoders added earlier. */
        public Builder encoder(PgEncoder<?> encoder) {
            encoders.add(Objects.requireNonNull(encoder, "null encoder"));
            return this;
        }

        /**
         * Builds the inserter.
         *
         * @throws IllegalArgumentException for {@code truncateCascade()} without tables to truncate
         */
        public PgCopyInserter build() {
            if (cascade && truncate.isEmpty()) {
                throw new IllegalArgumentException("truncateCascade() needs tables: add them with truncate(\"t\", …)");
            }
            return new PgCopyInserter(this);
        }
    }
}
