package dev.blink.bench;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code bench_narrow} as a JPA entity with an entity listener (the table has no key; JPA needs one, so {@code id} is it). */
@Entity
@EntityListeners(BenchListener.class)
@Table(name = "bench_narrow")
public class NarrowEntity {

    @Id
    private long id;
    private int v;

    /** For JPA. */
    protected NarrowEntity() {
    }

    /** An entity holding the record's values. */
    public static NarrowEntity of(NarrowRow row) {
        NarrowEntity entity = new NarrowEntity();
        entity.id = row.id();
        entity.v = row.v();
        return entity;
    }

    /** The id. */
    public long getId() {
        return id;
    }

    /** The value. */
    public int getV() {
        return v;
    }
}
