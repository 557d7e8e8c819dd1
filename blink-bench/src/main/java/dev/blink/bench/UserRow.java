package dev.blink.bench;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of {@code bench_users}, as a record (Blink maps its components to snake_case columns).
 *
 * @param id the primary key
 * @param name never null; one name in five is not ASCII
 * @param email null for one row in ten
 * @param age 18 to 90
 * @param score {@code numeric(10,2)}
 * @param active a flag
 * @param createdAt a {@code timestamptz}, in UTC
 * @param uuid a random {@code uuid}
 * @param tags a small JSON document for the {@code jsonb} column
 */
public record UserRow(long id, String name, String email, int age, BigDecimal score, boolean active,
        OffsetDateTime createdAt, UUID uuid, String tags) {
}
