/**
 * The service-provider interfaces: row sources ({@link dev.blink.spi.TableSource},
 * {@link dev.blink.spi.ContextSource}), backends ({@link dev.blink.spi.Inserter}), row mappers and
 * listeners. Implement them to extend Blink; Blink's own modules do.
 */
package dev.blink.spi;
