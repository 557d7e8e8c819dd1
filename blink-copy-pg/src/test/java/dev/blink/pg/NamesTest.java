package dev.blink.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.SeedException;
import dev.blink.TableOptions;
import dev.blink.spi.Inserter;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Quoted, mixed-case, reserved and hostile names; the default inserter found on the class path. */
class NamesTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static TestDatabase db;

    @BeforeAll
    static void schema() {
        db = postgres.database();
        db.execute("""
                CREATE SCHEMA sales;
                CREATE TABLE "User" ("Id" bigint PRIMARY KEY, "Display Name" text, "select" int);
                CREATE TABLE sales."order" (id bigint, "from" text, "group" date);
                CREATE TABLE victim (id int);
                INSERT INTO victim VALUES (1);
                CREATE TABLE plain (id bigint, label text, inserted_at timestamptz, source text);
                """);
    }

    @Test
    void findsThisInserterThroughServiceLoader() {
        List<String> found = ServiceLoader.load(Inserter.class).stream().map(p -> p.type().getName()).toList();
        assertEquals(List.of(dev.blink.pg.internal.PgCopyProvider.class.getName()), found);
        Blink.plan().addTable("plain", store -> List.of(Map.of("id", 1L, "label", "found by ServiceLoader")))
                .insert(db.dataSource());
        assertEquals("found by ServiceLoader", db.queryValue("SELECT label FROM plain WHERE id = 1"));
    }

    @Test
    void theProviderFoundOnTheClassPathDelegatesEveryInserterMethod() throws NoSuchMethodException {
        for (java.lang.reflect.Method method : Inserter.class.getMethods()) {
            assertEquals(dev.blink.pg.internal.PgCopyProvider.class, dev.blink.pg.internal.PgCopyProvider.class
                    .getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass(), method.getName());
        }
    }

    /** 70 bytes: PostgreSQL keeps the first 63 of a name. */
    private static final String LONG_TABLE = "t".repeat(60) + "_ten_more_";
    private static final String LONG_COLUMN = "c".repeat(60) + "_ten_more_";
    /** 80 bytes of two-byte characters: cut to 62 bytes, at a character's edge. */
    private static final String LONG_ACCENTED = "é".repeat(40);

    private static List<String> warnings(Connection connection) throws java.sql.SQLException {
        List<String> notices = new java.util.ArrayList<>();
        for (java.sql.SQLWarning w = connection.getWarnings(); w != null; w = w.getNextWarning()) {
            notices.add(w.getMessage());
        }
        return notices;
    }

    @Test
    void cutsLongTableAndColumnNamesAsPostgresqlDoesWithANotice() throws Exception {
        db.execute("DROP TABLE IF EXISTS " + LONG_TABLE + "; CREATE TABLE " + LONG_TABLE + " (id int, " + LONG_COLUMN
                + " text, " + LONG_ACCENTED + " text)"); // PostgreSQL cuts all three
        for (Inserter inserter : List.of(PgCopyInserter.create(), dev.blink.JdbcBatchInserter.create())) {
            List<String> notices;
            try (Connection connection = db.connect()) {
                Blink.plan().addTable(LONG_TABLE, store -> List.of(Map.of("id", 1, LONG_COLUMN, "long names",
                                LONG_ACCENTED, "accented")))
                        .insert(connection, dev.blink.InsertOptions.builder().inserter(inserter).build());
                notices = warnings(connection);
            }
            assertEquals(List.of(Map.of(LONG_COLUMN.substring(0, 63), "long names", "é".repeat(31), "accented")),
                    db.query("SELECT " + LONG_COLUMN + ", " + LONG_ACCENTED + " FROM " + LONG_TABLE), inserter::toString);
            db.execute("TRUNCATE " + LONG_TABLE);
            if (inserter instanceof PgCopyInserter) { // pgjdbc keeps a prepared statement's notices on the statement
                assertTrue(notices.stream().anyMatch(n -> n.contains("will be truncated to \"" + LONG_TABLE.substring(0, 63))),
                        notices::toString);
                assertTrue(notices.stream().anyMatch(n -> n.contains("will be truncated to \"" + LONG_COLUMN.substring(0, 63))),
                        notices::toString);
            }
        }
        // a long key that no column starts with is named with the limit
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable(LONG_TABLE, store -> List.of(Map.of("id", 2, "x".repeat(70), "?")))
                .insert(db.dataSource()));
        assertTrue(e.getMessage().contains("has no column \"" + "x".repeat(70) + "\" (PostgreSQL cuts names to 63 bytes"),
                e.getMessage());
        SeedException table = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("y".repeat(70), store -> List.of(Map.of("id", 2)))
                .insert(db.dataSource()));
        assertTrue(table.getMessage().contains("(PostgreSQL cuts names to 63 bytes"), table.getMessage());
        db.execute("DROP TABLE " + LONG_TABLE);
    }

    @Test
    void writesMixedCaseAndReservedNames() {
        Blink.plan()
                .addTable("User", store -> List.of(Map.of("Id", 1L, "Display Name", "Ada", "select", 7)))
                .addTable("sales.order", store -> List.of(Map.of("id", 1L, "from", "web", "group",
                        java.time.LocalDate.of(2024, 1, 1))))
                .insert(db.dataSource());
        assertEquals("Ada", db.queryValue("SELECT \"Display Name\" FROM \"User\" WHERE \"Id\" = 1"));
        assertEquals(7, db.queryValue("SELECT \"select\" FROM \"User\""));
        assertEquals("web", db.queryValue("SELECT \"from\" FROM sales.\"order\""));
    }

    @Test
    void treatsAnInjectionAttemptAsAName() {
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("\"victim\"\"; DROP TABLE victim; --\"", store -> List.of(Map.of("id", 1)))
                .insert(db.dataSource()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        SeedException column = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("victim", store -> List.of(Map.of("id) FROM STDIN; DROP TABLE victim; --", 1)))
                .insert(db.dataSource()));
        assertTrue(column.getMessage().contains("has no column"), column.getMessage());
        assertEquals(1L, db.count("victim"));
    }

    @Test
    void encodesConstantColumnsOnceForEveryRow() {
        Instant at = Instant.parse("2024-05-06T07:08:09Z");
        Blink.plan().addTable("plain", store -> List.of(Map.of("id", 10L, "label", "a"), Map.of("id", 11L, "label", "b")),
                TableOptions.defaults().withConstant("inserted_at", at).withConstant("source", null))
                .insert(db.dataSource());
        assertEquals(2L, db.queryValue("SELECT count(*) FROM plain WHERE id IN (10, 11) "
                + "AND inserted_at = '2024-05-06 07:08:09+00' AND source IS NULL"));
    }

    @Test
    void leavesTheConnectionUsableAfterAFailedCopyInAutocommit() throws Exception {
        try (Connection connection = db.connect()) {
            assertTrue(connection.getAutoCommit());
            SeedException e = assertThrows(SeedException.class, () -> PgCopyInserter.copy(connection, "plain",
                    List.of("id", "label"), List.of(new Object[] {20L, "kept?"}, new Object[] {21L, 5})));
            assertInstanceOf(dev.blink.ValueException.class, e);
            assertEquals(0L, db.queryValue("SELECT count(*) FROM plain WHERE id IN (20, 21)"), "nothing committed");
            assertEquals(2, PgCopyInserter.copy(connection, "plain", List.of("id", "label"),
                    List.of(new Object[] {20L, "a"}, new Object[] {21L, "b"})));
            assertEquals(2L, db.queryValue("SELECT count(*) FROM plain WHERE id IN (20, 21)"));
        }
    }
}
