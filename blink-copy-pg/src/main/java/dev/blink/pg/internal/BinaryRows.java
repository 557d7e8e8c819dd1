package dev.blink.pg.internal;

import dev.blink.ValueException;
import dev.blink.spi.RowOrigin;
import dev.blink.spi.TableInput;
import java.util.List;
import java.util.Set;

/**
 * The row loop of a binary COPY: one {@link ColumnWriter} per column, chosen before the first row;
 * constant columns encoded once; then every row of the input written as a tuple, between the
 * binary header and trailer. A value that does not fit becomes a {@link ValueException} at its row
 * and column.
 */
final class BinaryRows {

    private BinaryRows() {
    }

    /** Writes the whole binary COPY body of {@code input} into {@code out} and flushes it. */
    static void write(CopyStream out, TableInput input, List<Catalog.Column> columns, Session session,
                      RowLines lines) {
        int n = columns.size();
        ColumnWriter[] writers = new ColumnWriter[n];
        for (int i = 0; i < n; i++) {
            writers[i] = new ColumnWriter(columns.get(i).name(), columns.get(i).type(), session);
        }
        Set<String> constants = input.constantColumns();
        boolean[] constant = new boolean[n];
        for (int i = 0; i < n; i++) {
            constant[i] = constants.contains(writers[i].column);
        }
        byte[][] encoded = new byte[n][];
        Object[] values = new Object[n];
        out.header();
        boolean first = true;
        RowOrigin origin = null;
        int i = 0;
        try {
            while (input.next(values)) {
                if (first) {
                    first = false;
                    origin = input.origin().orElse(null);
                    for (i = 0; i < n; i++) {
                        if (constant[i]) {
                            encoded[i] = encodeOnce(writers[i], values[i]);
                        }
                    }
                }
                if (origin != null) {
                    lines.record(input.rowNumber(), origin.file(), origin.line());
                }
                out.int2(n);
                for (i = 0; i < n; i++) {
                    if (constant[i]) {
                        out.bytes(encoded[i]);
                        continue;
                    }
                    Object value = values[i];
                    if (value == null) {
                        out.nullValue();
                    } else {
                        writers[i].write(out, value);
                    }
                }
            }
            out.int2(-1);
            out.flush();
        } catch (BadValue e) {
            ColumnWriter writer = writers[i];
            throw new ValueException(input.location().column(writer.column), writer.expected(), values[i],
                    e.isWrongType() ? null : e.getMessage(), null);
        }
    }

    private static byte[] encodeOnce(ColumnWriter writer, Object value) {
        CopyStream scratch = CopyStream.inMemory();
        if (value == null) {
            scratch.nullValue();
        } else {
            writer.write(scratch, value);
        }
        return scratch.toByteArray();
    }
}
