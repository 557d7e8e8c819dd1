package dev.blink.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A schema-qualified table and columns whose names need quotes, with an identity id. */
@Entity
@Table(schema = "archive", name = "\"Old Posts\"")
class ArchivedPost {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "\"Post Id\"")
    Long id;
    @Column(name = "\"Title\"")
    String title;
}
