package dev.blink.examples.factory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A post by a user. */
// tag::entity-post[]
@Entity
@Table(name = "posts", schema = "factory")
public class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;
    String title;
    @Column(columnDefinition = "text")
    String body;
    @ManyToOne(optional = false)
    User user;
}
// end::entity-post[]
