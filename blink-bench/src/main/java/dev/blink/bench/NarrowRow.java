package dev.blink.bench;

/**
 * One row of {@code bench_narrow}.
 *
 * @param id a {@code bigint}
 * @param v an {@code int}
 */
public record NarrowRow(long id, int v) {
}
