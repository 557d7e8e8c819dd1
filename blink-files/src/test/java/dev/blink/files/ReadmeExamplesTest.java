package dev.blink.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.Retain;
import dev.blink.SeedResult;
import dev.blink.Seeder;
import dev.blink.Store;
import dev.blink.TableOptions;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The code of blink-files' README section, run as written. */
class ReadmeExamplesTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path seedData;

    private TestDatabase db;

    @BeforeEach
    void schemaAndFiles() throws IOException {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS posts, users, products, events;
                CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL,
                                    inserted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
                CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL, user_id bigint NOT NULL REFERENCES users(id));
                CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL, price numeric(10, 2) NOT NULL,
                                       tags text[], attributes jsonb, inserted_at timestamptz NOT NULL);
                CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL);
                """);
        Files.writeString(seedData.resolve("users.csv"), """
                id,name,email
                1,Ada Lovelace,ada@example.com
                2,"Hopper, Grace",grace@example.com
                """, StandardCharsets.UTF_8);
        Files.writeString(seedData.resolve("products.json"), """
                [
                  {"id": 1, "name": "Lamp", "price": 19.99, "tags": ["home"], "attributes": {"watts": 40}},
                  {"id": 2, "name": "Desk", "price": 249.00, "tags": [], "attributes": {"legs": 4, "color": "oak"}}
                ]
                """, StandardCharsets.UTF_8);
        Files.writeString(seedData.resolve("events.jsonl"), """
                {"id": 1, "kind": "signup", "at": "2024-01-01T10:00:00Z"}
                {"id": 2, "kind": "login", "at": "2024-01-02T11:30:00Z"}
                """, StandardCharsets.UTF_8);
    }

    // tag::seeder[]
    /** The twin of the Elixir README's seeder that loads users.csv and products.json. */
    static final class AppSeeder implements Seeder {

        private final Path seedData;

        AppSeeder(Path seedData) {
            this.seedData = seedData;
        }

        @Override
        public Iterable<?> table(Store store, String table) throws Exception {
            return switch (table) {
                case "users" -> Csv.from(seedData.resolve("users.csv")).transform(row -> {
                    Instant now = Instant.now();
                    row.put("id", Long.parseLong((String) row.get("id")));
                    row.put("inserted_at", now);
                    row.put("updated_at", now);
                    return row;
                });
                case "products" -> Json.from(seedData.resolve("products.json")).transform(product -> {
                    product.put("inserted_at", Instant.now());
                    return product;
                });
                default -> Seeder.super.table(store, table);
            };
        }
    }
    // end::seeder[]

    @Test
    void seedsUsersFromCsvAndProductsFromJsonThroughASeeder() {
        DataSource dataSource = db.dataSource();
        // tag::seed[]
        SeedResult result = Blink.plan(new AppSeeder(seedData))
                .addTable("users")
                .addTable("products")
                .insert(dataSource);
        // end::seed[]
        assertEquals(4, result.rows());
        assertEquals(List.of(Map.of("id", 1L, "name", "Ada Lovelace"), Map.of("id", 2L, "name", "Hopper, Grace")),
                db.query("SELECT id, name FROM users ORDER BY id"));
        assertEquals(true, db.queryValue("""
                SELECT bool_and(inserted_at = updated_at) FROM users
                """));
        assertEquals(List.of(Map.of("ok", true)), db.query("""
                SELECT price = 249.00 AND tags = '{}' AND attributes = '{"legs": 4, "color": "oak"}' AS ok
                FROM products WHERE id = 2
                """));
        assertEquals(1L, result.store().table("users").get(0) instanceof Map<?, ?> user ? user.get("id") : null);
    }

    @Test
    void addsFilesStraightToAPlan() {
        DataSource dataSource = db.dataSource();
        // tag::plan[]
        Blink.plan()
                .addTable("users", Csv.from(seedData.resolve("users.csv"))
                        .transform(row -> {
                            row.put("inserted_at", Instant.parse("2024-01-01T00:00:00Z"));
                            row.put("updated_at", Instant.parse("2024-01-01T00:00:00Z"));
                            return row;
                        }),
                        TableOptions.retain(Retain.columns("id")))
                .addTable("posts", store -> store.table("users").stream()
                        .map(user -> Map.of("id", ((Map<?, ?>) user).get("id"),
                                "title", "Hello",
                                "user_id", ((Map<?, ?>) user).get("id")))
                        .toList())
                .addTable("events", Json.from(seedData.resolve("events.jsonl")), TableOptions.retain(Retain.NONE))
                .insert(dataSource);
        // end::plan[]
        assertEquals(2, db.count("users"));
        assertEquals(2, db.count("posts"));
        assertEquals(2, db.count("events"));
        assertTrue((Boolean) db.queryValue("SELECT at = '2024-01-02T11:30:00Z' FROM events WHERE id = 2"));
    }
}
