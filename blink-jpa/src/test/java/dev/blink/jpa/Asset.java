package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** JOINED inheritance without a discriminator column, ids from a sequence with allocationSize 10. */
@Entity
@Table(name = "assets")
@Inheritance(strategy = InheritanceType.JOINED)
class Asset {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "asset_ids")
    @SequenceGenerator(name = "asset_ids", sequenceName = "asset_ids", allocationSize = 10)
    Long id;
    String label;
}
