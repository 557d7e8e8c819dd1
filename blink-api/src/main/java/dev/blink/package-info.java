/**
 * Blink's API: {@link dev.blink.Blink#plan()} builds a {@link dev.blink.Plan} of tables and context
 * steps that {@link dev.blink.Plan#insert(javax.sql.DataSource)} runs in one transaction; options,
 * results and the errors it throws ({@link dev.blink.BlinkException} and its subclasses).
 */
package dev.blink;
