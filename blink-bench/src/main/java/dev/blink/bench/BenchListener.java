package dev.blink.bench;

import jakarta.persistence.PrePersist;

/**
 * An entity listener with a {@code @PrePersist} callback on both bench entities, so that Hibernate
 * and blink-jpa run a callback per entity, as an application's auditing listener would.
 */
public class BenchListener {

    /** Callbacks run, so that the call is not optimized away. */
    static long calls;

    /** Counts the entity. */
    @PrePersist
    public void prePersist(Object entity) {
        calls++;
    }
}
