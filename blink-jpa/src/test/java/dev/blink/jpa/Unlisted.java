package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity class that the test persistence unit does not list. */
@Entity
class Unlisted {
    @Id
    Long id;
}
