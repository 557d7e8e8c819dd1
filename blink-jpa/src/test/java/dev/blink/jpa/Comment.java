package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Generated;

/**
 * A UUID generated client-side, a creation timestamp generated in memory, and a column the
 * database fills from its default.
 */
@Entity
@Table(name = "comments")
class Comment {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;
    String text;
    @CreationTimestamp
    Instant createdAt;
    @Generated
    @ColumnDefault("'fresh'")
    String state;
}
