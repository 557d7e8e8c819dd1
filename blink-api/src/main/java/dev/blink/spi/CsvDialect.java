package dev.blink.spi;

import java.util.Objects;

/**
 * How a {@link CsvInput}'s text is written, in the terms of PostgreSQL's
 * {@code COPY … (FORMAT csv)} options, which read it exactly so.
 *
 * @param delimiter {@code DELIMITER}
 * @param quote {@code QUOTE}
 * @param escape {@code ESCAPE} (the quote unless set)
 * @param nullString {@code NULL}: an unquoted value equal to it is NULL ({@code ""} by default)
 * @param header {@code HEADER}: whether the text starts with a header record, whose names are
 *     {@link CsvInput#columns()}, to be checked ({@code HEADER MATCH}) or skipped
 * @param encoding {@code ENCODING}: PostgreSQL's name for the text's encoding, e.g. {@code UTF8}
 * @param forceNull {@code FORCE_NULL} on every column: a quoted value equal to the null string is
 *     NULL too
 * @param forceNotNull {@code FORCE_NOT_NULL} on every column: no value is NULL; an unquoted null
 *     string is that text
 */
public record CsvDialect(char delimiter, char quote, char escape, String nullString, boolean header, String encoding,
                         boolean forceNull, boolean forceNotNull) {

    /** Checks the parts. */
    public CsvDialect {
        Objects.requireNonNull(nullString, "null nullString");
        Objects.requireNonNull(encoding, "null encoding");
        if (forceNull && forceNotNull) {
            throw new IllegalArgumentException("FORCE_NULL and FORCE_NOT_NULL on every column contradict each other");
        }
    }
}
