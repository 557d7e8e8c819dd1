package dev.blink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo's command line: what it prints, what it leaves, and its exit status. */
class DemoTest {

    // tag::postgres-extension[]
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();
    // end::postgres-extension[]

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int demo(String... args) {
        return Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void seedsEveryExampleOnTheGivenServerAndPrintsEachTable() {
        TestDatabase db = postgres.database();

        int status = demo("--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--password", db.password(),
                "--events", "20000");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.matches("(?s).*\\busers +1,000 rows.*"), printed);
        assertTrue(printed.matches("(?s).*\\bposts +5,000 rows.*"), printed);
        assertTrue(printed.matches("(?s).*\\bevents +20,000 rows.*"), printed);
        assertTrue(printed.matches("(?s).*factory\\.posts +2,500 rows.*"), printed);
        assertTrue(printed.contains("rows/s"), printed);
        assertTrue(printed.contains("next id the application gets: 101"), printed);
        assertTrue(printed.contains("saw 1 user, rolled back to 0"), printed);
    }

    @Test
    void exitsWithStatusOneAndTheMessageWhenTheServerCannotBeReached() {
        int status = demo("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--user", "nobody");

        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Connection to 127.0.0.1:1 refused"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exitsWithStatusTwoForUnknownOptions() {
        assertEquals(2, demo("--frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
    }
}
