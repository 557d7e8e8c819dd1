package dev.blink;

import java.util.Objects;

/**
 * The entry point: fast, transactional seeding of PostgreSQL.
 *
 * <pre>{@code
 * SeedResult result = Blink.plan()
 *     .addTable("users", store -> users)
 *     .addTable("posts", store -> postsFor(store.table("users", User.class)))
 *     .insert(dataSource);
 * }</pre>
 */
public final class Blink {

    private Blink() {
    }

    /** A new, empty plan whose steps each get a source. */
    public static Plan plan() {
        return new Plan(null);
    }

    /** A new, empty plan whose steps added by name alone are answered by {@code seeder}. */
    public static Plan plan(Seeder seeder) {
        return new Plan(Objects.requireNonNull(seeder, "null seeder"));
    }
}
