package dev.blink.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static field or no-argument static method of a {@link Seeded} test class that gives
 * the {@link javax.sql.DataSource} to seed, instead of blink-testkit's test server: your
 * Testcontainers PostgreSQL, say. It is read before the class's first test.
 *
 * <pre>{@code
 * @SeedDataSource
 * static DataSource dataSource() {
 *     PGSimpleDataSource dataSource = new PGSimpleDataSource();
 *     dataSource.setUrl(postgres.getJdbcUrl());
 *     dataSource.setUser(postgres.getUsername());
 *     dataSource.setPassword(postgres.getPassword());
 *     return dataSource;
 * }
 * }</pre>
 *
 * <p>{@link Isolation#ROLLBACK} works on any DataSource, in the database it connects to. The copy
 * modes make databases on that server: the DataSource must then be pgjdbc's
 * ({@code PGSimpleDataSource}, or one that unwraps to {@code org.postgresql.ds.common.BaseDataSource}),
 * so that the extension can connect to the copies, and its account needs {@code CREATEDB}. The
 * template is a copy of the DataSource's database (its schema, say), which nobody may be
 * connected to while it is copied: close your pools on it first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface SeedDataSource {
}
