package dev.blink.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;

/**
 * Which columns a row leaves out, as Hibernate's insert leaves them out so that their defaults
 * apply: the columns of another class of a {@code SINGLE_TABLE} hierarchy, those of a
 * {@code @DynamicInsert} entity's null attributes, the position of an element that is in no
 * inverse list. Only columns that have a default in the catalog (a column default, an identity or
 * a domain's default) are tracked: for the others, leaving a column out and writing NULL are the
 * same. A table without such columns has one shape, and nothing is tracked per row. Decided once
 * per table; used by one thread.
 */
final class RowShape {

    private static final String DEFAULTED = "SELECT a.attname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"
            + " AND (a.atthasdef OR a.attidentity <> '' OR t.typdefaultbin IS NOT NULL)";

    private static final RowShape UNTRACKED = new RowShape(new long[0]);

    private final boolean tracked;
    private final long[] defaulted;
    private final long[] omitted;

    private RowShape(long[] defaulted) {
        this.defaulted = defaulted;
        this.omitted = defaulted.clone();
        boolean any = false;
        for (long word : defaulted) {
            any |= word != 0;
        }
        this.tracked = any;
    }

    /**
     * The shape of {@code columns}' rows, given the positions that some row may leave out: asks the
     * catalog which of them have a default, only if there are any.
     */
    static RowShape of(TableColumns columns, BitSet omittable, Connection connection) throws SQLException {
        if (omittable.isEmpty()) {
            return UNTRACKED;
        }
        long[] defaulted = new long[(columns.size() + 63) / 64];
        try (PreparedStatement statement = connection.prepareStatement(DEFAULTED)) {
            statement.setString(1, columns.table().toSql());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int position = columns.position(rs.getString(1));
                    if (position >= 0 && omittable.get(position)) {
                        defaulted[position >>> 6] |= 1L << position;
                    }
                }
            }
        }
        return new RowShape(defaulted);
    }

    /** Whether rows of the table can differ in the columns they leave out. */
    boolean tracked() {
        return tracked;
    }

    /** Starts a row: every defaulted column is left out until it is written. */
    void begin() {
        System.arraycopy(defaulted, 0, omitted, 0, defaulted.length);
    }

    /** The row writes the column at {@code position}. */
    void written(int position) {
        omitted[position >>> 6] &= ~(1L << position);
    }

    /** The columns the row last written leaves out, as bits by position (read it, do not keep it). */
    long[] omitted() {
        return omitted;
    }

    /** Whether {@code shape} (from {@link #omitted()}) leaves out the column at {@code position}. */
    static boolean leavesOut(long[] shape, int position) {
        return position >>> 6 < shape.length && (shape[position >>> 6] & 1L << position) != 0;
    }
}
