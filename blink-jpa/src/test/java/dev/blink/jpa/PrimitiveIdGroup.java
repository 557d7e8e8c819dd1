package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** Generated ids of primitive type: 0 is the unsaved value, so Hibernate generates the id. */
final class PrimitiveIdGroup implements EntityGroup {

    @Entity(name = "PiCounter")
    @Table(name = "pi_counters")
    static class Counter {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        long id;
        String name;
    }

    @Entity(name = "PiTally")
    @Table(name = "pi_tallies")
    static class Tally {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        int id;
        String name;
    }

    final List<Counter> counters = new ArrayList<>();
    final List<Tally> tallies = new ArrayList<>();

    PrimitiveIdGroup() {
        for (int i = 0; i < 5; i++) {
            Counter counter = new Counter();
            counter.name = "counter " + i;
            counters.add(counter);
            Tally tally = new Tally();
            tally.name = "tally " + i;
            tallies.add(tally);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("pi_counters", "pi_tallies");
    }

    @Override
    public void persist(EntityManager em) {
        counters.forEach(em::persist);
        tallies.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Counter.class, store -> counters);
        tables.addTo(plan, Tally.class, store -> tallies);
    }

    @Override
    public List<Object> entities() {
        List<Object> all = new ArrayList<>(counters);
        all.addAll(tallies);
        return all;
    }

    @Override
    public List<Object> more(EntityManager em) {
        Counter counter = new Counter();
        counter.name = "after the seed";
        Tally tally = new Tally();
        tally.name = "after the seed";
        return List.of(counter, tally);
    }
}
