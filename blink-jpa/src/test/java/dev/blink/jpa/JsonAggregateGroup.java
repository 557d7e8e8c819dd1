package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Embeddables stored as one JSON column ({@code @Embedded @JdbcTypeCode(SqlTypes.JSON)}): Hibernate
 * writes them with its aggregate mapper, keys named by the naming strategy (snake_case in the
 * differential test's persistence unit).
 */
final class JsonAggregateGroup implements EntityGroup {

    @Embeddable
    record Dimensions(Integer widthCm, Integer heightCm, BigDecimal weightKg) {
    }

    @Embeddable
    static class Contents {
        String itemName;
        int itemCount;
        LocalDate packedOn;
        @Embedded
        Dimensions boxSize;

        Contents() {
        }

        Contents(String itemName, int itemCount, LocalDate packedOn, Dimensions boxSize) {
            this.itemName = itemName;
            this.itemCount = itemCount;
            this.packedOn = packedOn;
            this.boxSize = boxSize;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Contents c && java.util.Objects.equals(itemName, c.itemName) && itemCount == c.itemCount
                    && java.util.Objects.equals(packedOn, c.packedOn) && java.util.Objects.equals(boxSize, c.boxSize);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(itemName, itemCount, packedOn, boxSize);
        }
    }

    @Entity(name = "JaParcel")
    @Table(name = "ja_parcels")
    static class Parcel {
        @Id
        Long id;
        String label;
        @Embedded
        @JdbcTypeCode(SqlTypes.JSON)
        Dimensions outerSize;
        @Embedded
        @JdbcTypeCode(SqlTypes.JSON)
        Contents contents;
    }

    final List<Parcel> parcels = new ArrayList<>();

    JsonAggregateGroup() {
        for (long i = 1; i <= 6; i++) {
            Parcel parcel = new Parcel();
            parcel.id = i;
            parcel.label = "parcel \"" + i + "\"";
            parcel.outerSize = i == 2 ? null : new Dimensions((int) i * 10, i == 3 ? null : 20, new BigDecimal("1.25").multiply(BigDecimal.valueOf(i)));
            parcel.contents = i == 4 ? null : new Contents("item ünï " + i, (int) i, LocalDate.of(2024, 1, (int) i),
                    i == 5 ? null : new Dimensions(1, 2, BigDecimal.ONE));
            parcels.add(parcel);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("ja_parcels");
    }

    @Override
    public void persist(EntityManager em) {
        parcels.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Parcel.class, store -> parcels);
    }

    @Override
    public List<Object> entities() {
        return List.copyOf(parcels);
    }

    @Override
    public List<Object> more(EntityManager em) {
        Parcel parcel = new Parcel();
        parcel.id = 100L;
        parcel.outerSize = new Dimensions(1, 1, BigDecimal.TEN);
        return List.of(parcel);
    }
}
