package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ColumnDefault;

/**
 * A {@code SINGLE_TABLE} hierarchy whose subclasses' columns have defaults: Hibernate's insert of
 * one class leaves the other classes' columns out, so their defaults apply.
 */
final class SingleTableDefaultsGroup implements EntityGroup {

    @Entity(name = "StNotice")
    @Table(name = "st_notices")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    abstract static class Notice {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String text;
    }

    @Entity(name = "StAlert")
    @DiscriminatorValue("alert")
    static class Alert extends Notice {
        @ColumnDefault("'high'")
        String severity;
    }

    @Entity(name = "StInfo")
    @DiscriminatorValue("info")
    static class Info extends Notice {
        @ColumnDefault("5")
        Integer ttl;
    }

    final List<Notice> notices = new ArrayList<>();

    SingleTableDefaultsGroup() {
        for (int i = 0; i < 9; i++) {
            Notice notice;
            if (i % 3 == 0) {
                Info info = new Info();
                info.ttl = i == 3 ? null : i;
                notice = info;
            } else {
                Alert alert = new Alert();
                alert.severity = i == 4 ? null : "level " + i;
                notice = alert;
            }
            notice.text = "notice " + i;
            notices.add(notice);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("st_notices");
    }

    @Override
    public void persist(EntityManager em) {
        notices.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Notice.class, store -> notices);
    }

    @Override
    public List<Object> entities() {
        return List.copyOf(notices);
    }

    @Override
    public List<Object> more(EntityManager em) {
        Info info = new Info();
        info.text = "after the seed";
        return List.of(info);
    }
}
