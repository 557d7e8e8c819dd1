package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Ids from a sequence with allocationSize 1 (Hibernate's no-op optimizer). */
@Entity
@Table(name = "teams")
class Team {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_ids")
    @SequenceGenerator(name = "team_ids", sequenceName = "team_ids", allocationSize = 1)
    Integer id;
    String name;
}
