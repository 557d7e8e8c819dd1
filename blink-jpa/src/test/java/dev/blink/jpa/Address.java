package dev.blink.jpa;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

@Embeddable
class Address {
    String street;
    String city;
    @Embedded
    GeoPoint location;

    Address() {
    }

    Address(String street, String city, GeoPoint location) {
        this.street = street;
        this.city = city;
        this.location = location;
    }
}
