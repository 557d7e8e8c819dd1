package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Entities as applications write them, with private fields, which Hibernate's own bytecode
 * optimizer refuses, so its getters read them by reflection and Blink reads the same fields
 * through compiled readers: private fields of a mapped superclass, primitives (whose nullability
 * check cannot fail and is left out) beside a not-null object column (where it stays), a JSON
 * column bound through a PGobject, callbacks that change fields before they are read, and a
 * class with property access, whose getters Hibernate calls (and Blink with it).
 */
final class PrivateFieldsGroup implements EntityGroup {

    /** Sets the value of every counter it sees, as an auditing listener sets its columns. */
    public static class Bumper {
        @PrePersist
        public void bump(Object entity) {
            if (entity instanceof Counter counter) {
                counter.value += 1000;
            }
        }
    }

    @MappedSuperclass
    abstract static class Stamped {
        private OffsetDateTime createdAt;
        private int revision;

        @PrePersist
        void stamp() {
            createdAt = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC);
            revision++;
        }
    }

    @Entity(name = "PfAccount")
    @Table(name = "pf_accounts")
    static class Account extends Stamped {
        @Id
        private long id;
        @Column(nullable = false)
        private String name;
        private String email;
        private int age;
        @Column(nullable = false)
        private long points;
        @Column(precision = 10, scale = 2)
        private BigDecimal score;
        private boolean active;
        private UUID uuid;
        @Column(columnDefinition = "jsonb")
        @JdbcTypeCode(SqlTypes.JSON)
        private String tags;
    }

    @Entity(name = "PfCounter")
    @EntityListeners(Bumper.class)
    @Table(name = "pf_counters")
    static class Counter {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        private Long id;
        private int value;
        private long total;

        int value() {
            return value;
        }
    }

    @Entity(name = "PfGadget")
    @Access(AccessType.PROPERTY)
    @Table(name = "pf_gadgets")
    static class Gadget {
        private long id;
        private String label;
        private int size;

        @Id
        public long getId() {
            return id;
        }

        public void setId(long id) {
            this.id = id;
        }

        /** What Hibernate writes is what this getter returns, not the field: the label without its spaces. */
        public String getLabel() {
            return label == null ? null : label.strip();
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public int getSize() {
            return size;
        }

        public void setSize(int size) {
            this.size = size;
        }

        @Transient
        public String getIgnored() {
            return "never written";
        }
    }

    final List<Account> accounts = new ArrayList<>();
    final List<Counter> counters = new ArrayList<>();
    final List<Gadget> gadgets = new ArrayList<>();

    PrivateFieldsGroup() {
        for (int i = 1; i <= 6; i++) {
            Account account = new Account();
            account.id = i;
            account.name = i % 3 == 0 ? "Zoë " + i : "name " + i;
            account.email = i % 2 == 0 ? null : "user" + i + "@example.com";
            account.age = 17 + i;
            account.points = 1L << (30 + i);
            account.score = i % 4 == 0 ? null : new BigDecimal(i + ".25");
            account.active = i % 2 == 0;
            account.uuid = i % 5 == 0 ? null : new UUID(i, i * 31L);
            account.tags = i % 3 == 1 ? null : "{\"n\": " + i + ", \"tags\": [\"t" + i + "\"]}"; // as jsonb prints it
            accounts.add(account);
            Counter counter = new Counter();
            counter.value = i;
            counter.total = -i * 1_000_000_000_000L;
            counters.add(counter);
            Gadget gadget = new Gadget();
            gadget.id = 100 + i;
            gadget.label = i % 2 == 0 ? null : "  gadget " + i + " ";
            gadget.size = i * 7;
            gadgets.add(gadget);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("pf_accounts", "pf_counters", "pf_gadgets");
    }

    @Override
    public void persist(EntityManager em) {
        accounts.forEach(em::persist);
        counters.forEach(em::persist);
        gadgets.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Account.class, store -> accounts);
        tables.addTo(plan, Counter.class, store -> counters);
        tables.addTo(plan, Gadget.class, store -> gadgets);
    }

    @Override
    public List<Object> entities() {
        List<Object> all = new ArrayList<>(accounts);
        all.addAll(counters);
        all.addAll(gadgets);
        return all;
    }

    @Override
    public List<Object> more(EntityManager em) {
        Account account = new Account();
        account.id = 1000;
        account.name = "after the seed";
        Counter counter = new Counter();
        counter.value = 1;
        Gadget gadget = new Gadget();
        gadget.id = 1000;
        gadget.label = "after the seed";
        return List.of(account, counter, gadget);
    }
}
