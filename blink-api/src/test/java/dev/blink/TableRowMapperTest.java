package dev.blink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.spi.InsertStats;
import dev.blink.spi.Inserter;
import dev.blink.spi.RowLayout;
import dev.blink.spi.RowMapper;
import dev.blink.spi.RowOrigin;
import dev.blink.spi.TableInput;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A table's own row mapper, and a layout that writes its table through an inserter of its own. */
class TableRowMapperTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final InsertOptions JDBC = InsertOptions.builder().inserter(JdbcBatchInserter.create()).build();

    private TestDatabase db;

    /** A row type that only the mappers below know. */
    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    /** Maps points to (x, y), or, for {@code tag}, to (x, y, tag). */
    static RowMapper points(String tag) {
        return context -> context.firstRow() instanceof Point
                ? Optional.of(new PointLayout(tag))
                : Optional.empty();
    }

    static class PointLayout implements RowLayout {
        final String tag;

        PointLayout(String tag) {
            this.tag = tag;
        }

        @Override
        public List<String> columns() {
            return List.of("x", "y", "tag");
        }

        @Override
        public void copyValues(Object row, Object[] values) {
            Point point = (Point) row;
            values[0] = point.x;
            values[1] = point.y;
            values[2] = tag;
        }
    }

    @BeforeEach
    void schema() {
        db = postgres.database();
        db.execute("DROP TABLE IF EXISTS points; CREATE TABLE points (x int, y int, tag text)");
    }

    private static List<Point> points(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Point(i, i * i)).toList();
    }

    @Test
    void mapsRowsWithTheTablesOwnMapperWithoutRegisteringItForThePlan() {
        Blink.plan()
                .addTable("points", store -> points(5), TableOptions.defaults().withRowMapper(points("own")))
                .insert(db.dataSource(), JDBC);

        assertEquals(5L, db.count("points"));
        assertEquals(30L, ((Number) db.queryValue("SELECT sum(y) FROM points WHERE tag = 'own'")).longValue());
    }

    @Test
    void asksTheTablesOwnMapperBeforeThePlansAndFallsBackWhenItDeclines() {
        RowMapper declines = context -> Optional.empty();
        Blink.plan()
                .addTable("points", store -> points(3), TableOptions.defaults().withRowMapper(points("own")))
                .insert(db.dataSource(), JDBC.toBuilder().rowMapper(points("plan")).build());
        db.execute("DELETE FROM points");
        Blink.plan()
                .addTable("points", store -> points(3), TableOptions.defaults().withRowMapper(declines))
                .insert(db.dataSource(), JDBC.toBuilder().rowMapper(points("plan")).build());

        assertEquals(List.of("plan"), tags());
    }

    @Test
    void namesBothWaysToRegisterAMapperWhenNoneMapsTheRows() {
        SeedException e = assertThrows(SeedException.class,
                () -> Blink.plan().addTable("points", store -> points(1)).insert(db.dataSource(), JDBC));
        assertTrue(e.getMessage().contains("TableOptions.withRowMapper(...) or InsertOptions.builder().rowMapper(...)"),
                e.getMessage());
    }

    @Test
    void writesTheTableThroughTheInserterItsLayoutWrapsAroundThePlans() {
        List<String> calls = new ArrayList<>();
        RowMapper inHalves = context -> Optional.of(new PointLayout("half") {
            @Override
            public Inserter inserter(Inserter planInserter) {
                return (connection, input, options) -> {
                    calls.add("wrapper around " + planInserter.getClass().getSimpleName());
                    InsertStats first = planInserter.insert(connection, new Limited(input, 2), options);
                    InsertStats rest = planInserter.insert(connection, new Limited(input, Long.MAX_VALUE), options);
                    return InsertStats.written(first.rows() + rest.rows(), first.bytes() + rest.bytes());
                };
            }
        });
        SeedResult result = Blink.plan()
                .addTable("points", store -> points(5), TableOptions.defaults().withRowMapper(inHalves))
                .insert(db.dataSource(), JDBC);

        assertEquals(List.of("wrapper around JdbcBatchInserter"), calls);
        assertEquals(5L, result.tables().get(0).rows(), "each part counts the rows it wrote");
        assertEquals(0L, result.tables().get(0).skipped());
        assertEquals(5L, db.count("points"));
    }

    @Test
    void saysWhatANullRowShouldBeForEveryKindOfRow() {
        List<Point> rows = new ArrayList<>(points(2));
        rows.add(null);
        SeedException e = assertThrows(SeedException.class, () -> Blink.plan()
                .addTable("points", store -> rows, TableOptions.defaults().withRowMapper(points("own")))
                .insert(db.dataSource(), JDBC));
        assertTrue(e.getMessage().startsWith("table \"points\", row 3: the row is null; the table's source must give "
                + "one object per row (a Map, a record, or a row its RowMapper maps"), e.getMessage());
        assertEquals(0L, db.count("points"));
    }

    private List<String> tags() {
        return db.query("SELECT DISTINCT tag FROM points").stream().map(row -> (String) row.get("tag")).toList();
    }

    /** At most {@code limit} more rows of {@code input}. */
    private static final class Limited implements TableInput {
        private final TableInput input;
        private long left;

        Limited(TableInput input, long limit) {
            this.input = input;
            this.left = limit;
        }

        @Override
        public TableName table() {
            return input.table();
        }

        @Override
        public List<String> columns() {
            return input.columns();
        }

        @Override
        public Set<String> constantColumns() {
            return input.constantColumns();
        }

        @Override
        public boolean next(Object[] values) {
            return left-- > 0 && input.next(values);
        }

        @Override
        public long rowNumber() {
            return input.rowNumber();
        }

        @Override
        public Optional<RowOrigin> origin() {
            return input.origin();
        }

        @Override
        public Location location() {
            return input.location();
        }
    }
}
