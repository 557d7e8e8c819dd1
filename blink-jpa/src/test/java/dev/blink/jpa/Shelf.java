package dev.blink.jpa;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A composite, assigned id. */
@Entity
@Table(name = "shelves")
class Shelf {
    @EmbeddedId
    ShelfId id;
    String label;
}
