/**
 * A real PostgreSQL for tests: {@link dev.blink.testkit.PostgresServer} (embedded by default, or a
 * server named by the environment) and {@link dev.blink.testkit.PostgresExtension}, which gives each
 * JUnit 5 test class a fresh database.
 */
package dev.blink.testkit;
