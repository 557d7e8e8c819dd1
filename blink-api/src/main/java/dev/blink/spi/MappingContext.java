package dev.blink.spi;

import dev.blink.TableName;
import dev.blink.TableOptions;
import java.sql.Connection;
import java.util.Collection;
import java.util.Optional;

/**
 * What a {@link RowMapper} is told about the table whose rows it prepares.
 *
 * @param table the table
 * @param firstRow the table's first row (never {@code null})
 * @param allRows every row, when the source is a {@link Collection} (so a mapper can prepare them
 *     all at once, e.g. allocate ids in one round trip); empty for a streaming source
 * @param options the table's options
 * @param connection the seed's connection, idle at this point; no COPY is running yet
 */
public record MappingContext(TableName table, Object firstRow, Optional<Collection<?>> allRows,
                             TableOptions options, Connection connection) {
}
