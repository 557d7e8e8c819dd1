package dev.blink.files;

/**
 * What an empty CSV cell becomes: {@code a,,c} (unquoted) and {@code a,"",c} (quoted). Set with
 * {@link Csv#emptyAs(EmptyCell)}; the default is {@link #AS_POSTGRESQL}.
 */
public enum EmptyCell {

    /**
     * PostgreSQL's own rule for {@code COPY … (FORMAT csv)}, the default: an unquoted empty cell is
     * NULL and a quoted one ({@code ""}) is an empty string. When a null string is set with
     * {@link Csv#withNullString(String)}, only an unquoted cell equal to it is NULL and every empty
     * cell is an empty string, again as PostgreSQL reads it.
     */
    AS_POSTGRESQL,

    /** Every empty cell is NULL, quoted or not. */
    NULL,

    /** Every empty cell is an empty string, quoted or not. */
    EMPTY_STRING
}
