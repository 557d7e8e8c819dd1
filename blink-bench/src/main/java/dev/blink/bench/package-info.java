/**
 * JMH benchmarks of Blink and its peers on one grid: Blink from maps, records, entities and CSV;
 * PgBulkInsert; pgjdbc's CopyManager; JDBC batches; multi-row INSERT; Hibernate; and the server's
 * own {@code COPY … FROM '<file>'} as the physical limit. Not an API; never deployed.
 */
package dev.blink.bench;
