package dev.blink.spi;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns row objects of some kind into column values. Blink maps {@code Map<String, ?>} and records
 * itself; register a mapper for other row types, for one table with
 * {@link dev.blink.TableOptions#withRowMapper(RowMapper)} (blink-jpa does this for the tables it
 * adds) or for every table with {@link dev.blink.InsertOptions.Builder#rowMapper(RowMapper)}. A
 * table's own mapper is asked first, then the plan's in the order given, then the built-in ones.
 */
@FunctionalInterface
public interface RowMapper {

    /**
     * Prepares the layout for a table whose first row is {@code context.firstRow()}, or returns
     * empty if this mapper does not map such rows.
     */
    Optional<RowLayout> prepare(MappingContext context) throws SQLException;
}
