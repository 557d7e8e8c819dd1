package dev.blink.pg.internal.encode;

/**
 * Appends one non-null value of a known Java class in PostgreSQL's text form, the form its input
 * function reads the same under every session setting (ISO dates with explicit offsets, ISO 8601
 * intervals with a sign on each field, exact decimals). The COPY escaping is added when the field
 * is written. Chosen once per column and Java class.
 */
@FunctionalInterface
interface TextEncoder {

    /**
     * @throws BadValue if the value does not fit
     */
    void append(StringBuilder out, Object value);
}
