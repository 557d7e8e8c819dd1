package dev.blink.pg.internal.encode;

import dev.blink.pg.internal.CopyStream;

/**
 * Writes one non-null value of a known Java class as a whole binary COPY field: the length word,
 * then the bytes. Chosen once per column and Java class; does no lookup per value.
 */
@FunctionalInterface
interface Encoder {

    /**
     * @throws BadValue if the value does not fit
     */
    void write(CopyStream out, Object value);
}
