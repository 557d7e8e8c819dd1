package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.SeedException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secondary indexes and foreign keys dropped before a COPY and recreated after it come back exactly
 * as the server printed them before (definitions, names, comments, deferrability), whether the seed
 * succeeds or fails, in Blink's transaction or the caller's.
 */
@Tag("versions")
class IndexRebuildTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    /** Every index and constraint of the two tables and those pointing at them, as the server prints them. */
    private static final String DEFINITIONS = """
            SELECT string_agg(x, E'\\n' ORDER BY x) FROM (
              SELECT 'index ' || i.indrelid::regclass || ' ' || c.relname || ': ' || pg_get_indexdef(i.indexrelid)
                     || ' comment=' || coalesce(obj_description(i.indexrelid, 'pg_class'), '-')
                     || ' valid=' || i.indisvalid AS x
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
               WHERE i.indrelid IN ('rb_users'::regclass, 'rb_posts'::regclass)
              UNION ALL
              SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid)
                     || ' comment=' || coalesce(obj_description(oid, 'pg_constraint'), '-')
                     || ' deferrable=' || condeferrable || ' deferred=' || condeferred
                     || ' validated=' || convalidated
                FROM pg_constraint
               WHERE conrelid IN ('rb_users'::regclass, 'rb_posts'::regclass)
                  OR confrelid IN ('rb_users'::regclass, 'rb_posts'::regclass)) s""";

    /** The OIDs of the indexes that are rebuilt: new ones after a rebuild. */
    private static final String REBUILT_OIDS = "SELECT string_agg(c.oid::text, ',' ORDER BY c.relname) FROM pg_class c"
            + " WHERE c.relname IN ('rb_users_adults', 'rb_users_email_lower', 'rb_posts_title', 'rb Users Quoted')";

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS rb_posts, rb_users, rb_parted CASCADE;
                CREATE TABLE rb_users (id bigint PRIMARY KEY, email text NOT NULL, handle text, name text, age int,
                                       manager_id bigint, CONSTRAINT rb_users_name_key UNIQUE (name));
                CREATE UNIQUE INDEX rb_users_email_lower ON rb_users (lower(email));
                CREATE UNIQUE INDEX rb_users_handle ON rb_users (handle);
                CREATE INDEX rb_users_adults ON rb_users (age) WHERE age >= 18;
                CREATE INDEX rb_users_name_age ON rb_users (name text_pattern_ops DESC NULLS LAST) INCLUDE (age)
                    WITH (fillfactor = 70);
                COMMENT ON INDEX rb_users_adults IS 'adults only';
                CREATE INDEX "rb Users Quoted" ON rb_users (email, name);
                ALTER TABLE rb_users ADD CONSTRAINT rb_users_manager FOREIGN KEY (manager_id) REFERENCES rb_users (id)
                    ON DELETE SET NULL;
                COMMENT ON CONSTRAINT rb_users_manager ON rb_users IS 'who manages whom';
                CREATE TABLE rb_posts (id bigint PRIMARY KEY, user_id bigint NOT NULL, handle text, title text);
                CREATE INDEX rb_posts_title ON rb_posts USING hash (title);
                ALTER TABLE rb_posts ADD CONSTRAINT rb_posts_user FOREIGN KEY (user_id) REFERENCES rb_users (id)
                    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
                ALTER TABLE rb_posts ADD CONSTRAINT rb_posts_handle FOREIGN KEY (handle) REFERENCES rb_users (handle)
                    NOT VALID;
                INSERT INTO rb_users (id, email, handle, name, age) VALUES (1, 'old@example.com', 'old', 'Old', 70);
                INSERT INTO rb_posts (id, user_id, handle, title) VALUES (1, 1, 'old', 'Old post');
                """);
    }

    private static InsertOptions with(PgCopyInserter.Builder inserter) {
        return InsertOptions.builder().inserter(inserter.build()).build();
    }

    private static Map<String, Object> user(long id, String email, String handle, Integer age, Long manager) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("email", email);
        row.put("handle", handle);
        row.put("name", "User " + id);
        row.put("age", age);
        row.put("manager_id", manager);
        return row;
    }

    private static List<Map<String, Object>> users(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(i -> user(i, "u" + i + "@example.com", "h" + i, i % 40, i > from ? (long) from : null))
                .toList();
    }

    private static Plan goodSeed() {
        return Blink.plan()
                .addTable("rb_users", store -> users(2, 200))
                .addTable("rb_posts", store -> IntStream.rangeClosed(2, 200)
                        .mapToObj(i -> Map.<String, Object>of("id", (long) i, "user_id", (long) i, "handle", "h" + i,
                                "title", "Post " + i))
                        .toList());
    }

    /** What the database holds: definitions and every row. */
    private String state() {
        return db.queryValue(DEFINITIONS) + "\n" + db.checksum("rb_users") + " " + db.checksum("rb_posts");
    }

    @Test
    void rebuildsEveryIndexAndForeignKeyAsItWas() {
        Object definitions = db.queryValue(DEFINITIONS);
        Object oids = db.queryValue(REBUILT_OIDS);
        Object keptPrimaryKey = db.queryValue("SELECT 'rb_users_pkey'::regclass::oid");
        Object keptHandle = db.queryValue("SELECT 'rb_users_handle'::regclass::oid");

        goodSeed().insert(db.dataSource(), with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS)));

        assertEquals(definitions, db.queryValue(DEFINITIONS));
        assertNotEquals(oids, db.queryValue(REBUILT_OIDS), "the secondary indexes were rebuilt");
        assertEquals(keptPrimaryKey, db.queryValue("SELECT 'rb_users_pkey'::regclass::oid"), "constraints stay");
        assertEquals(keptHandle, db.queryValue("SELECT 'rb_users_handle'::regclass::oid"),
                "the unique index another table's foreign key references stays");
        assertEquals(200L, db.count("rb_users"));
        assertEquals(200L, db.count("rb_posts"));
        assertEquals(198L, db.queryValue("SELECT count(*) FROM rb_users WHERE manager_id = 2"));
        assertEquals(5L, db.queryValue("SELECT count(*) FROM rb_users WHERE age >= 18 AND age = 20"),
                "the partial index answers");
    }

    @Test
    void rebuildsInTheCallersTransactionAndRollsBackWithIt() throws SQLException {
        String before = state();
        Object definitions = db.queryValue(DEFINITIONS);
        Object oids = db.queryValue(REBUILT_OIDS);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            goodSeed().insert(connection, with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS)));
            connection.rollback();
        }
        assertEquals(before, state());
        assertEquals(oids, db.queryValue(REBUILT_OIDS));

        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            goodSeed().insert(connection, with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS)));
            connection.commit();
        }
        assertEquals(definitions, db.queryValue(DEFINITIONS));
        assertEquals(200L, db.count("rb_users"));
    }

    @Test
    void aBadRowAfterTheDropLeavesDefinitionsAndRowsAsBefore() {
        String before = state();
        List<Map<String, Object>> rows = new ArrayList<>(users(2, 50));
        Map<String, Object> bad = user(51, "bad@example.com", "bad", null, null);
        bad.put("age", "forty");
        rows.add(bad);
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan().addTable("rb_users", store -> rows)
                .insert(db.dataSource(), with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS))));
        assertTrue(e.getMessage().contains("rb_users"), e.getMessage());
        assertEquals(before, state());
    }

    @Test
    void aDuplicateForAUniqueIndexFailsTheRecreationByName() {
        String before = state();
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("rb_users", store -> List.of(user(2, "Twin@example.com", "a", 1, null),
                        user(3, "twin@example.com", "b", 2, null)))
                .insert(db.dataSource(), with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS))));
        assertTrue(e.getMessage().contains("recreating the index rb_users_email_lower of table rb_users"),
                e.getMessage());
        assertTrue(e.getMessage().contains("could not create unique index"), e.getMessage());
        assertEquals("rb_users", e.location().table());
        assertEquals(before, state());
    }

    @Test
    void aForeignKeyViolationFailsTheRecreationByNameInTheCallersTransaction() throws SQLException {
        String before = state();
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO rb_users (id, email, name) VALUES (500, 'mine@example.com', 'Mine')");
            }
            SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                    .addTable("rb_posts", store -> List.of(Map.of("id", 2L, "user_id", 404L, "title", "orphan")))
                    .insert(connection, with(PgCopyInserter.builder().rebuildIndexes("rb_posts",
                            PgIndexRebuild.ALWAYS))));
            assertTrue(e.getMessage().contains("recreating the foreign key rb_posts_user of table rb_posts"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("violates foreign key constraint"), e.getMessage());
            connection.commit(); // the caller's own row stays, the seed's work is undone
        }
        db.execute("DELETE FROM rb_users WHERE id = 500");
        assertEquals(before, state());
    }

    @Test
    void copiesPlainlyATableWithPendingDeferredChecksInTheCallersTransaction() throws SQLException {
        Object oids = db.queryValue(REBUILT_OIDS);
        Object definitions = db.queryValue(DEFINITIONS);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // a deferred foreign key queues its check: PostgreSQL refuses to drop the table's indexes now
                statement.execute("INSERT INTO rb_posts (id, user_id, title) VALUES (7, 1, 'mine')");
            }
            Blink.plan().addTable("rb_posts", store -> List.of(Map.of("id", 8L, "user_id", 1L, "title", "seeded")))
                    .insert(connection, with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS)));
            connection.commit();
        }
        assertEquals(oids, db.queryValue(REBUILT_OIDS));
        assertEquals(definitions, db.queryValue(DEFINITIONS));
        assertEquals(List.of(Map.of("id", 1L), Map.of("id", 7L), Map.of("id", 8L)),
                db.query("SELECT id FROM rb_posts ORDER BY id"));
    }

    @Test
    void automaticRebuildsAnEmptyTableOnly() {
        Object oids = db.queryValue(REBUILT_OIDS);
        Object usersIndex = db.queryValue("SELECT 'rb_users_adults'::regclass::oid");
        Object postsIndex = db.queryValue("SELECT 'rb_posts_title'::regclass::oid");
        db.execute("DELETE FROM rb_posts");
        String definitions = String.valueOf(db.queryValue(DEFINITIONS));

        goodSeed().insert(db.dataSource(), with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.AUTOMATIC)));

        assertEquals(definitions, db.queryValue(DEFINITIONS));
        assertEquals(usersIndex, db.queryValue("SELECT 'rb_users_adults'::regclass::oid"), "rb_users held a row");
        assertNotEquals(postsIndex, db.queryValue("SELECT 'rb_posts_title'::regclass::oid"), "rb_posts was empty");
        assertNotEquals(oids, db.queryValue(REBUILT_OIDS));
        assertEquals(199L, db.count("rb_posts"));
    }

    @Test
    void neverIsTheDefault() {
        Object oids = db.queryValue(REBUILT_OIDS);
        db.execute("DELETE FROM rb_posts");
        goodSeed().insert(db.dataSource(), with(PgCopyInserter.builder()));
        assertEquals(oids, db.queryValue(REBUILT_OIDS));
        assertEquals(199L, db.count("rb_posts"));
    }

    @Test
    void keepsUniqueIndexesThatAnOnConflictRuleMayUse() {
        Object emailIndex = db.queryValue("SELECT 'rb_users_email_lower'::regclass::oid");
        Object adultsIndex = db.queryValue("SELECT 'rb_users_adults'::regclass::oid");
        String definitions = String.valueOf(db.queryValue(DEFINITIONS));
        Blink.plan().addTable("rb_users", store -> List.of(user(2, "OLD@example.com", "x", 30, null),
                        user(3, "new@example.com", "y", 31, null)))
                .insert(db.dataSource(), with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS)
                        .onConflict("rb_users", PgOnConflict.doNothing())));
        assertEquals(emailIndex, db.queryValue("SELECT 'rb_users_email_lower'::regclass::oid"));
        assertNotEquals(adultsIndex, db.queryValue("SELECT 'rb_users_adults'::regclass::oid"));
        assertEquals(definitions, db.queryValue(DEFINITIONS));
        assertEquals(2L, db.count("rb_users"), "the row whose lower(email) collides was skipped");
    }

    @Test
    void copiesATableWithAClusteredIndexWithoutARebuild() {
        db.execute("ALTER TABLE rb_users CLUSTER ON \"rb Users Quoted\"");
        Object oids = db.queryValue(REBUILT_OIDS);
        String definitions = String.valueOf(db.queryValue(DEFINITIONS));
        Blink.plan().addTable("rb_users", store -> users(2, 20))
                .insert(db.dataSource(), with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS)));
        assertEquals(oids, db.queryValue(REBUILT_OIDS), "a rebuild would lose the CLUSTER mark");
        assertEquals(definitions, db.queryValue(DEFINITIONS));
        assertEquals(true, db.queryValue("SELECT indisclustered FROM pg_index"
                + " WHERE indexrelid = '\"rb Users Quoted\"'::regclass"));
        assertEquals(20L, db.count("rb_users"));
    }

    @Test
    void copiesAPartitionedTableWithoutARebuild() {
        db.execute("""
                CREATE TABLE rb_parted (id bigint, at date, note text) PARTITION BY RANGE (at);
                CREATE TABLE rb_parted_2024 PARTITION OF rb_parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                CREATE INDEX rb_parted_note ON rb_parted (note);
                """);
        Object parent = db.queryValue("SELECT 'rb_parted_note'::regclass::oid");
        Object leaf = db.queryValue("SELECT indexrelid FROM pg_index WHERE indrelid = 'rb_parted_2024'::regclass");
        Blink.plan().addTable("rb_parted", store -> List.of(Map.of("id", 1L, "at", "2024-05-01", "note", "n")))
                .addTable("rb_parted_2024", store -> List.of(Map.of("id", 2L, "at", "2024-06-01", "note", "m")))
                .insert(db.dataSource(), with(PgCopyInserter.builder().rebuildIndexes(PgIndexRebuild.ALWAYS)));
        assertEquals(parent, db.queryValue("SELECT 'rb_parted_note'::regclass::oid"));
        assertEquals(leaf, db.queryValue("SELECT indexrelid FROM pg_index WHERE indrelid = 'rb_parted_2024'::regclass"));
        assertEquals(2L, db.count("rb_parted"));
    }
}
