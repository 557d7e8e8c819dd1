package dev.blink.bench;

import java.time.OffsetDateTime;

/**
 * One row of a small-seed table ({@code small_00} … {@code small_49}).
 *
 * @param id the primary key
 * @param name never null
 * @param v a number
 * @param createdAt a {@code timestamptz}
 */
public record SmallRow(long id, String name, int v, OffsetDateTime createdAt) {
}
