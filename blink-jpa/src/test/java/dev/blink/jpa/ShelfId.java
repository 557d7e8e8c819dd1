package dev.blink.jpa;

import jakarta.persistence.Embeddable;
import java.util.Objects;

@Embeddable
class ShelfId {
    String aisle;
    int number;

    ShelfId() {
    }

    ShelfId(String aisle, int number) {
        this.aisle = aisle;
        this.number = number;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShelfId that && number == that.number && Objects.equals(aisle, that.aisle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aisle, number);
    }
}
