package dev.blink.pg.internal;

import dev.blink.Location;
import dev.blink.SeedException;
import dev.blink.internal.Stops;
import dev.blink.pg.PgEncoder;
import dev.blink.pg.PgOnConflict;
import dev.blink.pg.internal.encode.EncoderContext;
import dev.blink.pg.internal.encode.RowEncoder;
import dev.blink.spi.InsertStats;
import dev.blink.spi.TableInput;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One table's COPY from start to end: resolves the target ({@link CopyTarget}), stages it if it
 * has an on-conflict rule ({@link Staging}), runs {@code COPY … FROM STDIN} with a body that writes
 * the data ({@link EncodedRows} for rows, in the format {@link RowEncoder} chose from the first
 * row) under a {@link CopyWatch}, ends the COPY only if the body succeeded and cancels it
 * otherwise, and reports server errors at their row ({@link ServerErrors}).
 */
public final class TableCopy {

    private TableCopy() {
    }

    /** Writes a COPY's data into the stream; the data's format is the one named in the COPY's options. */
    @FunctionalInterface
    interface Body {
        /**
         * Writes every byte of the data and flushes the stream.
         *
         * @param lines where to note the file and line of each row, for errors that name a row
         */
        void write(CopyStream out, RowLines lines);
    }

    /**
     * Copies every row of {@code input} into its table (through a staging table if
     * {@code onConflict} is not null), in binary COPY or, if the first row gives a typed column a
     * String that the server must read, in COPY text. A table without columns (no rows, no
     * constants) is only resolved: there is nothing to copy.
     *
     * @param timeout the statement timeout, measured here too (zero: none)
     * @param seed the catalog entries read for the seed ({@link SeedCatalog#NONE}: none)
     * @param freeze whether to add {@code FREEZE} to a COPY into the table itself (not for a staged copy)
     * @return rows written (for a staged copy: rows inserted or updated), rows skipped (for a
     *     staged copy: rows staged but left out by {@code ON CONFLICT DO NOTHING}) and bytes sent
     */
    public static InsertStats copy(Connection connection, TableInput input, List<PgEncoder<?>> encoders,
                                   PgOnConflict onConflict, Duration timeout, SeedCatalog seed, boolean freeze)
            throws SQLException {
        CopyTarget target = CopyTarget.resolve(connection, input.table(), input.columns(), input.location().table(),
                seed);
        if (target.columns().isEmpty()) {
            if (input.next(new Object[0])) {
                throw new SeedException(input.location(), "a row without columns cannot be copied", null);
            }
            return InsertStats.written(0, 0);
        }
        EncoderContext context = new EncoderContext(encoders, target.table().timeZone(),
                target.table().serverVersion());
        // the format is decided from the first row, so that row is read before the COPY starts
        EncodedRows rows = EncodedRows.start(input, target.columns(), context);
        return copy(connection, target, onConflict, withFreeze(rows.options(), freeze && onConflict == null), timeout,
                input, rows::write);
    }

    /** COPY's {@code options} with {@code FREEZE} added if asked. */
    static String withFreeze(String options, boolean freeze) {
        return freeze ? options + ", FREEZE" : options;
    }

    /**
     * Runs one {@code COPY target (columns) FROM STDIN (options)} whose data {@code body} writes.
     *
     * @param onConflict the table's on-conflict rule, or null for a plain COPY
     * @param options the COPY's options, e.g. {@code FORMAT binary}
     * @param timeout the statement timeout, measured here too (zero: none)
     * @param input the rows the body writes, for the row of a timeout and of a foreign key's key; or
     *     null if the body writes something else
     * @return rows written (for a staged copy: rows inserted or updated), rows skipped (for a
     *     staged copy: rows staged but left out by {@code ON CONFLICT DO NOTHING}) and bytes sent
     */
    static InsertStats copy(Connection connection, CopyTarget target, PgOnConflict onConflict, String options,
                            Duration timeout, TableInput input, Body body) throws SQLException {
        Staging staging = onConflict == null ? null : Staging.create(connection, target, onConflict);
        String sql = target.copySql(staging == null ? target.name().toSql() : staging.stage, options);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        long rows;
        long bytes;
        Throwable failure = null;
        RowLines lines = new RowLines();
        try {
            CopyStream out = new CopyStream(copy, CopyStream.SIZE, CopyWatch.of(copy, timeout));
            body.write(out, lines);
            bytes = out.sent();
            rows = copy.endCopy();
        } catch (CopyWatch.TimedOut e) {
            // noticed here first: the COPY is cancelled below (pgjdbc's cancelCopy swallows the server's answer)
            failure = Stops.timeout(input == null ? Location.of(target.step()) : input.location(), timeout, null);
            throw (SeedException) failure;
        } catch (CopyFailure e) {
            failure = ServerErrors.translate(e.sqlException(), target, staging != null, lines, input);
            throw (SeedException) failure;
        } catch (SQLException e) {
            failure = ServerErrors.translate(e, target, staging != null, lines, input);
            throw (SeedException) failure;
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException e) {
                    if (failure != null) {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (staging == null) {
            return InsertStats.written(rows, bytes);
        }
        // COPY counted the rows staged; the INSERT … ON CONFLICT counts those it inserted or updated
        long merged = staging.merge(connection, input);
        return new InsertStats(merged, rows - merged, bytes);
    }
}
