package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * One group of entities of the differential test, for one persist-time behaviour. Each instance
 * builds its own objects, the same every time, so that Hibernate and Blink are given equal graphs.
 */
interface EntityGroup {

    /** The tables the group writes, compared row for row. */
    List<String> tables();

    /** Persists this instance's objects, in an order Hibernate accepts. */
    void persist(EntityManager em);

    /** Adds this instance's objects to a Blink plan. */
    void addTo(Plan plan, JpaTables tables);

    /** Every entity this instance holds, to load back and compare after a seed. */
    List<Object> entities();

    /** New entities, of every id strategy of the group, that Hibernate persists after a seed. */
    List<Object> more(EntityManager em);
}
