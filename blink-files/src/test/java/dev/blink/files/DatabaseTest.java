package dev.blink.files;

import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A test class with a database of its own, a folder for its files, and the tables it makes anew before each test. */
@ExtendWith(PostgresExtension.class)
abstract class DatabaseTest {

    @TempDir
    Path dir;

    TestDatabase db;

    /** The SQL that (re)creates the tables, run before each test. */
    abstract String schema();

    @BeforeEach
    final void createTables(TestDatabase database) {
        db = database;
        db.execute(schema());
    }
}
