package dev.blink.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** {@code bench_users} as a JPA entity with an assigned id and an entity listener, for Hibernate and blink-jpa. */
@Entity
@EntityListeners(BenchListener.class)
@Table(name = "bench_users")
public class UserEntity {

    @Id
    private long id;
    @Column(nullable = false)
    private String name;
    private String email;
    private int age;
    @Column(precision = 10, scale = 2)
    private BigDecimal score;
    private boolean active;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    private UUID uuid;
    @Column(columnDefinition = "jsonb")
    @JdbcTypeCode(SqlTypes.JSON)
    private String tags;

    /** For JPA. */
    protected UserEntity() {
    }

    /** An entity holding the record's values. */
    public static UserEntity of(UserRow row) {
        UserEntity entity = new UserEntity();
        entity.id = row.id();
        entity.name = row.name();
        entity.email = row.email();
        entity.age = row.age();
        entity.score = row.score();
        entity.active = row.active();
        entity.createdAt = row.createdAt();
        entity.uuid = row.uuid();
        entity.tags = row.tags();
        return entity;
    }

    /** The id. */
    public long getId() {
        return id;
    }

    /** The name. */
    public String getName() {
        return name;
    }
}
