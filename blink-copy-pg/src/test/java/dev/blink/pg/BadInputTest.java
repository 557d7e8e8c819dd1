package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.Retain;
import dev.blink.Rows;
import dev.blink.SeedException;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.ValueException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each bad input fails with a message that names the place and the problem, and leaves the database as it was. */
@Tag("versions")
class BadInputTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private TestDatabase db;
    private String before;

    record User(long id, String name, Object age) {
    }

    record Post(long id, long userId, String title) {
    }

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS posts, users, events, grid;
                CREATE TABLE grid (id int, cells int[]);
                CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, age int2);
                CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id), title text);
                CREATE TABLE events (id bigint, created_at timestamptz);
                INSERT INTO users VALUES (100, 'Existing', 40);
                INSERT INTO posts VALUES (100, 100, 'Existing post');
                """);
        before = state();
    }

    @AfterEach
    void databaseIsUnchanged() {
        assertEquals(before, state(), "the failed seed left the database as it was");
    }

    private String state() {
        return db.checksum("users") + "/" + db.checksum("posts") + "/" + db.checksum("events") + "/"
                + db.checksum("grid");
    }

    private static List<User> users(User... extra) {
        return List.of(extra);
    }

    private SeedException seedFails(Plan plan) {
        return assertThrows(SeedException.class, () -> plan.insert(db.dataSource()));
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected \"" + part + "\" in: " + e.getMessage());
        }
    }

    @Test
    void rejectsAValueOfTheWrongJavaType() {
        SeedException e = seedFails(Blink.plan()
                .addTable("users", store -> users(new User(1, "Ada", 36), new User(2, "Grace", List.of(1)))));
        ValueException value = assertInstanceOf(ValueException.class, e);
        assertEquals(2, value.location().rowNumber());
        assertEquals("age", value.location().columnName().orElseThrow());
        assertMentions(e, "table \"users\"", "row 2", "column \"age\"", "int2", "java.util.ImmutableCollections$List12");
        assertEquals("java.util.ImmutableCollections$List12", value.actualType());
    }

    @Test
    void rejectsAnIntegerThatOverflowsItsColumn() {
        SeedException e = seedFails(Blink.plan()
                .addTable("users", store -> users(new User(1, "Ada", 40_000))));
        assertInstanceOf(ValueException.class, e);
        assertMentions(e, "row 1", "column \"age\"", "java.lang.Integer \"40000\"", "out of range for smallint");
    }

    @Test
    void rejectsTextHoldingANulCharacter() {
        SeedException e = seedFails(Blink.plan()
                .addTable("users", store -> users(new User(1, "Ada", 1), new User(2, "Gr\0ace", 1))));
        assertInstanceOf(ValueException.class, e);
        assertMentions(e, "row 2", "column \"name\"", "NUL character");
    }

    @Test
    void namesTheColumnThatTheTableLacksWithASuggestion() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", 1L);
        row.put("createdAt", java.time.Instant.EPOCH);
        SeedException e = seedFails(Blink.plan().addTable("events", store -> List.of(row)));
        assertMentions(e, "table events has no column \"createdAt\"", "did you mean \"created_at\"?",
                "Its columns are [id, created_at]");
    }

    @Test
    void namesATableThatDoesNotExistWithASuggestion() {
        SeedException e = seedFails(Blink.plan().addTable("Users", store -> users(new User(1, "Ada", 1))));
        assertMentions(e, "table Users does not exist", "did you mean users?");
    }

    @Test
    void reportsANotNullViolationWithItsRowAndColumn() {
        SeedException e = seedFails(Blink.plan().addTable("users", store -> users(new User(1, "Ada", 1),
                new User(2, "Grace", 2), new User(3, null, 3))));
        assertEquals(3, e.location().rowNumber());
        assertEquals("name", e.location().columnName().orElseThrow());
        assertEquals("23502", e.sqlState().orElseThrow());
        assertInstanceOf(SQLException.class, e.getCause());
        assertMentions(e, "row 3", "null value in column \"name\"", "SQLSTATE 23502");
    }

    @Test
    void reportsAUniqueViolationWithItsRow() {
        SeedException e = seedFails(Blink.plan().addTable("users", store -> users(new User(1, "Ada", 1),
                new User(100, "Again", 2))));
        assertEquals("23505", e.sqlState().orElseThrow());
        assertEquals(2, e.location().rowNumber());
        assertMentions(e, "row 2", "duplicate key value violates unique constraint", "Key (id)=(100) already exists",
                "users_pkey");
    }

    @Test
    void reportsAForeignKeyViolationAndRollsBackEveryTable() {
        SeedException e = seedFails(Blink.plan()
                .addTable("users", store -> users(new User(1, "Ada", 1)))
                .addTable("posts", store -> List.of(new Post(1, 1, "ok"), new Post(2, 999, "orphan"),
                        new Post(3, 999, "orphan too"))));
        assertEquals("23503", e.sqlState().orElseThrow());
        assertEquals(2, e.location().rowNumber(), "the first row holding the key");
        assertMentions(e, "table \"posts\", row 2: ", "violates foreign key constraint",
                "Key (user_id)=(999) is not present", "this is the first row with that key");
    }

    @Test
    void namesTheKeyButNoRowForAForeignKeyViolationFromAStream() {
        SeedException e = seedFails(Blink.plan()
                .addTable("posts", store -> Rows.of(Stream.of(new Post(1, 100, "ok"), new Post(2, 999, "orphan")))));
        assertEquals("23503", e.sqlState().orElseThrow());
        assertEquals(0, e.location().rowNumber());
        assertMentions(e, "Key (user_id)=(999) is not present", "the server names no row; look for the rows with that key");
    }

    @Test
    void findsTheRowOfAForeignKeyInTheLowLevelEntrysList() throws SQLException {
        try (Connection connection = db.connect()) {
            SeedException e = assertThrows(SeedException.class, () -> PgCopyInserter.copy(connection, "posts",
                    List.of("id", "user_id", "title"), List.of(new Object[] {1L, 100L, "ok"},
                            new Object[] {2L, 100L, "ok"}, new Object[] {3L, 7L, "orphan"})));
            assertEquals(3, e.location().rowNumber());
        }
    }

    @Test
    void findsTheRowOfAForeignKeyInAnUpsertedTable() {
        PgCopyInserter upsert = PgCopyInserter.builder().onConflict("posts", PgOnConflict.doUpdate("id")).build();
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("posts", store -> List.of(new Post(100, 100, "updated"), new Post(5, 42, "orphan")))
                .insert(db.dataSource(), InsertOptions.builder().inserter(upsert).build()));
        assertEquals("23503", e.sqlState().orElseThrow());
        assertEquals(2, e.location().rowNumber());
    }

    @Test
    void namesNoRowForARowTooBigBecauseTheServersLineIsNotTheRow() {
        StringBuilder ddl = new StringBuilder("DROP TABLE IF EXISTS wide; CREATE TABLE wide (id int");
        for (int i = 0; i < 1100; i++) {
            ddl.append(", c").append(i).append(" bigint");
        }
        db.execute(ddl.append(")").toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 1; r <= 10; r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r);
            for (int i = 0; i < 1100; i++) {
                row.put("c" + i, r == 7 ? (Object) (long) i : null); // 1100 bigints: 8,800 bytes, over a page
            }
            rows.add(row);
        }
        try {
            SeedException e = seedFails(Blink.plan().addTable("wide", store -> rows));
            assertEquals("54000", e.sqlState().orElseThrow());
            assertEquals(0, e.location().rowNumber(), e.getMessage());
            assertMentions(e, "row is too big", "The server does not say which row");
            assertEquals(0L, db.count("wide"));
        } finally {
            db.execute("DROP TABLE wide");
        }
    }

    @Test
    void checksTheTableOfAStepWithoutRows() {
        SeedException e = seedFails(Blink.plan()
                .addTable("users", store -> users(new User(1, "Ada", 1)))
                .addTable("no_such_tabel", store -> List.of()));
        assertEquals("no_such_tabel", e.location().table());
        assertMentions(e, "table no_such_tabel does not exist");
    }

    @Test
    void checksTheConstantColumnsOfAStepWithoutRows() {
        SeedException e = seedFails(Blink.plan()
                .addTable("users", store -> users(new User(1, "Ada", 1)))
                .addTable("posts", store -> List.of(), TableOptions.defaults().withConstant("titel", "x")));
        assertMentions(e, "has no column \"titel\"", "Its columns are [id, user_id, title]");
    }

    @Test
    void writesAStepWithoutRowsAsNothing() {
        SeedResult result = Blink.plan()
                .addTable("users", store -> List.of(), TableOptions.defaults().withConstant("name", "x"))
                .addTable("posts", store -> List.of(), TableOptions.retain(Retain.columns("id")))
                .insert(db.dataSource());
        assertEquals(0, result.table("users").rows());
        assertEquals(List.of(), result.store().tables().get("posts"));
    }

    @Test
    void reportsAMissingColumnValueMappedFromAnotherShape() {
        SeedException e = seedFails(Blink.plan()
                .addTable("users", store -> List.of(Map.of("id", 1L, "name", "Ada", "age", "old"))));
        assertInstanceOf(ValueException.class, e);
        assertMentions(e, "column \"age\"", "invalid input syntax for type smallint: \"old\"");
    }

    @Test
    void rejectsARaggedMultidimensionalArray() {
        SeedException e = seedFails(Blink.plan().addTable("grid", store -> List.of(
                Map.of("id", 1, "cells", new int[][] {{1, 2}, {3}}))));
        assertInstanceOf(ValueException.class, e);
        assertMentions(e, "column \"cells\"", "int4[]", "sub-arrays with matching dimensions");
    }

    @Test
    void rejectsAnArrayElementOfTheWrongType() {
        SeedException e = seedFails(Blink.plan().addTable("grid", store -> List.of(
                Map.of("id", 1, "cells", List.of(1, 2)), Map.of("id", 2, "cells", List.of(1, 2.5)))));
        assertInstanceOf(ValueException.class, e);
        assertMentions(e, "row 2", "column \"cells\"", "an element is a java.lang.Double, but int4 takes");
    }

    @Test
    void rejectsALowLevelRowWithTheWrongNumberOfValues() throws SQLException {
        try (java.sql.Connection connection = db.connect()) {
            SeedException e = assertThrows(SeedException.class, () -> PgCopyInserter.copy(connection, "grid",
                    List.of("id", "cells"), List.of(new Object[] {1, null}, new Object[] {2})));
            assertMentions(e, "table \"grid\", row 2", "the row has 1 values but 2 columns were named [id, cells]");
        }
    }

    /** Rows "read from a file": row n is on line 2n + 1 of users.csv. */
    private static final class FileRows implements java.util.Iterator<User>, dev.blink.spi.RowOrigin {
        private final List<User> users;
        private int next;

        FileRows(List<User> users) {
            this.users = users;
        }

        @Override
        public boolean hasNext() {
            return next < users.size();
        }

        @Override
        public User next() {
            return users.get(next++);
        }

        @Override
        public String file() {
            return "users.csv";
        }

        @Override
        public long line() {
            return 2L * next + 1;
        }
    }

    @Test
    void namesTheFileAndLineOfARowTheServerRejects() {
        List<User> rows = List.of(new User(1, "Ada", 1), new User(2, "Grace", 2), new User(3, null, 3));
        SeedException e = seedFails(Blink.plan().addTable("users", store -> (Iterable<User>) () -> new FileRows(rows)));
        assertEquals(3, e.location().rowNumber());
        assertEquals("users.csv", e.location().fileName().orElseThrow());
        assertEquals(7, e.location().lineNumber());
        assertMentions(e, "row 3 (users.csv, line 7), column \"name\"", "null value in column \"name\"");
    }
}
