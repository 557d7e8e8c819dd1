package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A tree in one table: each node refers to its parent. */
@Entity
@Table(name = "nodes")
class Node {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;
    String name;
    @ManyToOne
    Node parent;

    static Node of(String name, Node parent) {
        Node node = new Node();
        node.name = name;
        node.parent = parent;
        return node;
    }
}
