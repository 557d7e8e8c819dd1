package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.SeedException;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalog of a seed's tables is read once, before its first step, for that seed only: DDL
 * between seeds is always seen, a table or column that an earlier step of the seed creates is read
 * when its turn comes, and types nested deeper than the one query follows are read all the same.
 */
@Tag("versions")
class SeedCatalogTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private TestDatabase db;

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("""
                DROP TABLE IF EXISTS items, late;
                CREATE TABLE items (id int PRIMARY KEY, label text);
                """);
    }

    private static void run(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InsertOptions with(PgCopyInserter inserter) {
        return InsertOptions.builder().inserter(inserter).build();
    }

    @Test
    void seesTheDdlRunBetweenTwoSeedsOfOneInserterOnOneConnection() throws SQLException {
        PgCopyInserter inserter = PgCopyInserter.builder().build();
        try (Connection connection = db.connect()) {
            Blink.plan().addTable("items", store -> List.of(Map.of("id", 1, "label", "first")))
                    .insert(connection, with(inserter));
            run(connection, "ALTER TABLE items ALTER COLUMN label TYPE int USING length(label), ADD COLUMN note text");
            Blink.plan().addTable("items", store -> List.of(Map.of("id", 2, "label", 42, "note", "second")))
                    .insert(connection, with(inserter));
        }
        assertEquals(List.of(Map.of("id", 1, "label", 5, "note", "-"), Map.of("id", 2, "label", 42, "note", "second")),
                db.query("SELECT id, label, coalesce(note, '-') AS note FROM items ORDER BY id"));
    }

    @Test
    void readsATableThatAnEarlierStepOfTheSeedCreates() throws SQLException {
        try (Connection connection = db.connect()) {
            Blink.plan()
                    .addContext("ddl", store -> {
                        run(connection, "CREATE TABLE late (id int, at date)");
                        return true;
                    })
                    .addTable("late", store -> List.of(Map.of("id", 1, "at", java.time.LocalDate.of(2024, 2, 29))))
                    .insert(connection, InsertOptions.defaults());
        }
        assertEquals("2024-02-29", db.queryValue("SELECT at::text FROM late WHERE id = 1"));
    }

    @Test
    void readsAColumnThatAnEarlierStepOfTheSeedAdds() throws SQLException {
        db.execute("CREATE TABLE late (id int)");
        try (Connection connection = db.connect()) {
            Blink.plan()
                    .addTable("items", store -> List.of(Map.of("id", 1, "label", "before")))
                    .addContext("ddl", store -> {
                        run(connection, "ALTER TABLE late ADD COLUMN extra bigint");
                        return true;
                    })
                    .addTable("late", store -> List.of(Map.of("id", 2, "extra", 7L)))
                    .insert(connection, InsertOptions.defaults());
        }
        assertEquals(7L, db.queryValue("SELECT extra FROM late WHERE id = 2"));
        assertEquals(1L, db.count("items"));
    }

    @Test
    void aMissingColumnStillNamesTheTableItsColumnsAndTheFixAndWritesNothing() {
        db.execute("CREATE TABLE late (id int, label text)");
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("items", store -> List.of(Map.of("id", 1, "label", "ok")))
                .addTable("late", store -> List.of(Map.of("id", 2, "Label", "case")))
                .insert(db.dataSource()));
        assertTrue(e.getMessage().contains("has no column \"Label\""), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean \"label\"?"), e.getMessage());
        assertEquals(0L, db.count("items"));
        assertEquals(0L, db.count("late"));
    }

    @Test
    void aSeedAfterAFailedOneOnTheSameConnectionSeesTheDdlInBetween() throws SQLException {
        PgCopyInserter inserter = PgCopyInserter.builder().build();
        try (Connection connection = db.connect()) {
            assertThrows(SeedException.class, () -> Blink.plan()
                    .addTable("items", store -> List.of(Map.of("id", 1, "label", "rolled back")))
                    .addTable("late", store -> {
                        throw new IllegalStateException("the callback fails after the catalog was read");
                    })
                    .insert(connection, with(inserter)));
            run(connection, "ALTER TABLE items ADD COLUMN extra int");
            Blink.plan().addTable("items", store -> List.of(Map.of("id", 2, "label", "kept", "extra", 3)))
                    .insert(connection, with(inserter));
            assertEquals(1L, inserter.copyRows(connection, "items", List.of("id", "extra"),
                    List.<Object[]>of(new Object[] {4, 5})));
        }
        assertEquals(List.of(Map.of("id", 2, "extra", 3), Map.of("id", 4, "extra", 5)),
                db.query("SELECT id, extra FROM items ORDER BY id"));
    }

    @Test
    void resolvesDomainsAndArraysNestedDeeperThanTheOneQueryFollows() {
        db.execute("""
                DROP TABLE IF EXISTS nested;
                DROP DOMAIN IF EXISTS d3, d2, d1, posint;
                CREATE DOMAIN d1 AS int CHECK (VALUE > 0);
                CREATE DOMAIN d2 AS d1;
                CREATE DOMAIN d3 AS d2;
                CREATE TABLE nested (id int, deep d3, deeps d3[]);
                """);
        Blink.plan().addTable("nested", store -> List.of(Map.of("id", 1, "deep", 7, "deeps", List.of(1, 2, 3))))
                .insert(db.dataSource());
        assertEquals(List.of(Map.of("id", 1, "deep", 7, "deeps", "{1,2,3}")),
                db.query("SELECT id, deep::int AS deep, deeps::text AS deeps FROM nested"));
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("nested", store -> List.of(Map.of("id", 2, "deep", -1)))
                .insert(db.dataSource()));
        assertTrue(e.getMessage().contains("d1"), e.getMessage());
        assertEquals(1L, db.count("nested"));
    }
}
