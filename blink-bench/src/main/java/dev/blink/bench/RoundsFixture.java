package dev.blink.bench;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Retain;
import dev.blink.TableOptions;
import dev.blink.files.Csv;
import dev.blink.jpa.JpaTables;
import dev.blink.pg.PgCopyInserter;
import dev.blink.pg.PgIndexRebuild;
import dev.blink.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The run's database, connections and inputs, and the methods of each case. Every method loads the
 * same rows: records, the same rows as maps, as JPA entities, as a CSV file, and as the binary COPY
 * bytes that the ceiling sends.
 */
final class RoundsFixture implements AutoCloseable {

    /** The ceiling's name: the same pre-encoded binary COPY bytes, sent from the client. */
    static final String CEILING = "ceiling";
    /** {@code bench_users} with three secondary indexes. */
    static final String INDEXED = "bench_users_indexed";

    private final TestDatabase database;
    private final Path files;
    /** Autocommit on; every method but JDBC batches and Hibernate loads through it. */
    private final Connection connection;
    /** With {@code reWriteBatchedInserts=true}, for JDBC batches. */
    private final Connection rewrite;
    /** Hibernate over one pooled connection (so its backend is known), with batch rewriting. */
    private final SessionFactory hibernate;
    private final int pid;
    private final int rewritePid;
    private final int hibernatePid;

    RoundsFixture(TestDatabase database, Path files) throws SQLException, IOException {
        this.database = database;
        this.files = files;
        Files.createDirectories(files);
        database.execute(BenchTable.USERS.ddl());
        database.execute(BenchTable.NARROW.ddl());
        database.execute(BenchTable.USERS.ddl().replace("bench_users", INDEXED));
        database.execute("CREATE INDEX ON " + INDEXED + " (email)");
        database.execute("CREATE INDEX ON " + INDEXED + " (age, score)");
        database.execute("CREATE INDEX ON " + INDEXED + " (created_at)");
        for (String ddl : SmallSeeds.ddl()) {
            database.execute(ddl);
        }
        connection = database.connect();
        rewrite = LoadState.connect(database, true);
        hibernate = Fixtures.EntityRows.sessionFactory(LoadState.url(database, true), database.user(), database.password(), 1);
        pid = Rounds.backendPid(connection);
        rewritePid = Rounds.backendPid(rewrite);
        hibernatePid = Rounds.backendPid(hibernate);
    }

