package dev.blink.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.Plan;
import dev.blink.PlanException;
import dev.blink.SeedException;
import dev.blink.testkit.PostgresExtension;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Blink refuses because it cannot do what Hibernate does: each refusal says what to change,
 * and comes before the table's rows are sent (the seed then leaves the database as it was).
 */
class RefusalsTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    /** A write expression whose parameter the server reads as a timestamp, from a date in the session's time zone. */
    @Entity(name = "RfLaunch")
    @Table(name = "rf_launches")
    static class Launch {
        @Id
        Long id;
        @Column(name = "launched_at", columnDefinition = "timestamptz")
        @ColumnTransformer(write = "cast(? as timestamptz)")
        LocalDate launchedOn;
    }

    /** Vetoed by a pre-insert listener. */
    @Entity(name = "RfVetoed")
    @Table(name = "rf_vetoed")
    static class Vetoed {
        @Id
        Long id;
    }

    /** Changed by a pre-insert listener in the inserted state only. */
    @Entity(name = "RfVersioned")
    @Table(name = "rf_versioned")
    static class Versioned {
        @Id
        Long id;
        String note;
        @Version
        int version;
    }

    @Test
    void refusesAWriteExpressionWhoseParameterTheServerWouldReadAsAnotherType() {
        EntityManagerFactory hibernate = Hibernate.start(postgres.database(), null, Launch.class);
        try {
            Launch launch = new Launch();
            launch.id = 1L;
            launch.launchedOn = LocalDate.of(2020, 1, 1);
            Plan plan = Blink.plan();
            JpaTables.from(hibernate).addTo(plan, Launch.class, store -> List.of(launch));

            SeedException e = assertThrows(SeedException.class, () -> plan.insert(postgres.database().dataSource()));
            assertTrue(e.getMessage().contains("column launched_at of table rf_launches is written through the expression "
                    + "cast(? as timestamptz), whose parameter the server takes as timestamptz while Hibernate binds a "
                    + "LocalDate there"), e.getMessage());
            assertTrue(e.getMessage().contains("cast(? as date)"), e.getMessage());
            assertEquals(0L, postgres.database().count("rf_launches"));
        } finally {
            hibernate.close();
        }
    }

    @Test
    void refusesEntitiesOfAFactoryWithPostInsertListenersBeforeAnythingIsSent() {
        PostInsertEventListener auditing = new PostInsertEventListener() {
            @Override
            public void onPostInsert(org.hibernate.event.spi.PostInsertEvent event) {
            }

            @Override
            public boolean requiresPostCommitHandling(EntityPersister persister) {
                return false;
            }
        };
        EntityManagerFactory hibernate = Hibernate.start(postgres.database(), null,
                Map.of("hibernate.integrator_provider", listening(EventType.POST_INSERT, auditing)), Vetoed.class);
        try {
            PlanException e = assertThrows(PlanException.class, () -> JpaTables.from(hibernate).table(Vetoed.class));
            assertTrue(e.getMessage().startsWith("Entity dev.blink.jpa.RefusalsTest$Vetoed is persisted by Hibernate with "
                    + "the event listeners [" + auditing.getClass().getName() + " (post-insert)]"), e.getMessage());
            assertTrue(e.getMessage().contains("Seed with an EntityManagerFactory that does not register them"),
                    e.getMessage());
        } finally {
            hibernate.close();
        }
    }

    @Test
    void refusesARowThatAPreInsertListenerVetoesAndAStateOnlyChangeToAVersionedEntity() {
        PreInsertEventListener listener = event -> {
            if (event.getEntity() instanceof Versioned) {
                List<String> names = Arrays.asList(event.getPersister().getPropertyNames());
                event.getState()[names.indexOf("note")] = "changed in the state only";
            }
            return event.getEntity() instanceof Vetoed;
        };
        EntityManagerFactory hibernate = Hibernate.start(postgres.database(), null,
                Map.of("hibernate.integrator_provider", listening(EventType.PRE_INSERT, listener)),
                Vetoed.class, Versioned.class);
        try {
            JpaTables tables = JpaTables.from(hibernate);
            Vetoed vetoed = new Vetoed();
            vetoed.id = 1L;
            Plan plan = Blink.plan();
            tables.addTo(plan, Vetoed.class, store -> List.of(vetoed));
            SeedException veto = assertThrows(SeedException.class, () -> plan.insert(postgres.database().dataSource()));
            assertTrue(veto.getMessage().contains("table \"rf_vetoed\", row 1: pre-insert listener "), veto.getMessage());
            assertTrue(veto.getMessage().contains("vetoed the insert of this dev.blink.jpa.RefusalsTest$Vetoed; "
                    + "Hibernate would leave the row out"), veto.getMessage());

            Versioned versioned = new Versioned();
            versioned.id = 1L;
            Plan second = Blink.plan();
            tables.addTo(second, Versioned.class, store -> List.of(versioned));
            SeedException state = assertThrows(SeedException.class, () -> second.insert(postgres.database().dataSource()));
            assertTrue(state.getMessage().contains("a pre-insert listener changed attribute "
                    + "dev.blink.jpa.RefusalsTest$Versioned.note in the state Hibernate inserts, but not on the entity"),
                    state.getMessage());
            assertEquals(0L, postgres.database().count("rf_vetoed") + postgres.database().count("rf_versioned"));
        } finally {
            hibernate.close();
        }
    }

    private static <T> IntegratorProvider listening(EventType<T> type, T listener) {
        return () -> List.of(new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext context, SessionFactoryImplementor factory) {
                factory.getServiceRegistry().requireService(EventListenerRegistry.class).appendListeners(type, listener);
            }
        });
    }
}
