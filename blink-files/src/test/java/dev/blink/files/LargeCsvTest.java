package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blink.Blink;
import dev.blink.Retain;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A CSV file streams: a generated file of two million rows (far more than the heap could hold as
 * rows) loads in a forked JVM limited to 64 MiB, and the table then holds what PostgreSQL's own
 * {@code COPY} loads from the same file.
 */
class LargeCsvTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    static final int ROWS = 2_000_000;

    @TempDir
    Path dir;

    @Test
    void loadsTwoMillionRowsWithA64MegabyteHeap() throws Exception {
        TestDatabase db = postgres.database();
        db.execute("""
                CREATE TABLE big (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(12, 2), active boolean);
                CREATE TABLE big_pg (LIKE big INCLUDING ALL);
                """);
        Path file = dir.resolve("big.csv");
        write(file);

        System.out.print(db.runJava("64m", Main.class, 3, file.toString()));

        assertEquals(ROWS, Seeding.copy(db, "big_pg", file, "FORMAT csv, HEADER"));
        assertEquals(ROWS, db.count("big"));
        assertEquals(hash(db, "big_pg"), hash(db, "big"), "Blink's table differs from COPY's");
    }

    /** An order-independent hash of every row's text, cheaper than sorting two million rows. */
    private static Object hash(TestDatabase db, String table) {
        return db.queryValue("SELECT count(*) || ':' || sum(('x' || substr(md5(r::text), 1, 15))::bit(60)::bigint) FROM "
                + table + " r");
    }

    private static void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,name,amount,active\n");
            StringBuilder line = new StringBuilder(64);
            for (int i = 1; i <= ROWS; i++) {
                line.setLength(0);
                line.append(i).append(',');
                if (i % 7 == 0) {
                    line.append("\"name ").append(i).append(", \"\"quoted\"\"\"");
                } else {
                    line.append("name ").append(i);
                }
                line.append(',');
                if (i % 5 != 0) {
                    line.append(i % 100_000).append('.').append(i % 100);
                }
                line.append(',').append(i % 2 == 0 ? 't' : 'f').append('\n');
                out.append(line);
            }
        }
    }

    /** The seed that runs in the forked JVM: {@code url user password file}. */
    public static final class Main {
        public static void main(String[] args) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(args[0]);
            dataSource.setUser(args[1]);
            dataSource.setPassword(args[2]);
            SeedResult result = Blink.plan()
                    .addTable("big", Csv.from(Path.of(args[3])), TableOptions.retain(Retain.NONE))
                    .insert(dataSource);
            if (result.rows() != ROWS) {
                throw new AssertionError("wrote " + result.rows() + " rows, expected " + ROWS);
            }
            System.out.println("loaded " + result.rows() + " rows in " + result.elapsed() + ", max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        }
    }
}
