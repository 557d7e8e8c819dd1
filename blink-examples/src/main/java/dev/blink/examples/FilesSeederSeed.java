package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.Retain;
import dev.blink.SeedResult;
import dev.blink.Seeder;
import dev.blink.Store;
import dev.blink.TableOptions;
import dev.blink.files.Csv;
import dev.blink.files.FileRowIterator;
import dev.blink.files.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/** The README's other file examples: files in a Seeder, files straight into a plan, rows read by hand. */
final class FilesSeederSeed {

    private FilesSeederSeed() {
    }

    static SeedResult inASeeder(DataSource dataSource, Path seedData) {
        // tag::files-seeder[]
        final class AppSeeder implements Seeder {

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

        SeedResult result = Blink.plan(new AppSeeder(seedData))
                .addTable("users")
                .addTable("products")
                .insert(dataSource);
        // end::files-seeder[]
        return result;
    }

    static void straightIntoAPlan(DataSource dataSource, Path seedData) {
        // tag::files-plan[]
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
        // end::files-plan[]
    }

    static void printRows(Path path) throws Exception {
        // tag::file-rows[]
        try (FileRowIterator rows = Csv.from(path).iterator()) {
            while (rows.hasNext()) {
                Map<String, Object> row = rows.next();
                System.out.println(rows.file() + ":" + rows.line() + " " + row);
            }
        }
        // end::file-rows[]
    }
}
