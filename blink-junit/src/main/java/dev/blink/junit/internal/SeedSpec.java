package dev.blink.junit.internal;

import dev.blink.Blink;
import dev.blink.BlinkException;
import dev.blink.InsertOptions;
import dev.blink.Plan;
import dev.blink.SeedResult;
import dev.blink.Seeder;
import dev.blink.junit.Isolation;
import dev.blink.junit.SeedDatabaseException;
import dev.blink.junit.Seeded;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * One {@link Seeded} annotation, resolved against the class it is on: its scripts, its seed, and a
 * key that names it, so that classes naming the same seed share one template.
 */
public final class SeedSpec {

    private final String key;
    private final Isolation isolation;
    private final List<URL> scripts;
    private final SeedAction action;

    private SeedSpec(String key, Isolation isolation, List<URL> scripts, SeedAction action) {
        this.key = key;
        this.isolation = isolation;
        this.scripts = scripts;
        this.action = action;
    }

    /**
     * Resolves an annotation found on (or above) {@code testClass}.
     *
     * @throws SeedDatabaseException if it names no seed, or both kinds, or a method or script that
     *     is not there
     */
    public static SeedSpec of(Seeded seeded, Class<?> testClass) {
        boolean hasMethod = !seeded.method().isBlank();
        boolean hasSeeder = seeded.seeder() != Seeder.class;
        String where = "@Seeded on " + testClass.getName();
        if (hasMethod == hasSeeder) {
            throw new SeedDatabaseException(where + " must name one seed: method = \"seed\" (a static method taking a "
                    + "Connection) or seeder = YourSeeder.class with tables = {...}", null);
        }
        List<URL> scripts = new ArrayList<>();
        for (String script : seeded.scripts()) {
            URL url = testClass.getResource(script);
            if (url == null) {
                throw new SeedDatabaseException(where + ": script \"" + script + "\" is not on the class path (a "
                        + "relative name is looked up next to " + testClass.getName() + ", one starting with / from "
                        + "the root)", null);
            }
            scripts.add(url);
        }
        SeedAction action;
        String key;
        if (hasMethod) {
            Method method = seedMethod(seeded.method(), testClass, where);
            action = connection -> {
                Object result = ReflectionSupport.invokeMethod(method, null, connection);
                return Optional.ofNullable((SeedResult) result);
            };
            key = "method " + method.getDeclaringClass().getName() + "#" + method.getName();
        } else {
            if (seeded.tables().length == 0) {
                throw new SeedDatabaseException(where + " names seeder " + seeded.seeder().getName() + " but no tables: "
                        + "add tables = {\"users\", ...} (the tables it answers, in order)", null);
            }
            if (seeded.seeder().isInterface() || Modifier.isAbstract(seeded.seeder().getModifiers())) {
                throw new SeedDatabaseException(where + ": seeder " + seeded.seeder().getName() + " is abstract; "
                        + "name a class with a no-argument constructor", null);
            }
            Class<? extends Seeder> seederClass = seeded.seeder();
            List<String> contexts = List.of(seeded.contexts());
            List<String> tables = List.of(seeded.tables());
            action = connection -> {
                Plan plan = Blink.plan(newSeeder(seederClass, where));
                contexts.forEach(plan::addContext);
                tables.forEach(plan::addTable);
                return Optional.of(plan.insert(connection, InsertOptions.defaults()));
            };
            key = "seeder " + seederClass.getName() + " contexts " + contexts + " tables " + tables;
        }
        List<URL> frozen = List.copyOf(scripts);
        return new SeedSpec(key + " scripts " + frozen, seeded.isolation(), frozen, action);
    }

    /** Names the seed; equal keys mean the same seed (one template serves them). */
    public String key() {
        return key;
    }

    /** The annotation's isolation. */
    public Isolation isolation() {
        return isolation;
    }

    /**
     * Runs the scripts, then the seed, on a connection in a transaction the caller owns.
     *
     * @return the seed's result, or empty if its method returns {@code void}
     */
    public Optional<SeedResult> run(Connection connection) {
        for (URL script : scripts) {
            runScript(connection, script);
        }
        try {
            return action.seed(connection);
        } catch (BlinkException e) {
            throw e;
        } catch (Exception e) { // a seed method's checked exceptions come through undeclared
            throw new SeedDatabaseException("The seed (" + key + ") threw " + e, e);
        }
    }

    @Override
    public String toString() {
        return key;
    }

    private static void runScript(Connection connection, URL script) {
        String sql;
        try (InputStream in = script.openStream()) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SeedDatabaseException("Could not read script " + script + ": " + e.getMessage(), e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SeedDatabaseException("Script " + script + " failed: " + e.getMessage() + " [SQLSTATE "
                    + e.getSQLState() + "]", e);
        }
    }

    private static Method seedMethod(String name, Class<?> testClass, String where) {
        Class<?> owner = testClass;
        String methodName = name.trim();
        int hash = methodName.indexOf('#');
        if (hash >= 0) {
            String className = methodName.substring(0, hash);
            methodName = methodName.substring(hash + 1);
            owner = ReflectionSupport.tryToLoadClass(className).toOptional().orElseThrow(() -> new SeedDatabaseException(
                    where + ": no class " + className + " for method = \"" + name + "\"", null));
        }
        String simple = methodName;
        List<Method> found = ReflectionSupport.findMethods(owner, m -> m.getName().equals(simple),
                HierarchyTraversalMode.BOTTOM_UP);
        if (found.isEmpty()) {
            throw new SeedDatabaseException(where + ": no method " + simple + " in " + owner.getName()
                    + "; declare static SeedResult " + simple + "(Connection connection)", null);
        }
        Method method = found.get(0);
        if (found.size() > 1 || !Modifier.isStatic(method.getModifiers())
                || !Arrays.equals(method.getParameterTypes(), new Class<?>[] {Connection.class})
                || !(method.getReturnType() == void.class || method.getReturnType() == SeedResult.class)) {
            throw new SeedDatabaseException(where + ": the seed method " + owner.getName() + "#" + simple
                    + " must be the one static method of that name taking a Connection and returning SeedResult or "
                    + "void, e.g. static SeedResult " + simple + "(Connection connection); found " + found, null);
        }
        return method;
    }

    private static Seeder newSeeder(Class<? extends Seeder> seederClass, String where) {
        try {
            return ReflectionSupport.newInstance(seederClass);
        } catch (RuntimeException e) {
            throw new SeedDatabaseException(where + ": could not create seeder " + seederClass.getName()
                    + " with its no-argument constructor (" + e + "); give it one, or use method = \"...\" to build "
                    + "the plan yourself", e);
        }
    }

    @FunctionalInterface
    private interface SeedAction {
        Optional<SeedResult> seed(Connection connection);
    }
}
