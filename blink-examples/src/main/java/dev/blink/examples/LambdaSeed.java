package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.Plan;
import dev.blink.SeedResult;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/** The same seed with records and lambdas instead of a Seeder. */
public final class LambdaSeed {

    private LambdaSeed() {
    }

    // tag::lambda[]
    record User(long id, String name, String email, Instant insertedAt, Instant updatedAt) {
    }

    record Post(long id, String title, long userId, Instant insertedAt, Instant updatedAt) {
    }

    static Plan plan() {
        Instant now = Instant.now();
        return Blink.plan()
                .addTable("users", store -> LongStream.rangeClosed(1, 1_000)
                        .mapToObj(i -> new User(i, "User " + i, "user" + i + "@example.com", now, now))
                        .toList())
                .addTable("posts", store -> store.table("users", User.class).stream()
                        .flatMap(user -> LongStream.rangeClosed(1, 5)
                                .mapToObj(i -> new Post((user.id() - 1) * 5 + i, "Post " + i, user.id(), now, now)))
                        .toList());
    }

    static SeedResult seed(DataSource dataSource) {
        return plan().insert(dataSource);
    }
    // end::lambda[]

    static List<String> tables() {
        return List.of("users", "posts");
    }
}
