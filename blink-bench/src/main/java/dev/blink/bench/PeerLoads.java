package dev.blink.bench;

import de.bytefish.pgbulkinsert.PgBulkInsert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.postgresql.PGConnection;

/**
 * How the peers load a table's rows, one transaction per load: one home for the JMH grid
 * ({@link LoadBenchmark}) and the interleaved run ({@link Rounds}), so both measure the same code.
 */
final class PeerLoads {

    /** Rows per JDBC batch, per multi-row INSERT and per Hibernate flush. */
    static final int CHUNK = 1000;

    private PeerLoads() {
    }

    /** Work on a connection inside {@link #inTransaction}. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction, committed if it returns, rolled back if it throws; autocommit on after. */
    static void inTransaction(Connection connection, Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** PgBulkInsert 8: binary COPY through the table's hand-written mapping. */
    static void pgBulkInsert(Connection connection, BenchTable table, List<?> records) throws SQLException {
        inTransaction(connection, () -> {
            PGConnection pg = connection.unwrap(PGConnection.class);
            if (table == BenchTable.USERS) {
                new PgBulkInsert<>(new BenchTable.UsersMapping()).saveAll(pg, LoadBenchmark.castList(records, UserRow.class));
            } else {
                new PgBulkInsert<>(new BenchTable.NarrowMapping()).saveAll(pg, LoadBenchmark.castList(records, NarrowRow.class));
            }
        });
    }

    /** A prepared INSERT, {@value #CHUNK} rows per {@code executeBatch} (pgjdbc rewrites them if the connection asks). */
    static void jdbcBatch(Connection connection, BenchTable table, List<?> records) throws SQLException {
        inTransaction(connection, () -> {
            try (PreparedStatement insert = connection.prepareStatement(table.insertSql(1))) {
                int pending = 0;
                for (Object row : records) {
                    table.bind(insert, 1, row);
                    insert.addBatch();
                    if (++pending == CHUNK) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /** Hibernate {@code Session.persist}, flushed and cleared every {@value #CHUNK} entities. */
    static void persist(SessionFactory factory, List<?> entities) {
        try (Session session = factory.openSession()) {
            Transaction transaction = session.beginTransaction();
            int pending = 0;
            for (Object entity : entities) {
                session.persist(entity);
                if (++pending == CHUNK) {
                    session.flush();
                    session.clear();
                    pending = 0;
                }
            }
            transaction.commit();
        }
    }
}
