package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "cars")
class Car extends Vehicle {
    int seats;
}
