/**
 * Not API: the catalog reader, encoders and COPY stream behind {@link dev.blink.pg.PgCopyInserter}.
 * Public only so that Blink's other modules can use it; it may change at any time, in any release.
 */
package dev.blink.pg.internal;
