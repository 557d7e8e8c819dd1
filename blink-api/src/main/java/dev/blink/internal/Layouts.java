package dev.blink.internal;

import dev.blink.spi.MappingContext;
import dev.blink.spi.RowLayout;
import dev.blink.spi.RowMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chooses a table's {@link RowLayout}: the table's own mapper, the plan's, then maps and records. */
final class Layouts {

    /** The layout of a table without rows: no columns but its constants. */
    static final RowLayout NONE = new RowLayout() {
        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public void copyValues(Object row, Object[] values) {
            throw new IllegalStateException("a table without rows has no row to map");
        }
    };

    private Layouts() {
    }

    static RowLayout choose(Optional<RowMapper> tableMapper, List<RowMapper> mappers, MappingContext context)
            throws SQLException {
        if (tableMapper.isPresent()) {
            Optional<RowLayout> layout = tableMapper.get().prepare(context);
            if (layout.isPresent()) {
                return layout.get();
            }
        }
        for (RowMapper mapper : mappers) {
            Optional<RowLayout> layout = mapper.prepare(context);
            if (layout.isPresent()) {
                return layout.get();
            }
        }
        Object first = context.firstRow();
        if (first instanceof Map<?, ?> map) {
            return MapLayout.of(map);
        }
        if (first.getClass().isRecord()) {
            return RecordLayout.of(first.getClass(), context.options().columnNaming());
        }
        throw new IllegalArgumentException("rows of type " + first.getClass().getName() + " cannot be mapped to columns: "
                + "return Map<String, ?> rows or records, or register a RowMapper for this type "
                + "(TableOptions.withRowMapper(...) or InsertOptions.builder().rowMapper(...); blink-jpa's "
                + "EntityTable.addTo registers its mapper for the tables it adds)");
    }
}
