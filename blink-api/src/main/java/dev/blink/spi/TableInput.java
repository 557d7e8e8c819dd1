package dev.blink.spi;

import dev.blink.Location;
import dev.blink.TableName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One table's rows as an {@link Inserter} receives them: a name, the columns, and a cursor over
 * the rows' values. Not thread-safe; read it from the thread that called the inserter.
 */
public interface TableInput {

    /** The target table. */
    TableName table();

    /** Every column the inserter writes, in the order of the values {@link #next} fills. */
    List<String> columns();

    /**
     * The columns whose value is the same in every row (declared with
     * {@link dev.blink.TableOptions#withConstant}). {@link #next} still fills them, so an inserter
     * may ignore this; a fast one encodes them once.
     */
    Set<String> constantColumns();

    /**
     * Advances to the next row and writes its values into {@code values} (of length
     * {@code columns().size()}).
     *
     * @return {@code false} when there are no more rows
     * @throws dev.blink.SeedException if producing or mapping the row fails; the table is then
     *     aborted
     */
    boolean next(Object[] values);

    /**
     * Like {@link #next}, but may leave the slots of the {@link #constantColumns()} untouched: for
     * an inserter that read them once, from the first row's {@link #next}, and encoded them once.
     * By default it is {@link #next}.
     *
     * @return {@code false} when there are no more rows
     * @throws dev.blink.SeedException as {@link #next} does
     */
    default boolean nextVarying(Object[] values) {
        return next(values);
    }

    /** The 1-based position of the row last returned by {@link #next}, 0 before the first. */
    long rowNumber();

    /**
     * The file the rows are read from, when the table's source is a file reader: ask it for the
     * file and line of the current row without allocating (unlike {@link #location()}). Empty for
     * other sources.
     */
    Optional<RowOrigin> origin();

    /**
     * Where the current row is: the table, the row number and, for rows read from a file, the
     * file and line. Add the column with {@link Location#column(String)}.
     */
    Location location();

    /**
     * Finds the first row whose values (in {@link #columns()} order) pass {@code test}, by reading
     * the rows again: for errors that the database reports without a row, such as a foreign key
     * checked at the end of a COPY. Only a source that can be read again (a {@code List}) is
     * searched; the values are mapped as {@link #next} mapped them.
     *
     * @return the row's 1-based position, or 0 if no row passes or the source cannot be read again
     */
    default long findRow(Predicate<Object[]> test) {
        return 0;
    }
}
