package dev.blink.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving each test class a fresh database on the shared test server.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresExtension postgres = new PostgresExtension();
 *
 * @Test
 * void seedsUsers() {
 *     TestDatabase db = postgres.database();
 *     ...
 * }
 * }</pre>
 *
 * <p>Test methods and constructors may also declare a {@link TestDatabase} parameter. The server is
 * the embedded PostgreSQL unless {@value PostgresServer#URL_VARIABLE} is set; see
 * {@link PostgresServer}.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private TestDatabase database;

    /** The current test class's database. */
    public TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("No database yet: register PostgresExtension on a static field");
        }
        return database;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = PostgresServer.shared().createDatabase();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return database();
    }
}
