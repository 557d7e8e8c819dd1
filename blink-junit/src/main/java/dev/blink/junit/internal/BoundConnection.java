package dev.blink.junit.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import javax.sql.DataSource;

/**
 * One connection in a transaction that the extension owns, handed out as handles: a handle's
 * {@code close()} closes only the handle, {@code commit()} and {@code setAutoCommit(true)} are
 * refused (the transaction is rolled back after the test, or committed by the extension after the
 * seed), and {@code rollback()} goes back to the seed, once the seed is in.
 */
public final class BoundConnection {

    private final Connection connection;
    private final String refusal;
    private volatile Savepoint seed;

    /**
     * @param connection a connection with autocommit off
     * @param refusal why commits are refused, and the fix, for the messages
     */
    public BoundConnection(Connection connection, String refusal) {
        this.connection = connection;
        this.refusal = refusal;
    }

    /** The connection itself, for the extension. */
    public Connection connection() {
        return connection;
    }

    /** Marks the seed as in: from now on a handle's {@code rollback()} rolls back to here. */
    public void seeded() throws SQLException {
        seed = connection.setSavepoint();
    }

    /**
     * A DataSource whose every connection is a new {@link #handle()}: the test's transaction has
     * one connection, whatever user a caller asks for.
     */
    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> handle();
                    case "unwrap" -> {
                        if (((Class<?>) args[0]).isInstance(proxy)) {
                            yield proxy;
                        }
                        throw new SQLException("Not a wrapper for " + args[0]);
                    }
                    case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy);
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "the test's transaction on " + connection;
                    case "getLoginTimeout" -> 0;
                    case "getLogWriter", "setLogWriter", "setLoginTimeout" -> null;
                    default -> throw new SQLFeatureNotSupportedException(method.getName() + " is not supported by "
                            + "the test's DataSource");
                });
    }

    /** A new handle on the connection; closing it leaves the connection open. */
    public Connection handle() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Handle());
    }

    private final class Handle implements InvocationHandler {
        private volatile boolean closed;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int arity = args == null ? 0 : args.length;
            switch (name) {
                case "close":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed || connection.isClosed();
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "handle on " + connection + (closed ? " (closed)" : "");
                default:
                    break;
            }
            if (closed) {
                throw new SQLException("This connection handle is closed; ask the DataSource for another", "08003");
            }
            if (name.equals("commit")) {
                throw new SQLException("commit() refused: " + refusal, "25000");
            }
            if (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0])) {
                throw new SQLException("setAutoCommit(true) refused (it would commit): " + refusal, "25000");
            }
            if (name.equals("rollback") && arity == 0) {
                Savepoint to = seed;
                if (to == null) {
                    throw new SQLException("rollback() refused while the seed runs: the extension rolls the seed's "
                            + "transaction back if the seed fails", "25000");
                }
                connection.rollback(to);
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
