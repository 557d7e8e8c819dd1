package dev.blink.spi;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns row objects of some kind into column values. Blink maps {@code Map<String, ?>} and records
 * itself; register a mapper with {@link dev.blink.InsertOptions.Builder#rowMapper(RowMapper)} for
 * other row types (blink-jpa registers one for JPA entities). Registered mappers are asked first,
 * in the order given.
 */
@FunctionalInterface
public interface RowMapper {

    /**
     * Prepares the layout for a table whose first row is {@code context.firstRow()}, or returns
     * empty if this mapper does not map such rows.
     */
    Optional<RowLayout> prepare(MappingContext context) throws SQLException;
}
