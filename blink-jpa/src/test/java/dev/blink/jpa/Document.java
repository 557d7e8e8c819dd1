package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A large object, which PostgreSQL keeps outside the table: Blink cannot write it. */
@Entity
@Table(name = "documents")
class Document {
    @Id
    Long id;
    @Lob
    String content;
}
