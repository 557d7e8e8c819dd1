package dev.blink.jpa.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A statement that keeps the one parameter a Hibernate {@code ValueBinder} sets on it, so that Blink
 * writes what Hibernate would send: every {@code set…(int, …)} records its value (streams read in
 * full, a {@code setNull} as null, the calendar of a date or time), LOB and locator setters are
 * refused, and any other call fails, since a binder has no reason to make it. A plain class, not a
 * {@link Proxy}: it is called once per value of every row, and a proxy boxes its arguments into an
 * array and dispatches by method name on each call. One instance per column, used by one thread.
 */
final class RecordingStatement implements PreparedStatement {

    private Object value;
    private Calendar calendar;
    private boolean bound;
    private Connection connection;

    /** Forgets the last value, before a binder is called. */
    void reset() {
        value = null;
        calendar = null;
        bound = false;
    }

    /** Whether the binder set a parameter since {@link #reset()}. */
    boolean bound() {
        return bound;
    }

    /** The value the binder set. */
    Object value() {
        return value;
    }

    /** The calendar the binder gave with a date, time or timestamp, or null. */
    Calendar calendar() {
        return calendar;
    }

    private void record(Object x) {
        bound = true;
        value = x;
    }

    private void record(Object x, Calendar cal) {
        record(x);
        if (cal != null) {
            calendar = cal;
        }
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        record(x instanceof RecordedArray array ? array.elements() : x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int a2) throws SQLException {
        throw locator("setAsciiStream");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long a2) throws SQLException {
        throw locator("setAsciiStream");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        throw locator("setAsciiStream");
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        record(x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int a2) throws SQLException {
        record(read(x));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long a2) throws SQLException {
        record(read(x));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        record(read(x));
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x, long a2) throws SQLException {
        throw locator("setBlob");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x) throws SQLException {
        throw locator("setBlob");
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        throw locator("setBlob");
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        record(x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        record(x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        record(x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int a2) throws SQLException {
        record(read(reader));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long a2) throws SQLException {
        record(read(reader));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        record(read(reader));
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long a2) throws SQLException {
        throw locator("setClob");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        throw locator("setClob");
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        throw locator("setClob");
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        record(x, cal);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        record(x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        record(x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        record(x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        record(x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        record(x);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader reader, long a2) throws SQLException {
        record(read(reader));
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        record(read(reader));
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long a2) throws SQLException {
        throw locator("setNClob");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        throw locator("setNClob");
    }

    @Override
    public void setNClob(int parameterIndex, NClob x) throws SQLException {
        throw locator("setNClob");
    }

    @Override
    public void setNString(int parameterIndex, String x) throws SQLException {
        record(x);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String a2) throws SQLException {
        record(null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        record(null);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int a2, int a3) throws SQLException {
        record(x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int a2) throws SQLException {
        record(x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType a2, int a3) throws SQLException {
        record(x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType a2) throws SQLException {
        record(x);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        record(x);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw locator("setRef");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw locator("setRowId");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
        throw locator("setSQLXML");
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        record(x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        record(x);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        record(x, cal);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        record(x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        record(x, cal);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        record(x);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        throw locator("setURL");
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int a2) throws SQLException {
        throw locator("setUnicodeStream");
    }

    // not a parameter of this statement: a binder has no reason to call these

    @Override
    public void addBatch() throws SQLException {
        throw unsupported("addBatch");
    }

    @Override
    public void addBatch(String a0) throws SQLException {
        throw unsupported("addBatch");
    }

    @Override
    public void cancel() throws SQLException {
        throw unsupported("cancel");
    }

    @Override
    public void clearBatch() throws SQLException {
        throw unsupported("clearBatch");
    }

    @Override
    public void clearParameters() throws SQLException {
        throw unsupported("clearParameters");
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw unsupported("clearWarnings");
    }

    @Override
    public void close() throws SQLException {
        throw unsupported("close");
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        throw unsupported("closeOnCompletion");
    }

    @Override
    public String enquoteIdentifier(String a0, boolean a1) throws SQLException {
        throw unsupported("enquoteIdentifier");
    }

    @Override
    public String enquoteLiteral(String a0) throws SQLException {
        throw unsupported("enquoteLiteral");
    }

    @Override
    public String enquoteNCharLiteral(String a0) throws SQLException {
        throw unsupported("enquoteNCharLiteral");
    }

    @Override
    public boolean execute() throws SQLException {
        throw unsupported("execute");
    }

    @Override
    public boolean execute(String a0, int[] a1) throws SQLException {
        throw unsupported("execute");
    }

    @Override
    public boolean execute(String a0, String[] a1) throws SQLException {
        throw unsupported("execute");
    }

    @Override
    public boolean execute(String a0, int a1) throws SQLException {
        throw unsupported("execute");
    }

    @Override
    public boolean execute(String a0) throws SQLException {
        throw unsupported("execute");
    }

    @Override
    public int[] executeBatch() throws SQLException {
        throw unsupported("executeBatch");
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        throw unsupported("executeLargeBatch");
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        throw unsupported("executeLargeUpdate");
    }

    @Override
    public long executeLargeUpdate(String a0, int[] a1) throws SQLException {
        throw unsupported("executeLargeUpdate");
    }

    @Override
    public long executeLargeUpdate(String a0, String[] a1) throws SQLException {
        throw unsupported("executeLargeUpdate");
    }

    @Override
    public long executeLargeUpdate(String a0, int a1) throws SQLException {
        throw unsupported("executeLargeUpdate");
    }

    @Override
    public long executeLargeUpdate(String a0) throws SQLException {
        throw unsupported("executeLargeUpdate");
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        throw unsupported("executeQuery");
    }

    @Override
    public ResultSet executeQuery(String a0) throws SQLException {
        throw unsupported("executeQuery");
    }

    @Override
    public int executeUpdate() throws SQLException {
        throw unsupported("executeUpdate");
    }

    @Override
    public int executeUpdate(String a0, int[] a1) throws SQLException {
        throw unsupported("executeUpdate");
    }

    @Override
    public int executeUpdate(String a0, String[] a1) throws SQLException {
        throw unsupported("executeUpdate");
    }

    @Override
    public int executeUpdate(String a0, int a1) throws SQLException {
        throw unsupported("executeUpdate");
    }

    @Override
    public int executeUpdate(String a0) throws SQLException {
        throw unsupported("executeUpdate");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection();
    }

    @Override
    public int getFetchDirection() throws SQLException {
        throw unsupported("getFetchDirection");
    }

    @Override
    public int getFetchSize() throws SQLException {
        throw unsupported("getFetchSize");
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        throw unsupported("getGeneratedKeys");
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        throw unsupported("getLargeMaxRows");
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        throw unsupported("getLargeUpdateCount");
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        throw unsupported("getMaxFieldSize");
    }

    @Override
    public int getMaxRows() throws SQLException {
        throw unsupported("getMaxRows");
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        throw unsupported("getMetaData");
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        throw unsupported("getMoreResults");
    }

    @Override
    public boolean getMoreResults(int a0) throws SQLException {
        throw unsupported("getMoreResults");
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        throw unsupported("getParameterMetaData");
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        throw unsupported("getQueryTimeout");
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        throw unsupported("getResultSet");
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        throw unsupported("getResultSetConcurrency");
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        throw unsupported("getResultSetHoldability");
    }

    @Override
    public int getResultSetType() throws SQLException {
        throw unsupported("getResultSetType");
    }

    @Override
    public int getUpdateCount() throws SQLException {
        throw unsupported("getUpdateCount");
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        throw unsupported("getWarnings");
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        throw unsupported("isCloseOnCompletion");
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw unsupported("isClosed");
    }

    @Override
    public boolean isPoolable() throws SQLException {
        throw unsupported("isPoolable");
    }

    @Override
    public boolean isSimpleIdentifier(String a0) throws SQLException {
        throw unsupported("isSimpleIdentifier");
    }

    @Override
    public boolean isWrapperFor(Class<?> a0) throws SQLException {
        return false;
    }

    @Override
    public void setCursorName(String a0) throws SQLException {
        throw unsupported("setCursorName");
    }

    @Override
    public void setEscapeProcessing(boolean a0) throws SQLException {
        throw unsupported("setEscapeProcessing");
    }

    @Override
    public void setFetchDirection(int a0) throws SQLException {
        throw unsupported("setFetchDirection");
    }

    @Override
    public void setFetchSize(int a0) throws SQLException {
        throw unsupported("setFetchSize");
    }

    @Override
    public void setLargeMaxRows(long a0) throws SQLException {
        throw unsupported("setLargeMaxRows");
    }

    @Override
    public void setMaxFieldSize(int a0) throws SQLException {
        throw unsupported("setMaxFieldSize");
    }

    @Override
    public void setMaxRows(int a0) throws SQLException {
        throw unsupported("setMaxRows");
    }

    @Override
    public void setPoolable(boolean a0) throws SQLException {
        throw unsupported("setPoolable");
    }

    @Override
    public void setQueryTimeout(int a0) throws SQLException {
        throw unsupported("setQueryTimeout");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw unsupported("unwrap");
    }

    @Override
    public String toString() {
        return "recording statement";
    }

    private Connection connection() {
        if (connection == null) {
            // asked only by array binders, for createArrayOf: rare enough for a proxy
            connection = (Connection) Proxy.newProxyInstance(RecordingStatement.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("createArrayOf")) {
                            return new RecordedArray((Object[]) args[1]);
                        }
                        throw new SQLFeatureNotSupportedException(
                                "Blink records bound values only; Hibernate's binder called Connection."
                                        + method.getName());
                    });
        }
        return connection;
    }

    private static SQLFeatureNotSupportedException locator(String method) {
        return new SQLFeatureNotSupportedException("Blink cannot write a value that Hibernate binds with " + method
                + " (a LOB or locator); map the attribute to text or bytea");
    }

    private static SQLFeatureNotSupportedException unsupported(String method) {
        return new SQLFeatureNotSupportedException("Blink records bound values only; Hibernate's binder called " + method);
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Reader in) {
        try (in) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a binder's {@code createArrayOf} made: the elements, as the inserter takes them. */
    private record RecordedArray(Object[] elements) implements Array {
        @Override public String getBaseTypeName() throws SQLException { throw unsupportedArray(); }
        @Override public int getBaseType() throws SQLException { throw unsupportedArray(); }
        @Override public Object getArray() { return elements; }
        @Override public Object getArray(Map<String, Class<?>> map) { return elements; }
        @Override public Object getArray(long index, int count) throws SQLException { throw unsupportedArray(); }
        @Override public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException { throw unsupportedArray(); }
        @Override public ResultSet getResultSet() throws SQLException { throw unsupportedArray(); }
        @Override public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException { throw unsupportedArray(); }
        @Override public ResultSet getResultSet(long index, int count) throws SQLException { throw unsupportedArray(); }
        @Override public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException { throw unsupportedArray(); }
        @Override public void free() { }

        private static SQLException unsupportedArray() {
            return new SQLFeatureNotSupportedException("a recorded array holds its elements only");
        }
    }
}
