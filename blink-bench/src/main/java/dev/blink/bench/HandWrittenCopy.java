package dev.blink.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The yardstick for client CPU: a binary COPY encoder written by hand for exactly these two tables
 * and record types, with none of a library's generality (no catalog, no checks, no errors that name
 * a row; numeric only for scales up to 4 and values below 10^12, timestamps only in range). It is
 * what the "0.5 s per million users rows" was measured with; Blink's encoders are compared
 * with it in the same run.
 */
final class HandWrittenCopy {

    private static final VarHandle INT2 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT4 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT8 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long PG_EPOCH_SECOND = 946_684_800L;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};

    private final CopyIn copy;
    private final byte[] buf = new byte[1 << 16];
    private int pos;

    private HandWrittenCopy(CopyIn copy) {
        this.copy = copy;
    }

    /** Copies the rows (all {@link UserRow} or all {@link NarrowRow}) into their table; returns rows written. */
    static long copy(Connection connection, BenchTable table, List<?> rows) throws SQLException {
        String sql = "COPY " + table.tableName() + " FROM STDIN (FORMAT binary)";
        HandWrittenCopy out = new HandWrittenCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
        out.bytes(HEADER);
        if (table == BenchTable.USERS) {
            for (Object row : rows) {
                out.user((UserRow) row);
            }
        } else {
            for (Object row : rows) {
                out.narrow((NarrowRow) row);
            }
        }
        out.room(2);
        out.int2(-1);
        out.copy.writeToCopy(out.buf, 0, out.pos);
        return out.copy.endCopy();
    }

    private void narrow(NarrowRow row) throws SQLException {
        room(2 + 12 + 8);
        int2(2);
        int4(8);
        int8(row.id());
        int4(4);
        int4(row.v());
    }

    private void user(UserRow row) throws SQLException {
        room(2 + 12 + 8);
        int2(9);
        int4(8);
        int8(row.id());
        text(row.name());
        if (row.email() == null) {
            room(4);
            int4(-1);
        } else {
            text(row.email());
        }
        room(8 + 20 + 5 + 12 + 20);
        int4(4);
        int4(row.age());
        numeric(row.score());
        int4(1);
        buf[pos++] = (byte) (row.active() ? 1 : 0);
        OffsetDateTime t = row.createdAt();
        int4(8);
        int8((t.toEpochSecond() - PG_EPOCH_SECOND) * 1_000_000L + (t.getNano() + 500) / 1000);
        int4(16);
        int8(row.uuid().getMostSignificantBits());
        int8(row.uuid().getLeastSignificantBits());
        byte[] json = row.tags().getBytes(StandardCharsets.UTF_8);
        room(5 + json.length);
        int4(json.length + 1);
        buf[pos++] = 1;
        bytes(json);
    }

    private void numeric(BigDecimal d) {
        int scale = d.scale();
        long unscaled = d.unscaledValue().longValue();
        int pad = (4 - scale % 4) % 4;
        long abs = Math.abs(unscaled) * (pad == 0 ? 1 : pad == 1 ? 10 : pad == 2 ? 100 : 1000);
        int n = abs == 0 ? 0 : abs < 10_000 ? 1 : abs < 100_000_000 ? 2 : abs < 1_000_000_000_000L ? 3 : 4;
        int4(8 + 2 * n);
        int2(n);
        int2(n - 1 - (scale + pad) / 4);
        int2(unscaled < 0 ? 0x4000 : 0);
        int2(scale);
        for (int i = n - 1; i >= 0; i--) {
            int2((int) (abs / (i == 0 ? 1 : i == 1 ? 10_000 : i == 2 ? 100_000_000 : 1_000_000_000_000L) % 10_000));
        }
    }

    private void text(String s) throws SQLException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        room(4 + utf8.length);
        int4(utf8.length);
        bytes(utf8);
    }

    private void room(int n) throws SQLException {
        if (buf.length - pos < n) {
            copy.writeToCopy(buf, 0, pos);
            pos = 0;
        }
    }

    private void bytes(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void int2(int v) {
        INT2.set(buf, pos, (short) v);
        pos += 2;
    }

    private void int4(int v) {
        INT4.set(buf, pos, v);
        pos += 4;
    }

    private void int8(long v) {
        INT8.set(buf, pos, v);
        pos += 8;
    }
}
