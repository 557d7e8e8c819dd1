package dev.blink.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The benchmark's rows, generated from a fixed seed so that every method and every run loads the
 * same data: row {@code i} depends only on {@code i}, so a stream of ten million rows needs no
 * memory and equals a list of the same length.
 */
public final class BenchRows {

    private static final long SEED = 0x5EED_B11CL;
    private static final long BASE_EPOCH_SECOND = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    private static final String[] ASCII_FIRST = {
        "Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory", "Oscar",
    };
    private static final String[] ASCII_LAST = {
        "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Green", "Hall",
    };
    private static final String[] NON_ASCII = {
        "Zoë Brontë", "Łukasz Żółć", "Søren Kierkegård", "José Núñez", "François Lefèvre", "Jürgen Müller",
        "Ólafur Þórsson", "Ольга Иванова", "Αλέξανδρος Παππάς", "山田 太郎", "김 민준", "محمد علي", "Đặng Thị Hà",
    };
    private static final String[] TAGS = {"new", "vip", "beta", "churn", "trial", "admin", "eu", "us"};

    private BenchRows() {
    }

    /** The users rows {@code 1..count}. */
    public static List<UserRow> users(int count) {
        List<UserRow> rows = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            rows.add(user(i));
        }
        return rows;
    }

    /** The users rows {@code 1..count}, generated lazily. */
    public static Stream<UserRow> userStream(long count) {
        return LongStream.rangeClosed(1, count).mapToObj(BenchRows::user);
    }

    /** The narrow rows {@code 1..count}. */
    public static List<NarrowRow> narrow(int count) {
        List<NarrowRow> rows = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            rows.add(narrowRow(i));
        }
        return rows;
    }

    /** Users row number {@code id}. */
    public static UserRow user(long id) {
        SplittableRandom random = new SplittableRandom(SEED ^ (id * 0x9E3779B97F4A7C15L));
        String name = random.nextInt(5) == 0
                ? NON_ASCII[random.nextInt(NON_ASCII.length)] + " " + id
                : ASCII_FIRST[random.nextInt(ASCII_FIRST.length)] + " " + ASCII_LAST[random.nextInt(ASCII_LAST.length)]
                        + " " + id;
        String email = random.nextInt(10) == 0 ? null : "user" + id + "@example.com";
        int age = 18 + random.nextInt(73);
        BigDecimal score = BigDecimal.valueOf(random.nextLong(100_000_000L), 2);
        boolean active = random.nextBoolean();
        OffsetDateTime createdAt = OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(BASE_EPOCH_SECOND + random.nextLong(3L * 365 * 86_400), random.nextInt(1_000_000) * 1_000L),
                ZoneOffset.UTC);
        UUID uuid = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
        String tags = "{\"tags\": [\"" + TAGS[random.nextInt(TAGS.length)] + "\", \"" + TAGS[random.nextInt(TAGS.length)]
                + "\"], \"level\": " + random.nextInt(10) + "}";
        return new UserRow(id, name, email, age, score, active, createdAt, uuid, tags);
    }

    /** Narrow row number {@code id}. */
    public static NarrowRow narrowRow(long id) {
        return new NarrowRow(id, (int) ((id * 2_654_435_761L) >>> 8));
    }

    /** A users row as a map from column name to value (the email's key is there even when null). */
    public static Map<String, Object> toMap(UserRow row) {
        Map<String, Object> map = new LinkedHashMap<>(16);
        map.put("id", row.id());
        map.put("name", row.name());
        map.put("email", row.email());
        map.put("age", row.age());
        map.put("score", row.score());
        map.put("active", row.active());
        map.put("created_at", row.createdAt());
        map.put("uuid", row.uuid());
        map.put("tags", row.tags());
        return map;
    }

    /** A narrow row as a map from column name to value. */
    public static Map<String, Object> toMap(NarrowRow row) {
        Map<String, Object> map = new LinkedHashMap<>(4);
        map.put("id", row.id());
        map.put("v", row.v());
        return map;
    }
}
