package dev.blink.pg.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.postgresql.core.v3.CopyOperationImpl;

/**
 * Reads what the server has sent during a {@code COPY … FROM STDIN}, without waiting.
 *
 * <p>A server that fails a COPY (a bad row, a constraint, its statement timeout, a cancel request)
 * sends its error at once and then drops every further CopyData message, but pgjdbc 42.7 reads
 * server messages only in {@code endCopy()}: a client streaming an endless source would never
 * notice. pgjdbc has the read the copy needs, {@code QueryExecutorImpl.readFromCopy(op, false)}
 * (after an error it reads up to the server's ReadyForQuery, unlocks the connection and throws the
 * error), but keeps it package-private: its public {@code CopyIn} has no read. This class calls it
 * through method handles. Its check for pending input, {@code PGStream.hasMessagePending()}, waits
 * 1 ms on every call that finds nothing (a read with a 1 ms timeout, whose timeout path skips its
 * own throttle), so {@link #pending} asks the connection's input stream how many bytes wait, which
 * costs no wait. On a driver where the handles cannot be found, nothing is read early and errors
 * come with {@code endCopy()} as before ({@link #available()} says which; a test checks it on the
 * pinned pgjdbc).
 */
final class ServerMessages {

    private static final MethodHandle READ;
    private static final MethodHandle INPUT;

    static {
        MethodHandle read = null;
        MethodHandle input = null;
        try {
            // by name: pgjdbc's annotations on these classes are not on Blink's compile class path
            ClassLoader loader = CopyOperationImpl.class.getClassLoader();
            Class<?> executorClass = Class.forName("org.postgresql.core.v3.QueryExecutorImpl", false, loader);
            Class<?> baseClass = Class.forName("org.postgresql.core.QueryExecutorBase", false, loader);
            Class<?> streamClass = Class.forName("org.postgresql.core.PGStream", false, loader);
            Class<?> inputClass = Class.forName("org.postgresql.core.VisibleBufferedInputStream", false, loader);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle executor = MethodHandles.privateLookupIn(CopyOperationImpl.class, lookup).findVirtual(
                    CopyOperationImpl.class, "getQueryExecutor", MethodType.methodType(executorClass));
            MethodHandle readFromCopy = MethodHandles.privateLookupIn(executorClass, lookup).findVirtual(
                    executorClass, "readFromCopy", MethodType.methodType(void.class, CopyOperationImpl.class, boolean.class));
            MethodHandle stream = MethodHandles.privateLookupIn(baseClass, lookup)
                    .findGetter(baseClass, "pgStream", streamClass)
                    .asType(MethodType.methodType(streamClass, executorClass));
            MethodHandle pgInput = MethodHandles.privateLookupIn(streamClass, lookup)
                    .findGetter(streamClass, "pgInput", inputClass)
                    .asType(MethodType.methodType(InputStream.class, streamClass));
            // (op) -> readFromCopy(getQueryExecutor(op), op, false)
            read = MethodHandles.insertArguments(MethodHandles.permuteArguments(
                    MethodHandles.filterArguments(readFromCopy, 0, executor),
                    MethodType.methodType(void.class, CopyOperationImpl.class, boolean.class), 0, 0, 1), 1, false);
            // (op) -> getQueryExecutor(op).pgStream.pgInput
            input = MethodHandles.filterReturnValue(MethodHandles.filterReturnValue(executor, stream), pgInput);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            read = null;
            input = null;
        }
        READ = read;
        INPUT = input;
    }

    private ServerMessages() {
    }

    /** Whether this driver lets Blink read server messages during a COPY. */
    static boolean available() {
        return READ != null;
    }

    /**
     * How many bytes from the server wait to be read, without waiting; 0 when nothing can be read
     * early. Over TLS, bytes not yet decrypted may not count: {@link #read} now and then finds them.
     */
    static int pending(CopyIn copy) {
        if (INPUT == null || !(copy instanceof CopyOperationImpl op) || !copy.isActive()) {
            return 0;
        }
        try {
            return ((InputStream) INPUT.invokeExact(op)).available();
        } catch (IOException e) {
            return 1; // let read() meet the broken connection
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("reading the connection's input during the COPY failed", e);
        }
    }

    /**
     * Reads the messages that have arrived (waiting at most about 1 ms if none has).
     *
     * @throws SQLException the server's error, if it has failed the COPY (which is then over)
     */
    static void read(CopyIn copy) throws SQLException {
        if (READ == null || !(copy instanceof CopyOperationImpl op) || !copy.isActive()) {
            return;
        }
        try {
            READ.invokeExact(op);
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("reading the server's messages during the COPY failed", e);
        }
    }
}
