package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.DynamicInsert;

/**
 * {@code @DynamicInsert}: Hibernate leaves the columns of null attributes out of each insert, so
 * that their defaults apply; rows of several shapes, in runs and interleaved.
 */
final class DynamicInsertGroup implements EntityGroup {

    @Embeddable
    static class Margins {
        @ColumnDefault("7")
        Integer top;
        @ColumnDefault("8")
        Integer bottom;

        Margins() {
        }

        Margins(Integer top, Integer bottom) {
            this.top = top;
            this.bottom = bottom;
        }
    }

    @Entity(name = "DiDraft")
    @Table(name = "di_drafts")
    @DynamicInsert
    static class Draft {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String title;
        @ColumnDefault("'draft'")
        String status;
        @ColumnDefault("3")
        Integer priority;
        @ColumnDefault("'none'")
        String note;
        @Embedded
        Margins margins;
    }

    final List<Draft> drafts = new ArrayList<>();

    DynamicInsertGroup() {
        for (int i = 0; i < 24; i++) {
            Draft draft = new Draft();
            draft.title = i % 11 == 0 ? null : "draft " + i;
            // runs of one shape (i < 8), then shapes that change from row to row
            int shape = i < 4 ? 0 : i < 8 ? 1 : i % 4;
            draft.status = shape == 1 ? null : "published";
            draft.priority = shape == 2 ? null : i;
            draft.note = shape >= 2 ? null : "note " + i;
            draft.margins = shape == 3 ? null : new Margins(i, shape == 0 ? null : i + 1);
            drafts.add(draft);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("di_drafts");
    }

    @Override
    public void persist(EntityManager em) {
        drafts.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Draft.class, store -> drafts);
    }

    @Override
    public List<Object> entities() {
        // a draft with a null attribute loads back with the column's default, as after Hibernate's own insert
        return drafts.stream().filter(d -> d.status != null && d.priority != null && d.note != null
                && d.margins != null && d.margins.bottom != null).map(Object.class::cast).toList();
    }

    @Override
    public List<Object> more(EntityManager em) {
        Draft draft = new Draft();
        draft.title = "after the seed";
        return List.of(draft);
    }
}
