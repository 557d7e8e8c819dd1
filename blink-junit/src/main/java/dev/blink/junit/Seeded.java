package dev.blink.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class (or one test method) on a PostgreSQL database holding a seed.
 *
 * <pre>{@code
 * @Seeded(method = "seed")                                  // static SeedResult seed(Connection)
 * class UserRepositoryTest {
 *
 *     static SeedResult seed(Connection connection) {
 *         return Blink.plan().addTable("users", store -> users()).insert(connection, InsertOptions.defaults());
 *     }
 *
 *     @Test
 *     void findsEveryUser(DataSource dataSource, SeedResult seed) { ... }
 * }
 * }</pre>
 *
 * <p>The seed is either {@link #method()}, a static method taking the {@link java.sql.Connection}
 * to seed (returning the {@link dev.blink.SeedResult}, or {@code void}), or a {@link #seeder()}
 * class with a no-argument constructor, whose {@link #contexts()} and then {@link #tables()} are
 * added to {@code Blink.plan(seeder)} in order. {@link #scripts()} run first, on the same
 * connection (a schema, say). The seed always runs inside a transaction that the extension owns:
 * insert with {@code plan.insert(connection, options)}, which joins it.
 *
 * <p>Tests, {@code @BeforeEach} and {@code @AfterEach} methods may declare parameters of type
 * {@link javax.sql.DataSource}, {@link java.sql.Connection} and {@link dev.blink.SeedResult};
 * {@code @BeforeAll} and {@code @AfterAll} methods may declare a {@code DataSource} (the class's
 * database, outside the tests' transactions) and, with {@link Isolation#COPY_PER_CLASS}, the
 * {@code SeedResult}. See {@link Isolation} for what each mode gives.
 *
 * <p>The database is on the test server of blink-testkit (an embedded PostgreSQL, or the server in
 * {@code BLINK_TEST_JDBC_URL}), unless the class has a {@link SeedDataSource}.
 *
 * <p>On a test method, it replaces the class's seed for that method; in a copy mode, that method
 * gets a copy of its own.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(BlinkExtension.class)
public @interface Seeded {

    /**
     * The seed method: {@code "seed"} (a static method of the test class or its superclasses) or
     * {@code "com.example.Seeds#users"} (of another class, so that classes share one template).
     * It takes one {@link java.sql.Connection} and returns a {@link dev.blink.SeedResult} or
     * {@code void}. Give this or {@link #seeder()}.
     */
    String method() default "";

    /** The seeder class, with a no-argument constructor; give {@link #tables()} too. */
    Class<? extends dev.blink.Seeder> seeder() default dev.blink.Seeder.class;

    /** With {@link #seeder()}: the context keys it answers, computed first, in order. */
    String[] contexts() default {};

    /** With {@link #seeder()}: the tables it answers, inserted in order. */
    String[] tables() default {};

    /**
     * SQL scripts on the test class path, run before the seed, each as one statement string (the
     * server splits it): {@code "schema.sql"} next to the test class, {@code "/db/schema.sql"} from
     * the root.
     */
    String[] scripts() default {};

    /** How tests are kept apart; {@link Isolation#ROLLBACK} by default. */
    Isolation isolation() default Isolation.ROLLBACK;
}
