package dev.blink.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

/** A subclass table and an (optional) secondary table. */
@Entity
@Table(name = "laptops")
@SecondaryTable(name = "laptop_specs", pkJoinColumns = @PrimaryKeyJoinColumn(name = "laptop_id"))
class Laptop extends Asset {
    String model;
    @Column(table = "laptop_specs", name = "ram_gb")
    Integer ramGb;
}
