package dev.blink.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("versions")
class PostgresServerTest {

    @Test
    void runsTheMajorThatTheBuildAsksFor() {
        String major = System.getProperty(PostgresServer.MAJOR_PROPERTY, "");
        assumeTrue(!major.isBlank() && System.getenv(PostgresServer.URL_VARIABLE) == null,
                "only the embedded server follows " + PostgresServer.MAJOR_PROPERTY);
        try (TestDatabase db = PostgresServer.shared().createDatabase()) {
            assertEquals(Integer.parseInt(major.trim()),
                    ((Number) db.queryValue("SELECT current_setting('server_version_num')::int / 10000")).intValue());
        }
    }

    @Test
    void replacesTheDatabaseOfAJdbcUrl() {
        assertEquals("jdbc:postgresql://h:5432/other?ssl=true",
                PostgresServer.withDatabase("jdbc:postgresql://h:5432/postgres?ssl=true", "other"));
        assertEquals("jdbc:postgresql://h/other", PostgresServer.withDatabase("jdbc:postgresql://h/postgres", "other"));
    }
}
