package dev.blink.bench;

import de.bytefish.pgbulkinsert.PgBulkInsert;
import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The small seeds a test suite runs before a test class: {@code tables} tables of {@code rowsPerTable}
 * rows each, in one transaction, by Blink, by plain JDBC batches and by PgBulkInsert. The rows of
 * every repeat are generated up front, each repeat with its own ids, so that one measurement can
 * run the seed many times into the same tables.
 */
final class SmallSeeds {

    /** Small tables created for the grid: the largest shape uses all of them. */
    static final int MAX_TABLES = 50;

    private final int tables;
    private final int rowsPerTable;
    /** [repeat][table] → rows. */
    private final List<List<List<SmallRow>>> rows;

    SmallSeeds(int tables, int rowsPerTable, int repeats) {
        if (tables > MAX_TABLES) {
            throw new IllegalArgumentException("at most " + MAX_TABLES + " small tables, not " + tables);
        }
        this.tables = tables;
        this.rowsPerTable = rowsPerTable;
        OffsetDateTime base = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        List<List<List<SmallRow>>> all = new ArrayList<>(repeats);
        for (int repeat = 0; repeat < repeats; repeat++) {
            List<List<SmallRow>> perTable = new ArrayList<>(tables);
            for (int t = 0; t < tables; t++) {
                List<SmallRow> list = new ArrayList<>(rowsPerTable);
                for (int i = 0; i < rowsPerTable; i++) {
                    long id = (long) repeat * rowsPerTable + i + 1;
                    list.add(new SmallRow(id, "row " + id, (int) (id % 1000), base.plusSeconds(id)));
                }
                perTable.add(list);
            }
            all.add(perTable);
        }
        this.rows = all;
    }

    /** {@code CREATE TABLE} of every small table. */
    static List<String> ddl() {
        List<String> ddl = new ArrayList<>(MAX_TABLES);
        for (int t = 0; t < MAX_TABLES; t++) {
            ddl.add("CREATE TABLE " + table(t) + " (id bigint PRIMARY KEY, name text NOT NULL, v int, created_at timestamptz)");
        }
        return ddl;
    }

    static String table(int t) {
        return String.format(Locale.ROOT, "small_%02d", t);
    }

    /** The case's name: {@code small 50×10}. */
    String name() {
        return "small " + tables + "×" + rowsPerTable;
    }

    long rowsPerSeed() {
        return (long) tables * rowsPerTable;
    }

    /** {@code TRUNCATE} of this shape's tables. */
    String reset() {
        StringJoiner names = new StringJoiner(", ", "TRUNCATE ", "");
        for (int t = 0; t < tables; t++) {
            names.add(table(t));
        }
        return names.toString();
    }

    /** Counts the rows of this shape's tables. */
    String countSql() {
        StringJoiner sum = new StringJoiner(" + ", "SELECT ", "");
        for (int t = 0; t < tables; t++) {
            sum.add("(SELECT count(*) FROM " + table(t) + ")");
        }
        return sum.toString();
    }

    /** Blink: one plan with a step per table, rows as records, default inserter. */
    long blink(Connection connection, int repeat) {
        Plan plan = Blink.plan();
        for (int t = 0; t < tables; t++) {
            List<SmallRow> list = rows.get(repeat).get(t);
            plan.addTable(table(t), store -> list);
        }
        return plan.insert(connection, InsertOptions.defaults()).rows();
    }

    /** Plain JDBC: per table a prepared INSERT, one {@code executeBatch}, all in one transaction. */
    long jdbcBatch(Connection connection, int repeat) throws SQLException {
        long[] written = new long[1];
        PeerLoads.inTransaction(connection, () -> {
            for (int t = 0; t < tables; t++) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table(t) + " (id, name, v, created_at) VALUES (?, ?, ?, ?)")) {
                    for (SmallRow row : rows.get(repeat).get(t)) {
                        insert.setLong(1, row.id());
                        insert.setString(2, row.name());
                        insert.setInt(3, row.v());
                        insert.setObject(4, row.createdAt());
                        insert.addBatch();
                    }
                    for (int count : insert.executeBatch()) {
                        written[0] += count;
                    }
                }
            }
        });
        return written[0];
    }

    /** PgBulkInsert: per table one binary COPY, all in one transaction. */
    long pgBulkInsert(Connection connection, int repeat) throws SQLException {
        PeerLoads.inTransaction(connection, () -> {
            var pg = connection.unwrap(org.postgresql.PGConnection.class);
            for (int t = 0; t < tables; t++) {
                new PgBulkInsert<>(new Mapping(table(t))).saveAll(pg, rows.get(repeat).get(t));
            }
        });
        return rowsPerSeed();
    }

    /** PgBulkInsert's mapping of a small table. */
    private static final class Mapping extends AbstractMapping<SmallRow> {
        Mapping(String table) {
            super("public", table);
            mapLongPrimitive("id", SmallRow::id);
            mapText("name", SmallRow::name);
            mapIntegerPrimitive("v", SmallRow::v);
            mapTimeStampTz("created_at", row -> row.createdAt().toZonedDateTime());
        }
    }
}
