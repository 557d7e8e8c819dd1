package dev.blink.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.ByteStreamWriter;

/**
 * A real connection whose {@code COPY … FROM STDIN} goes nowhere: everything else (the catalog,
 * transactions) reaches the server, but the bytes that a COPY client writes are counted and
 * dropped. Any client that gets its copy API as {@code unwrap(PGConnection.class).getCopyAPI()}
 * (Blink, PgBulkInsert) then runs its whole encoding path with nothing on the wire, which measures
 * its client CPU alone.
 */
final class NullSink {

    private NullSink() {
    }

    /**
     * Wraps {@code connection}; each COPY's {@code endCopy()} reports {@code rows} rows, as the
     * server would after loading them.
     */
    static Connection wrap(Connection connection, long rows, long[] bytes) throws SQLException {
        BaseConnection base = connection.unwrap(BaseConnection.class);
        CopyManager copyApi = new CopyManager(base) {
            @Override
            public CopyIn copyIn(String sql) {
                return new DiscardingCopyIn(rows, bytes);
            }
        };
        PGConnection pg = (PGConnection) Proxy.newProxyInstance(NullSink.class.getClassLoader(),
                new Class<?>[] {PGConnection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCopyAPI")) {
                        return copyApi;
                    }
                    return invoke(method, base, args);
                });
        return (Connection) Proxy.newProxyInstance(NullSink.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("unwrap") && args[0] == PGConnection.class) {
                        return pg;
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Counts the bytes written and drops them. */
    private static final class DiscardingCopyIn implements CopyIn {
        private final long rows;
        private final long[] bytes;
        private boolean active = true;

        DiscardingCopyIn(long rows, long[] bytes) {
            this.rows = rows;
            this.bytes = bytes;
        }

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            bytes[0] += siz;
        }

        @Override
        public void writeToCopy(ByteStreamWriter from) {
            bytes[0] += from.getLength();
        }

        @Override
        public void flushCopy() {
            // nothing is buffered
        }

        @Override
        public long endCopy() {
            active = false;
            return rows;
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 1;
        }

        @Override
        public int getFieldFormat(int field) {
            return 1;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void cancelCopy() {
            active = false;
        }

        @Override
        public long getHandledRowCount() {
            return active ? 0 : rows;
        }
    }
}
