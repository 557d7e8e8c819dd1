package dev.blink.jpa;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("CARD")
class CardPayment extends Payment {
    String cardLast4;
}
