package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.SeedResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/** Shared context: thirty timestamps computed once and used by two tables. */
public final class ContextSeed {

    private ContextSeed() {
    }

    record User(long id, String name, String email, Instant insertedAt, Instant updatedAt) {
    }

    record Post(long id, String title, long userId, Instant insertedAt, Instant updatedAt) {
    }

    // tag::context[]
    static SeedResult seed(DataSource dataSource) {
        return Blink.plan()
                .addContext("timestamps", store -> {
                    Instant base = Instant.parse("2024-01-01T00:00:00Z");
                    return IntStream.range(0, 30).mapToObj(day -> base.plus(day, ChronoUnit.DAYS)).toList();
                })
                .addTable("users", store -> {
                    List<?> days = store.context("timestamps", List.class);
                    return LongStream.rangeClosed(1, 300).mapToObj(i -> {
                        Instant day = (Instant) days.get((int) (i % days.size()));
                        return new User(i, "User " + i, "user" + i + "@example.com", day, day);
                    }).toList();
                })
                .addTable("posts", store -> {
                    List<?> days = store.context("timestamps", List.class);
                    Instant last = (Instant) days.get(days.size() - 1);
                    return store.table("users", User.class).stream()
                            .map(user -> new Post(user.id(), "Hello", user.id(), user.insertedAt(), last))
                            .toList();
                })
                .insert(dataSource);
    }
    // end::context[]
}
