/**
 * Not API: how values are written into COPY, one file per type family ({@link Integers},
 * {@link DateTimes}, {@link JsonValues}, …) holding both the binary and the text form of its types;
 * {@link RowEncoder} chooses a table's format from its first row. Public only so that the COPY
 * loop in {@code dev.blink.pg.internal} can use it; it may change at any time, in any release.
 */
package dev.blink.pg.internal.encode;
