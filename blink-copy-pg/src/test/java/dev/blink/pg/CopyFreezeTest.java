package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code COPY … FREEZE} after the inserter's own truncation: the server accepts it (the seed
 * succeeds) and writes every tuple frozen, as the tuples' own header bits show; where the server
 * would refuse it (an open cursor) or it was not asked for, the COPY runs without it.
 */
@Tag("versions")
class CopyFreezeTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    /** HEAP_XMIN_COMMITTED | HEAP_XMIN_INVALID: a tuple written or vacuumed frozen. */
    private static final int XMIN_FROZEN = 0x0300;

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                CREATE EXTENSION IF NOT EXISTS pageinspect;
                DROP TABLE IF EXISTS rb_frozen;
                CREATE TABLE rb_frozen (id bigint PRIMARY KEY, note text);
                CREATE INDEX rb_frozen_note ON rb_frozen (note);
                INSERT INTO rb_frozen VALUES (0, 'old');
                """);
    }

    private static Plan seed() {
        return Blink.plan().addTable("rb_frozen", store -> IntStream.rangeClosed(1, 3000)
                .mapToObj(i -> Map.<String, Object>of("id", (long) i, "note", "note " + i)).toList());
    }

    private static InsertOptions with(PgCopyInserter.Builder inserter) {
        return InsertOptions.builder().inserter(inserter.build()).build();
    }

    /** Tuples written frozen, and all tuples, over every page of the table. */
    private List<Long> frozenAndAll() {
        Map<String, Object> row = db.query("SELECT count(*) FILTER (WHERE t_infomask & " + XMIN_FROZEN + " = "
                + XMIN_FROZEN + ") AS frozen, count(t_infomask) AS tuples"
                + " FROM generate_series(0, pg_relation_size('rb_frozen') / current_setting('block_size')::int - 1) b,"
                + " heap_page_items(get_raw_page('rb_frozen', b::int))").get(0);
        return List.of(((Number) row.get("frozen")).longValue(), ((Number) row.get("tuples")).longValue());
    }

    private void assertAllFrozen() {
        assertEquals(List.of(3000L, 3000L), frozenAndAll());
        if (((Number) db.queryValue("SELECT current_setting('server_version_num')::int")).intValue() >= 140000) {
            db.execute("CREATE EXTENSION IF NOT EXISTS pg_visibility");
            // pages that one multi-insert batch filled from empty; a page a later batch tops up is not marked
            long frozenPages = ((Number) db.queryValue("SELECT all_frozen FROM pg_visibility_map_summary('rb_frozen')"))
                    .longValue();
            assertTrue(frozenPages > 0, "14+ marks the pages COPY FREEZE filled all-frozen in the visibility map");
        }
    }

    @Test
    void freezesTheRowsOfATableTheSeedTruncated() {
        seed().insert(db.dataSource(), with(PgCopyInserter.builder().truncate("rb_frozen")));
        assertAllFrozen();
        assertEquals(3000L, db.count("rb_frozen"));
    }

    @Test
    void freezesUnderTheSavepointOfTheCallersTransaction() throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            seed().insert(connection, with(PgCopyInserter.builder().truncate("rb_frozen")));
            connection.commit();
        }
        assertAllFrozen();
    }

    @Test
    void freezesAlongWithAnIndexRebuild() {
        seed().insert(db.dataSource(), with(PgCopyInserter.builder().truncate("rb_frozen")
                .rebuildIndexes(PgIndexRebuild.AUTOMATIC)));
        assertAllFrozen();
        assertEquals(1L, db.queryValue("SELECT count(*) FROM pg_indexes WHERE indexname = 'rb_frozen_note'"));
    }

    @Test
    void freezesInARepeatableReadTransactionThatAlreadyRead() throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM rb_frozen").close();
            }
            seed().insert(connection, with(PgCopyInserter.builder().truncate("rb_frozen")));
            connection.commit();
        }
        assertEquals(3000L, db.count("rb_frozen"));
        assertAllFrozen();
    }

    @Test
    void copiesWithoutFreezeWhenACursorIsOpen() throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DECLARE held CURSOR FOR SELECT * FROM pg_class");
            }
            seed().insert(connection, with(PgCopyInserter.builder().truncate("rb_frozen")));
            connection.commit();
        }
        assertEquals(3000L, db.count("rb_frozen"));
        assertEquals(0L, frozenAndAll().get(0));
    }

    @Test
    void copiesWithoutFreezeWhileTheCallersResultSetIsOpenOnAPortal() throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1); // pgjdbc keeps a named portal open while the ResultSet is
                ResultSet open = statement.executeQuery("SELECT oid FROM pg_class");
                assertTrue(open.next());
                seed().insert(connection, with(PgCopyInserter.builder().truncate("rb_frozen")));
                assertTrue(open.next());
            }
            connection.commit();
        }
        assertEquals(List.of(0L, 3000L), frozenAndAll());
    }

    @Test
    void copiesWithoutFreezeWhenTheTableWasNotTruncatedOrFreezeIsOff() {
        seed().insert(db.dataSource(), with(PgCopyInserter.builder()));
        assertEquals(List.of(0L, 3001L), frozenAndAll(), "the old row and the seed's");

        seed().insert(db.dataSource(), with(PgCopyInserter.builder().truncate("rb_frozen").copyFreeze(false)));
        assertEquals(List.of(0L, 3000L), frozenAndAll());
    }

    @Test
    void copiesWithoutFreezeThroughAnOnConflictRule() {
        seed().insert(db.dataSource(), with(PgCopyInserter.builder().truncate("rb_frozen")
                .onConflict(PgOnConflict.doNothing())));
        assertEquals(List.of(0L, 3000L), frozenAndAll());
        assertEquals(3000L, db.count("rb_frozen"));
    }
}
