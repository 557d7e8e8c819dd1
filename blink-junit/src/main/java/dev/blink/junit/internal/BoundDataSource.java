package dev.blink.junit.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A DataSource whose every connection is a new handle on one {@link BoundConnection}. */
public final class BoundDataSource implements DataSource {

    private final BoundConnection bound;
    private int loginTimeout;

    /** Hands out handles on {@code bound}. */
    public BoundDataSource(BoundConnection bound) {
        this.bound = bound;
    }

    @Override
    public Connection getConnection() {
        return bound.handle();
    }

    /** The same transaction's connection: the test's transaction has one user. */
    @Override
    public Connection getConnection(String user, String password) {
        return bound.handle();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing to log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "the test's transaction on " + bound.connection();
    }
}
