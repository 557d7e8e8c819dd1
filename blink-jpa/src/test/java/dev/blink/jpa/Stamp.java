package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.SourceType;

/** A value the database computes from an SQL expression in Hibernate's insert: Blink cannot write it. */
@Entity
@Table(name = "stamps")
class Stamp {
    @Id
    Long id;
    @CurrentTimestamp(source = SourceType.DB)
    Instant touchedAt;
}
