package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.type.Type;

/**
 * Lifecycle callbacks as {@code persist} runs them: default listeners (orm.xml), entity listeners
 * (a Spring-Data-style auditing listener), callbacks inherited from a mapped superclass and the
 * entity's own, in that order, after a sequence id is generated and before an identity id is;
 * {@code @PostPersist}; and Hibernate's own hooks, the interceptor and pre-insert event listeners.
 */
final class CallbackGroup implements EntityGroup {

    /** Records the order in which callbacks reach an entity. */
    interface Trail {
        void step(String who);
    }

    @MappedSuperclass
    abstract static class AuditedEntity implements Trail {
        @AuditingListener.CreatedDate
        Instant createdAt;
        @AuditingListener.LastModifiedDate
        Instant modifiedAt;
        @AuditingListener.CreatedBy
        String createdBy;
        String trail;

        @Override
        public void step(String who) {
            trail = trail == null ? who : trail + ">" + who;
        }

        @PrePersist
        void superclassCallback() {
            step("superclass");
        }
    }

    @Entity(name = "CbTicket")
    @Table(name = "cb_tickets")
    @EntityListeners(AuditingListener.class)
    static class Ticket extends AuditedEntity {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cb_ticket_ids")
        @SequenceGenerator(name = "cb_ticket_ids", sequenceName = "cb_ticket_ids", allocationSize = 5)
        Long id;
        String title;
        String code;
        @Version
        int version;
        @Transient
        int postPersisted;

        @PrePersist
        void entityCallback() {
            step("entity");
            code = "T-" + id + "-" + title.length();
        }

        @PostPersist
        void afterInsert() {
            postPersisted++;
        }
    }

    /** An assigned id that the entity's own callback sets, before Hibernate reads it. */
    @Entity(name = "CbVoucher")
    @Table(name = "cb_vouchers")
    static class Voucher implements Trail {
        @Id
        String code;
        int serial;
        String trail;

        @Override
        public void step(String who) {
            trail = trail == null ? who : trail + ">" + who;
        }

        @PrePersist
        void assignCode() {
            step("entity");
            if (code == null) {
                code = "V-" + serial;
            }
        }
    }

    /** Values set by Hibernate's interceptor and by a pre-insert listener. */
    @Entity(name = "CbMemo")
    @Table(name = "cb_memos")
    static class Memo {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String text;
        String interceptedBy;
        String checkedBy;
        String listenedBy;
    }

    /** An identity id: the callback runs before the insert, so it sees no id. */
    @Entity(name = "CbReceipt")
    @Table(name = "cb_receipts")
    @EntityListeners(AuditingListener.class)
    static class Receipt {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String idSeenByCallback;
        @AuditingListener.CreatedDate
        Instant createdAt;
        @AuditingListener.CreatedBy
        String createdBy;

        @PrePersist
        void seeId() {
            idSeenByCallback = String.valueOf(id);
        }
    }

    /** The persistence unit's default listener, declared in {@code META-INF/blink-defaults.xml}. */
    public static class DefaultListener {
        @PrePersist
        public void first(Object entity) {
            if (entity instanceof Trail trail) {
                trail.step("default");
            }
        }
    }

    /** A session-factory-scoped interceptor that writes into a memo's state. */
    static final class StateInterceptor implements org.hibernate.Interceptor {
        @Override
        public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
            if (!(entity instanceof Memo)) {
                return false;
            }
            List<String> names = Arrays.asList(propertyNames);
            state[names.indexOf("interceptedBy")] = "interceptor:" + state[names.indexOf("text")];
            return true;
        }
    }

    /** Registers a pre-insert listener that sets a memo's columns, one on the object too, one in the state only. */
    static final class Listeners implements IntegratorProvider {
        @Override
        public List<Integrator> getIntegrators() {
            return List.of(new Integrator() {
                @Override
                public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                                      SessionFactoryImplementor sessionFactory) {
                    PreInsertEventListener listener = event -> {
                        if (event.getEntity() instanceof Memo memo) {
                            List<String> names = Arrays.asList(event.getPersister().getPropertyNames());
                            // as listeners should: the state that is inserted, and the entity
                            memo.checkedBy = "pre-insert:" + event.getId();
                            event.getState()[names.indexOf("checkedBy")] = memo.checkedBy;
                            // the state only: Hibernate's flush finds the entity dirty and writes its value back
                            event.getState()[names.indexOf("listenedBy")] = "state only";
                        }
                        return false;
                    };
                    sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class)
                            .appendListeners(EventType.PRE_INSERT, listener);
                }
            });
        }
    }

    final List<Ticket> tickets = new ArrayList<>();
    final List<Voucher> vouchers = new ArrayList<>();
    final List<Memo> memos = new ArrayList<>();
    final List<Receipt> receipts = new ArrayList<>();

    CallbackGroup() {
        for (int i = 1; i <= 12; i++) {
            Ticket ticket = new Ticket();
            ticket.title = "ticket number " + i;
            tickets.add(ticket);
        }
        for (int i = 1; i <= 4; i++) {
            Voucher voucher = new Voucher();
            voucher.serial = i;
            voucher.code = i == 3 ? "GIVEN" : null;
            vouchers.add(voucher);
        }
        for (int i = 1; i <= 6; i++) {
            Memo memo = new Memo();
            memo.text = "memo " + i;
            memos.add(memo);
        }
        for (int i = 1; i <= 5; i++) {
            receipts.add(new Receipt());
        }
    }

    @Override
    public List<String> tables() {
        return List.of("cb_tickets", "cb_vouchers", "cb_memos", "cb_receipts");
    }

    @Override
    public void persist(EntityManager em) {
        tickets.forEach(em::persist);
        vouchers.forEach(em::persist);
        memos.forEach(em::persist);
        receipts.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Ticket.class, store -> tickets);
        tables.addTo(plan, Voucher.class, store -> vouchers);
        tables.addTo(plan, Memo.class, store -> memos);
        tables.addTo(plan, Receipt.class, store -> receipts);
    }

    @Override
    public List<Object> entities() {
        List<Object> all = new ArrayList<>(tickets);
        all.addAll(vouchers);
        all.addAll(memos);
        all.addAll(receipts);
        return all;
    }

    @Override
    public List<Object> more(EntityManager em) {
        Ticket ticket = new Ticket();
        ticket.title = "after the seed";
        Voucher voucher = new Voucher();
        voucher.serial = 100;
        Memo memo = new Memo();
        memo.text = "after the seed";
        return List.of(ticket, voucher, memo, new Receipt());
    }
}
