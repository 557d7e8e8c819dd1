package dev.blink.jpa.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rows of one table of a {@code TABLE_PER_CLASS} hierarchy (the entities of one concrete
 * class), with every entity of the hierarchy: the first of the hierarchy's tables gives them all
 * their ids and runs persist's steps at once, as persist does before any insert, so that entities
 * can refer to each other across the hierarchy's tables.
 */
public final class HierarchyRows extends AbstractList<Object> implements RandomAccess {

    /** Every entity of the hierarchy, and whether persist's steps ran for them. */
    public static final class Hierarchy {
        private final List<?> entities;
        private boolean prepared;

        /** The entities the hierarchy's source returned. */
        public Hierarchy(List<?> entities) {
            this.entities = entities;
        }

        /** The entities the hierarchy's source returned. */
        public List<?> entities() {
            return entities;
        }

        boolean prepared() {
            return prepared;
        }

        void markPrepared() {
            prepared = true;
        }
    }

    private final List<Object> rows;
    private final Hierarchy hierarchy;

    /** The {@code rows} of one table of {@code hierarchy}. */
    public HierarchyRows(List<Object> rows, Hierarchy hierarchy) {
        this.rows = rows;
        this.hierarchy = hierarchy;
    }

    Hierarchy hierarchy() {
        return hierarchy;
    }

    @Override
    public Object get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
