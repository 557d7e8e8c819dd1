package dev.blink;

import dev.blink.spi.RowMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-table settings: what the store retains, how record components are named, columns with one
 * value for every row, and a row mapper of the table's own. Immutable; each {@code with…} returns
 * a copy.
 *
 * <pre>{@code
 * TableOptions.defaults()
 *     .withRetain(Retain.columns("id"))
 *     .withConstant("inserted_at", now)
 * }</pre>
 */
public final class TableOptions {

    private static final TableOptions DEFAULTS =
            new TableOptions(Retain.ALL, ColumnNaming.SNAKE_CASE, Map.of(), null);

    private final Retain retain;
    private final ColumnNaming naming;
    private final Map<String, Object> constants;
    private final RowMapper rowMapper;

    private TableOptions(Retain retain, ColumnNaming naming, Map<String, Object> constants, RowMapper rowMapper) {
        this.retain = retain;
        this.naming = naming;
        this.constants = constants;
        this.rowMapper = rowMapper;
    }

    /** Retain every row; snake_case names for record components; no constants; the plan's row mappers. */
    public static TableOptions defaults() {
        return DEFAULTS;
    }

    /** Shorthand for {@code defaults().withRetain(retain)}. */
    public static TableOptions retain(Retain retain) {
        return DEFAULTS.withRetain(retain);
    }

    /** A copy that retains rows as given. */
    public TableOptions withRetain(Retain retain) {
        return new TableOptions(Objects.requireNonNull(retain, "null retain"), naming, constants, rowMapper);
    }

    /** A copy that names record components' columns with {@code naming}. */
    public TableOptions withColumnNaming(ColumnNaming naming) {
        return new TableOptions(retain, Objects.requireNonNull(naming, "null naming"), constants, rowMapper);
    }

    /**
     * A copy with one more column whose value is the same in every row (like Ecto's placeholders):
     * rows must not hold it, and a COPY inserter encodes it once. The value may be {@code null}.
     */
    public TableOptions withConstant(String column, Object value) {
        Objects.requireNonNull(column, "null column");
        Map<String, Object> copy = new LinkedHashMap<>(constants);
        if (copy.containsKey(column)) {
            throw new IllegalArgumentException("Constant column \"" + column + "\" is given twice");
        }
        copy.put(column, value);
        return new TableOptions(retain, naming, Collections.unmodifiableMap(copy), rowMapper);
    }

    /**
     * A copy whose rows {@code mapper} maps: it is asked before the mappers of the
     * {@link InsertOptions} and the built-in ones (maps and records), for this table only. A
     * library that adds tables to a plan registers its mapper this way (blink-jpa does, for
     * entities), so the caller registers nothing at insert time.
     */
    public TableOptions withRowMapper(RowMapper mapper) {
        return new TableOptions(retain, naming, constants, Objects.requireNonNull(mapper, "null mapper"));
    }

    /** What the store keeps of this table. */
    public Retain retain() {
        return retain;
    }

    /** How record components become column names. */
    public ColumnNaming columnNaming() {
        return naming;
    }

    /** Constant columns and their values, in the order added (values may be null). */
    public Map<String, Object> constants() {
        return constants;
    }

    /** The table's own row mapper, if one was given. */
    public Optional<RowMapper> rowMapper() {
        return Optional.ofNullable(rowMapper);
    }

    @Override
    public String toString() {
        return "TableOptions[retain=" + retain + ", constants=" + constants.keySet() + "]";
    }
}
