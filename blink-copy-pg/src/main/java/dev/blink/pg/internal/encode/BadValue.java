package dev.blink.pg.internal.encode;

/**
 * A value that does not fit its column, thrown by encoders without location or stack trace; the
 * copy loop turns it into a {@link dev.blink.ValueException} naming table, row and column.
 */
public final class BadValue extends RuntimeException {

    private final boolean wrongType;

    private BadValue(String reason, boolean wrongType) {
        super(reason, null, false, false);
        this.wrongType = wrongType;
    }

    /** The value has the right Java type but does not fit, for the given reason. */
    public static BadValue of(String reason) {
        return new BadValue(reason, false);
    }

    /** The value's Java type is not one the column takes. */
    public static BadValue wrongType() {
        return new BadValue(null, true);
    }

    /** Whether the Java type is wrong (the message then says only what the column takes). */
    public boolean isWrongType() {
        return wrongType;
    }
}
