package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.SeedResult;
import dev.blink.Seeder;
import dev.blink.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The basic example: users, then posts that point at them, in the callback form. */
// tag::basic[]
public final class BasicSeeder implements Seeder {

    public SeedResult call(DataSource dataSource) {
        return Blink.plan(this)
                .addTable("users")
                .addTable("posts")
                .insert(dataSource);
    }

    @Override
    public Iterable<?> table(Store store, String table) throws Exception {
        return switch (table) {
            case "users" -> users();
            case "posts" -> posts(store.table("users"));
            default -> Seeder.super.table(store, table);
        };
    }

    private static List<Map<String, Object>> users() {
        Instant now = Instant.now();
        List<Map<String, Object>> users = new ArrayList<>();
        for (long i = 1; i <= 1_000; i++) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", i);
            user.put("name", "User " + i);
            user.put("email", "user" + i + "@example.com");
            user.put("inserted_at", now);
            user.put("updated_at", now);
            users.add(user);
        }
        return users;
    }

    private static List<Map<String, Object>> posts(List<?> users) {
        Instant now = Instant.now();
        List<Map<String, Object>> posts = new ArrayList<>();
        for (Object row : users) {
            long userId = (Long) ((Map<?, ?>) row).get("id");
            for (long i = 1; i <= 5; i++) {
                Map<String, Object> post = new LinkedHashMap<>();
                post.put("id", (userId - 1) * 5 + i);
                post.put("title", "Post " + i);
                post.put("user_id", userId);
                post.put("inserted_at", now);
                post.put("updated_at", now);
                posts.add(post);
            }
        }
        return posts;
    }
}
// end::basic[]