    /**
     * The case of one large table: {@code table} with the columns and rows of {@code shape}.
     *
     * @param peers true for the grid's own tables: every method and peer; false for the indexed
     *     table: the ceiling (a plain COPY into it), Blink's records as they are, and records and the
     *     CSV file loaded as one fills a table from empty (truncate, index rebuild, FREEZE)
     */
    RoundsCase bigTable(String table, BenchTable shape, int rows, boolean peers) throws SQLException, IOException {
        List<?> records = shape.records(rows);
        Path csv = files.resolve(table + ".csv");
        shape.writeCsv(records, csv);
        byte[] binary = binaryCopy(table, csv);
        String columns = String.join(", ", shape.columns());

        List<RoundsMethod> methods = new ArrayList<>();
        methods.add(new RoundsMethod(CEILING, "client-sent binary COPY of pre-encoded bytes (the ceiling)", () -> pid,
                repeat -> sendBinary(table, binary)));
        methods.add(new RoundsMethod("blinkRecords", "Blink, records", () -> pid, repeat -> Blink.plan()
                .addTable(table, store -> records, TableOptions.retain(Retain.NONE))
                .insert(connection, InsertOptions.defaults()).rows()));
        if (!peers) {
            // filling the indexed table from empty, as a user would: truncated by the seed, then AUTOMATIC
            // rebuilds its indexes (the table is empty) and the COPY takes FREEZE (truncated in the seed)
            InsertOptions rebuild = InsertOptions.builder().inserter(PgCopyInserter.builder().truncate(table)
                    .rebuildIndexes(PgIndexRebuild.AUTOMATIC).build()).build();
            methods.add(new RoundsMethod("blinkRecordsRebuild", "Blink, records, truncate + rebuildIndexes(AUTOMATIC)",
                    () -> pid, repeat -> Blink.plan()
                            .addTable(table, store -> records, TableOptions.retain(Retain.NONE))
                            .insert(connection, rebuild).rows()));
            methods.add(new RoundsMethod("blinkCsvRebuild", "Blink, CSV file, truncate + rebuildIndexes(AUTOMATIC)",
                    () -> pid, repeat -> Blink.plan()
                            .addTable(table, Csv.from(csv), TableOptions.retain(Retain.NONE))
                            .insert(connection, rebuild).rows()));
            return new RoundsCase(table, rows, 1, "TRUNCATE " + table, "SELECT count(*) FROM " + table, methods);
        }
        List<Map<String, Object>> maps = new ArrayList<>(rows);
        for (Object row : records) {
            maps.add(row instanceof UserRow user ? BenchRows.toMap(user) : BenchRows.toMap((NarrowRow) row));
        }
        methods.add(new RoundsMethod("blinkMaps", "Blink, maps", () -> pid, repeat -> Blink.plan()
                .addTable(table, store -> maps, TableOptions.retain(Retain.NONE))
                .insert(connection, InsertOptions.defaults()).rows()));
        methods.add(new RoundsMethod("blinkCsv", "Blink, CSV file (blink-files)", () -> pid, repeat -> Blink.plan()
                .addTable(table, Csv.from(csv), TableOptions.retain(Retain.NONE))
                .insert(connection, InsertOptions.defaults()).rows()));
        methods.add(new RoundsMethod("copyManagerCsv", "pgjdbc CopyManager, the same CSV file", () -> pid, repeat -> {
            try (InputStream in = Files.newInputStream(csv)) {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
            }
        }));
        List<Object> entities = new ArrayList<>(rows);
        for (Object row : records) {
            entities.add(row instanceof UserRow user ? UserEntity.of(user) : NarrowEntity.of((NarrowRow) row));
        }
        Class<?> entityClass = shape == BenchTable.USERS ? UserEntity.class : NarrowEntity.class;
        JpaTables jpa = JpaTables.from(hibernate);
        methods.add(new RoundsMethod("blinkJpa", "Blink, JPA entities (blink-jpa, callbacks on)", () -> pid,
                repeat -> jpaSeed(jpa, entityClass, entities)));
        methods.add(new RoundsMethod("pgBulkInsert", "PgBulkInsert 8.1.5 (binary COPY)", () -> pid,
                repeat -> {
                    PeerLoads.pgBulkInsert(connection, shape, records);
                    return records.size();
                }));
        methods.add(new RoundsMethod("jdbcBatch", "JDBC batch of 1000, reWriteBatchedInserts", () -> rewritePid,
                repeat -> {
                    // with batch rewriting pgjdbc answers SUCCESS_NO_INFO per row: the count is checked after the load
                    PeerLoads.jdbcBatch(rewrite, shape, records);
                    return records.size();
                }));
        methods.add(new RoundsMethod("hibernatePersist", "Hibernate persist, batch 1000 (callbacks on)", () -> hibernatePid,
                repeat -> {
                    PeerLoads.persist(hibernate, entities);
                    return entities.size();
                }));
        return new RoundsCase(table, rows, 1, "TRUNCATE " + table, "SELECT count(*) FROM " + table, methods);
    }

    /** A small-seed case: Blink, plain JDBC batches and PgBulkInsert, {@code repeats} seeds per measurement. */
    RoundsCase smallSeed(SmallSeeds seeds, int repeats) {
        List<RoundsMethod> methods = List.of(
                new RoundsMethod("blinkRecords", "Blink, records, one plan", () -> pid, repeat -> seeds.blink(connection, repeat)),
                new RoundsMethod("jdbcBatch", "JDBC batch per table, one transaction", () -> pid,
                        repeat -> seeds.jdbcBatch(connection, repeat)),
                new RoundsMethod("pgBulkInsert", "PgBulkInsert per table, one transaction", () -> pid,
                        repeat -> seeds.pgBulkInsert(connection, repeat)));
        return new RoundsCase(seeds.name(), seeds.rowsPerSeed(), repeats, seeds.reset(), seeds.countSql(), methods);
    }

    /** The rows' binary COPY form, as the server writes it: loaded once from the CSV file, copied out. */
    private byte[] binaryCopy(String table, Path csv) throws SQLException, IOException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (InputStream in = Files.newInputStream(csv)) {
            copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Files.size(csv) * 2));
        copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", bytes);
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + table);
        }
        return bytes.toByteArray();
    }

    /** The ceiling: the bytes straight to the driver in 64 KiB writes, nothing encoded. */
    private long sendBinary(String table, byte[] binary) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT binary)");
        try {
            for (int at = 0; at < binary.length; at += 1 << 16) {
                copy.writeToCopy(binary, at, Math.min(1 << 16, binary.length - at));
            }
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private <T> long jpaSeed(JpaTables jpa, Class<T> type, List<Object> entities) {
        List<T> typed = LoadBenchmark.castList(entities, type);
        var plan = Blink.plan();
        jpa.table(type).addTo(plan, store -> typed, TableOptions.retain(Retain.NONE));
        return plan.insert(connection, InsertOptions.defaults()).rows();
    }

    @Override
    public void close() throws SQLException {
        hibernate.close();
        rewrite.close();
        connection.close();
    }
}
