package dev.blink.examples.factory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A user of an organization. */
// tag::entity-user[]
@Entity
@Table(name = "users", schema = "factory")
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;
    String name;
    String email;
    @ManyToOne(optional = false)
    Organization organization;
}
// end::entity-user[]
