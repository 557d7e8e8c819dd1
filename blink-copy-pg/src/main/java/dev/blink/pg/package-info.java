/**
 * PostgreSQL's binary {@code COPY} as Blink's default inserter: {@link dev.blink.pg.PgCopyInserter},
 * its options ({@link dev.blink.pg.PgOnConflict}) and custom encoders ({@link dev.blink.pg.PgEncoder}).
 */
package dev.blink.pg;
