package dev.blink.examples.factory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An organization; its UUID id is generated when Blink writes it. */
// tag::entity-organization[]
@Entity
@Table(name = "organizations", schema = "factory")
public class Organization {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;
    String name;
}
// end::entity-organization[]
