package dev.blink;

import dev.blink.internal.Values;

/**
 * A value that does not fit its column: a wrong Java type, an overflow, text with a NUL character.
 * The message names the table, row, column, the column's type and the value with its Java type.
 */
public final class ValueException extends SeedException {

    private final String expected;
    private final String actualType;

    /**
     * @param location the table, row and column
     * @param expected what the column takes, e.g. {@code int4 (from Integer, Short, Long…)}
     * @param value the offending value (cut to a sane length in the message)
     * @param reason why it does not fit, or null when the type says it all
     * @param cause the underlying error, or null
     */
    public ValueException(Location location, String expected, Object value, String reason, Throwable cause) {
        super(location, "expected " + expected + " but got " + Values.describe(value)
                + (reason == null ? "" : " (" + reason + ")"), cause);
        this.expected = expected;
        this.actualType = value == null ? "null" : value.getClass().getName();
    }

    /** What the column takes. */
    public String expected() {
        return expected;
    }

    /** The Java type of the offending value, or {@code "null"}. */
    public String actualType() {
        return actualType;
    }
}
