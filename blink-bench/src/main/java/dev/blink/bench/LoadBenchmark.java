package dev.blink.bench;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.Retain;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.files.Csv;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * Loads the same pre-generated rows into an emptied table, one transaction per operation, by every
 * method on one grid ({@code table} × method). Scores are milliseconds per operation; the report
 * turns them into rows/s and MB/s.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
public class LoadBenchmark {

    /** Rows per JDBC batch and per multi-row INSERT (at most 65535 parameters per statement). */
    static final int CHUNK = PeerLoads.CHUNK;

    /** Blink, rows as {@code Map<String, Object>}, default inserter (binary COPY). */
    @Benchmark
    public SeedResult blinkMaps(LoadState load, Fixtures.MapRows rows) {
        return Blink.plan()
                .addTable(load.benchTable.tableName(), store -> rows.maps, TableOptions.retain(Retain.NONE))
                .insert(load.connection, InsertOptions.defaults());
    }

    /** Blink, rows as records, default inserter (binary COPY). */
    @Benchmark
    public SeedResult blinkRecords(LoadState load) {
        return Blink.plan()
                .addTable(load.benchTable.tableName(), store -> load.records, TableOptions.retain(Retain.NONE))
                .insert(load.connection, InsertOptions.defaults());
    }

    /** blink-jpa: the entities mapped by Hibernate's own model, written by Blink (binary COPY). */
    @Benchmark
    public SeedResult blinkJpa(LoadState load, Fixtures.EntityRows rows) {
        return insertEntities(rows, rows.entityClass, load.connection);
    }

    static <T> SeedResult insertEntities(Fixtures.EntityRows rows, Class<T> type, Connection connection) {
        List<T> entities = castList(rows.entities, type);
        Plan plan = Blink.plan();
        rows.jpaTables.table(type).addTo(plan, store -> entities, TableOptions.retain(Retain.NONE));
        return plan.insert(connection, InsertOptions.defaults());
    }

    /** Blink reading the CSV file with blink-files' {@code Csv.from(Path)}, default inserter (binary COPY). */
    @Benchmark
    public SeedResult blinkCsv(LoadState load, Fixtures.CsvFile csv) {
        return Blink.plan()
                .addTable(load.benchTable.tableName(), Csv.from(csv.file), TableOptions.retain(Retain.NONE))
                .insert(load.connection, InsertOptions.defaults());
    }

    /** PgBulkInsert 8: binary COPY through a hand-written mapping. */
    @Benchmark
    public int pgBulkInsert(LoadState load) throws SQLException {
        PeerLoads.pgBulkInsert(load.connection, load.benchTable, load.records);
        return load.rows;
    }

    /** pgjdbc's CopyManager streaming the CSV file to {@code COPY … FROM STDIN (FORMAT csv)}. */
    @Benchmark
    public long copyManagerCsv(LoadState load, Fixtures.CsvFile csv) throws Exception {
        try (InputStream in = Files.newInputStream(csv.file)) {
            return load.connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + load.benchTable.tableName() + " (" + String.join(", ", load.benchTable.columns())
                            + ") FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
        }
    }

    /** A prepared INSERT, {@value #CHUNK} rows per {@code executeBatch}, {@code reWriteBatchedInserts=true}. */
    @Benchmark
    public int jdbcBatch(LoadState load) throws SQLException {
        PeerLoads.jdbcBatch(load.rewriteConnection, load.benchTable, load.records);
        return load.rows;
    }

    /** Ecto's {@code insert_all}: one INSERT with {@value #CHUNK} rows of parameters per statement. */
    @Benchmark
    public int multiRowInsert(LoadState load) throws SQLException {
        Connection connection = load.connection;
        BenchTable table = load.benchTable;
        int perStatement = Math.min(CHUNK, 65_535 / table.columns().size());
        List<?> records = load.records;
        PeerLoads.inTransaction(connection, () -> {
            try (PreparedStatement full = connection.prepareStatement(table.insertSql(perStatement))) {
                int start = 0;
                for (; start + perStatement <= records.size(); start += perStatement) {
                    int p = 1;
                    for (int i = start; i < start + perStatement; i++) {
                        p = table.bind(full, p, records.get(i));
                    }
                    full.executeUpdate();
                }
                if (start < records.size()) {
                    try (PreparedStatement rest = connection.prepareStatement(table.insertSql(records.size() - start))) {
                        int p = 1;
                        for (int i = start; i < records.size(); i++) {
                            p = table.bind(rest, p, records.get(i));
                        }
                        rest.executeUpdate();
                    }
                }
            }
        });
        return load.rows;
    }

    /** Hibernate {@code Session.persist}, JDBC batches of 1000, flush and clear every 1000 entities. */
    @Benchmark
    public int hibernatePersist(Fixtures.EntityRows rows) {
        PeerLoads.persist(rows.sessionFactory, rows.entities);
        return rows.entities.size();
    }

    /** Hibernate {@code StatelessSession.insert}, JDBC batches of 1000. */
    @Benchmark
    public int hibernateStateless(Fixtures.EntityRows rows) {
        try (StatelessSession session = rows.sessionFactory.openStatelessSession()) {
            session.setJdbcBatchSize(CHUNK);
            Transaction transaction = session.beginTransaction();
            for (Object entity : rows.entities) {
                session.insert(entity);
            }
            transaction.commit();
        }
        return rows.entities.size();
    }

    /** The physical limit: the server reads a binary COPY file of the same rows itself. */
    @Benchmark
    public int serverCopyBinary(LoadState load, Fixtures.ServerFile file) throws SQLException {
        try (Statement statement = load.connection.createStatement()) {
            return statement.executeUpdate("COPY " + load.benchTable.tableName() + " FROM '" + file.file + "' (FORMAT binary)");
        }
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> castList(List<?> list, Class<T> type) {
        if (!list.isEmpty() && !type.isInstance(list.get(0))) {
            throw new IllegalArgumentException("expected rows of " + type.getSimpleName());
        }
        return (List<T>) list;
    }
}
