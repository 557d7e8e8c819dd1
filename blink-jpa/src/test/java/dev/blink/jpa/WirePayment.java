package dev.blink.jpa;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("WIRE")
class WirePayment extends Payment {
    String iban;
}
