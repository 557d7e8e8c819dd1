package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Seeding inside a transaction that the caller owns, as a test does when it rolls back after
 * each case: Blink neither commits nor closes.
 */
public final class OuterTransactionSeed {

    private OuterTransactionSeed() {
    }

    /** Seeds a user inside a transaction, reads it back there, then rolls back; returns what it saw. */
    static long seedAndRollBack(DataSource dataSource) throws SQLException {
        Instant now = Instant.now();
        // tag::outer-transaction[]
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);

            Blink.plan()
                    .addTable("users", store -> List.of(Map.of("id", 1L, "name", "Ada",
                            "email", "ada@example.com", "inserted_at", now, "updated_at", now)))
                    .insert(connection, InsertOptions.defaults());

            long seen = countUsers(connection); // 1: visible inside the transaction
            connection.rollback();               // and gone afterwards
            return seen;
        }
        // end::outer-transaction[]
    }

    private static long countUsers(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
