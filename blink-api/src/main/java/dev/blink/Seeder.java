package dev.blink;

/**
 * The callback form of a seed, the twin of {@code use Blink} in Elixir: steps added to
 * {@link Blink#plan(Seeder)} by name alone are answered by these methods.
 *
 * <pre>{@code
 * final class AppSeeder implements Seeder {
 *     @Override
 *     public Iterable<?> table(Store store, String table) {
 *         return switch (table) {
 *             case "users" -> users();
 *             case "posts" -> posts(store.table("users", User.class));
 *             default -> Seeder.super.table(store, table);
 *         };
 *     }
 * }
 * }</pre>
 *
 * <p>The default methods answer nothing: they throw a {@link PlanException} naming the seeder and
 * the step, so end a {@code switch} with {@code Seeder.super.table(store, table)}.
 */
public interface Seeder {

    /**
     * The rows of a table added by name. See {@link dev.blink.spi.TableSource#rows} for what may
     * be returned.
     *
     * @throws Exception anything; the seed rolls back and reports it with the table's name
     */
    default Iterable<?> table(Store store, String table) throws Exception {
        throw new PlanException(getClass().getName() + " does not answer table \"" + table
                + "\": return its rows from table(Store, String) for \"" + table + "\", or add the table with a source: "
                + "plan.addTable(\"" + table + "\", store -> rows)");
    }

    /**
     * The value of a context key added by name.
     *
     * @throws Exception anything; the seed rolls back and reports it with the key
     */
    default Object context(Store store, String key) throws Exception {
        throw new PlanException(getClass().getName() + " does not answer context \"" + key
                + "\": return its value from context(Store, String) for \"" + key + "\", or add it with a source: "
                + "plan.addContext(\"" + key + "\", store -> value)");
    }
}
