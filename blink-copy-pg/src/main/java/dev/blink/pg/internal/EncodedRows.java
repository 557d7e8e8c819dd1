package dev.blink.pg.internal;

import dev.blink.ValueException;
import dev.blink.pg.internal.encode.BadValue;
import dev.blink.pg.internal.encode.EncoderContext;
import dev.blink.pg.internal.encode.PgType;
import dev.blink.pg.internal.encode.RowEncoder;
import dev.blink.spi.RowOrigin;
import dev.blink.spi.TableInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The row loop of a COPY: the first row is read before the COPY starts, so that {@link RowEncoder}
 * can choose the table's format from it (binary, or COPY text when a typed column gets a String
 * the server must read) and encode the constant columns once; then every row of the input is
 * written, with a look at the COPY's {@link CopyWatch} every few rows. A value that does not fit
 * becomes a {@link ValueException} at its row and column.
 */
final class EncodedRows {

    /** Rows between two looks of the {@link CopyWatch} (each chunk sent is looked at too). */
    private static final int WATCH_EVERY = 64;

    private final TableInput input;
    private final RowEncoder rows;
    private final Object[] values;
    private final boolean any;

    private EncodedRows(TableInput input, RowEncoder rows, Object[] values, boolean any) {
        this.input = input;
        this.rows = rows;
        this.values = values;
        this.any = any;
    }

    /** Reads the first row of {@code input} and chooses the format and encoders from it. */
    static EncodedRows start(TableInput input, List<Catalog.Column> columns, EncoderContext context) {
        int n = columns.size();
        List<String> names = new ArrayList<>(n);
        List<PgType> types = new ArrayList<>(n);
        Set<String> constants = input.constantColumns();
        boolean[] constant = new boolean[n];
        for (int i = 0; i < n; i++) {
            names.add(columns.get(i).name());
            types.add(columns.get(i).type());
            constant[i] = constants.contains(columns.get(i).name());
        }
        Object[] values = new Object[n];
        boolean any = input.next(values);
        RowEncoder rows = RowEncoder.forTable(names, types, constant, any ? values : null, context);
        EncodedRows encoded = new EncodedRows(input, rows, values, any);
        if (any) {
            try {
                rows.encodeConstants(values);
            } catch (BadValue e) {
                throw encoded.valueError(e);
            }
        }
        return encoded;
    }

    /** The COPY's options: {@code FORMAT binary} or {@code FORMAT text}. */
    String options() {
        return rows.copyOptions();
    }

    /** Writes the whole COPY body into {@code out} and flushes it. */
    void write(CopyStream out, RowLines lines) {
        rows.header(out);
        RowOrigin origin = any ? input.origin().orElse(null) : null;
        int untilWatch = WATCH_EVERY;
        try {
            if (any) {
                do {
                    if (--untilWatch == 0) {
                        untilWatch = WATCH_EVERY;
                        out.betweenRows();
                    }
                    if (origin != null) {
                        lines.record(input.rowNumber(), origin.file(), origin.line());
                    }
                    rows.write(out, values);
                } while (input.nextVarying(values)); // the constants' slots keep the first row's values
            }
            rows.trailer(out);
            out.flush();
        } catch (BadValue e) {
            throw valueError(e);
        }
    }

    private ValueException valueError(BadValue e) {
        int at = rows.failedColumn();
        return new ValueException(input.location().column(input.columns().get(at)), rows.expected(at), values[at],
                e.isWrongType() ? null : e.getMessage(), null);
    }
}
