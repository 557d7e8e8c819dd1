package dev.blink.examples;

import dev.blink.pg.PgCopyInserter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** One table, rows as arrays, on your own connection: the twin of Elixir Blink's copy_to_table. */
public final class LowLevelCopy {

    private LowLevelCopy() {
    }

    static long copyEvents(DataSource dataSource) throws SQLException {
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        try (Connection connection = dataSource.getConnection()) {
            // tag::copy[]
            long written = PgCopyInserter.copy(connection, "events", List.of("id", "kind", "at"), List.of(
                    new Object[] {1L, "click", at},
                    new Object[] {2L, "view", at.plusSeconds(1)}));
            // end::copy[]
            return written;
        }
    }
}
