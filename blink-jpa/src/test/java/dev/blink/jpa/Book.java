package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A foreign key of two columns, to an entity with a composite id; ids from the AUTO strategy. */
@Entity
@Table(name = "books")
class Book {
    @Id
    @GeneratedValue
    Long id;
    String title;
    @ManyToOne
    @JoinColumns({
        @JoinColumn(name = "shelf_aisle", referencedColumnName = "aisle"),
        @JoinColumn(name = "shelf_number", referencedColumnName = "number")
    })
    Shelf shelf;
}
