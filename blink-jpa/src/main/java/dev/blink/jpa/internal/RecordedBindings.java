package dev.blink.jpa.internal;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.jdbc.mutation.JdbcValueBindings;
import org.hibernate.engine.jdbc.mutation.ParameterUsage;
import org.hibernate.engine.jdbc.mutation.group.PreparedStatementDetails;
import org.hibernate.engine.jdbc.mutation.spi.BindingGroup;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.sql.model.TableMapping;

/**
 * Bindings that keep each value Hibernate sets, with the column's mapping, instead of binding it to
 * a statement: how Blink reads a collection persister's own row values. Used by one thread.
 */
final class RecordedBindings implements JdbcValueBindings {

    /** One value Hibernate set, and its column. */
    record Bound(Object value, SelectableMapping mapping) {
    }

    private final List<Bound> bound = new ArrayList<>();

    /** The values set since the last {@link #clear()}, in order. */
    List<Bound> bound() {
        return bound;
    }

    void clear() {
        bound.clear();
    }

    @Override
    public BindingGroup getBindingGroup(String tableName) {
        return null;
    }

    @Override
    public void bindValue(Object value, String tableName, String columnName, ParameterUsage usage) {
        throw new IllegalStateException("Hibernate bound column " + columnName + " of " + tableName
                + " without its mapping; Blink cannot tell its type");
    }

    @Override
    public void bindValue(Object value, SelectableMapping selectableMapping, ParameterUsage usage) {
        if (usage == ParameterUsage.SET) {
            bound.add(new Bound(value, selectableMapping));
        }
    }

    @Override
    public void beforeStatement(PreparedStatementDetails statementDetails) {
        // nothing is executed
    }

    @Override
    public void afterStatement(TableMapping mutatingTable) {
        // nothing is executed
    }
}
