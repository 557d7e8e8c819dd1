package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.SeedResult;
import dev.blink.files.Csv;
import dev.blink.files.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;

/** Tables loaded from a CSV and a JSON file, streamed, with a transform per row. */
public final class FilesSeed {

    private FilesSeed() {
    }

    static SeedResult seed(DataSource dataSource, Path seedData) {
        Instant now = Instant.now();
        // tag::files[]
        return Blink.plan()
                .addTable("users", Csv.from(seedData.resolve("users.csv")).transform(row -> {
                    row.put("id", Long.parseLong((String) row.get("id"))); // optional: text is parsed by column type
                    row.put("inserted_at", now);
                    row.put("updated_at", now);
                    return row;
                }))
                .addTable("products", Json.from(seedData.resolve("products.json")).transform(product -> {
                    product.put("inserted_at", now);
                    return product;
                }))
                .insert(dataSource);
        // end::files[]
    }

    /** Copies the sample files shipped with the examples into a new temporary directory. */
    static Path sampleFiles() throws IOException {
        Path dir = Files.createTempDirectory("blink-seed-data");
        for (String name : new String[] {"users.csv", "products.json"}) {
            try (InputStream in = FilesSeed.class.getResourceAsStream("/seed/" + name)) {
                if (in == null) {
                    throw new IOException("Missing example resource /seed/" + name);
                }
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir;
    }
}
