package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.SeedException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server connection dies in the middle of a large COPY: a clear error, and nothing committed. */
class FaultTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final int KILL_AT = 20_000;
    private static final int AT_MOST = 3_000_000;

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("DROP TABLE IF EXISTS big; CREATE TABLE big (id bigint, payload text)");
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Rows that, at row {@link #KILL_AT}, terminate the backend from another connection. */
    private <R> Iterable<R> killingRows(int pid, java.util.function.IntFunction<R> row) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < AT_MOST;
            }

            @Override
            public R next() {
                if (next >= AT_MOST) {
                    throw new NoSuchElementException();
                }
                if (++next == KILL_AT) {
                    try (Connection other = db.connect(); Statement statement = other.createStatement()) {
                        statement.execute("SELECT pg_terminate_backend(" + pid + ")");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return row.apply(next);
            }
        };
    }

    @Test
    void failsClearlyAndCommitsNothingWhenTheBackendIsTerminatedDuringASeed() throws Exception {
        try (Connection connection = db.connect()) {
            int pid = backendPid(connection);
            SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                    .addTable("big", store -> killingRows(pid, i -> Map.of("id", (long) i, "payload", "row " + i)))
                    .insert(connection, InsertOptions.defaults()));
            assertTrue(e.sqlState().orElseThrow().startsWith("08"), e.getMessage());
            assertTrue(e.getMessage().contains("the connection to the database broke during the COPY into big"),
                    e.getMessage());
        }
        assertEquals(0L, db.count("big"));
    }

    @Test
    void commitsNothingWhenTheBackendIsTerminatedDuringALowLevelCopyInAutocommit() throws Exception {
        Connection connection = db.connect();
        int pid = backendPid(connection);
        SeedException e = assertThrows(SeedException.class, () -> PgCopyInserter.copy(connection, "big",
                java.util.List.of("id", "payload"), killingRows(pid, i -> new Object[] {(long) i, "row " + i})));
        assertTrue(e.sqlState().orElseThrow().startsWith("08"), e.getMessage());
        try {
            connection.close();
        } catch (SQLException expected) {
            // the socket is gone: pgjdbc cannot say goodbye
        }
        assertEquals(0L, db.count("big"));
    }
}
