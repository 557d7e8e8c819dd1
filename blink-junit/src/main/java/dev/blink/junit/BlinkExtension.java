package dev.blink.junit;

import dev.blink.SeedResult;
import dev.blink.junit.internal.ClassState;
import dev.blink.junit.internal.SeedSpec;
import dev.blink.junit.internal.Template;
import dev.blink.junit.internal.Templates;
import dev.blink.junit.internal.TestState;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link Seeded}, which registers it; there is no need to name it.
 * Safe for parallel test execution: each test has its own transaction or copy, and a template is
 * built once, by the first class that needs it.
 */
public final class BlinkExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BlinkExtension.class);
    private static final Set<Class<?>> INJECTED = Set.of(DataSource.class, Connection.class, SeedResult.class);

    /** For JUnit, which creates it when it meets {@link Seeded}. */
    public BlinkExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassState state = classState(context);
        // copies and class databases are made before @BeforeAll methods, so that failures show there
        state.spec().ifPresent(spec -> state.classDatabase());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).remove(ClassState.class, ClassState.class);
        if (state != null) {
            state.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassState state = classState(context);
        Optional<SeedSpec> own = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Seeded.class)
                .map(seeded -> SeedSpec.of(seeded, context.getRequiredTestClass()));
        Optional<SeedSpec> spec = own.or(state::spec);
        if (spec.isEmpty()) {
            return;
        }
        TestState test = switch (spec.get().isolation()) {
            case ROLLBACK -> TestState.rollback(state.rollbackDatabase(), spec.get());
            case COPY_PER_CLASS -> own.isEmpty()
                    ? TestState.copy(state.classCopy(), state.classCopyResult(), () -> { })
                    : ownCopy(state, spec.get());
            case COPY_PER_TEST -> ownCopy(state, spec.get());
        };
        context.getStore(NAMESPACE).put(TestState.class, test);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestState test = context.getStore(NAMESPACE).remove(TestState.class, TestState.class);
        if (test != null) {
            test.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (!INJECTED.contains(parameter.getParameter().getType())) {
            return false;
        }
        if (context.getTestMethod().isPresent()
                && AnnotationSupport.isAnnotated(context.getRequiredTestMethod(), Seeded.class)) {
            return true;
        }
        return classState(context).spec().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        boolean inTest = parameter.getDeclaringExecutable() instanceof Method && context.getTestMethod().isPresent();
        if (inTest) {
            TestState test = context.getStore(NAMESPACE).get(TestState.class, TestState.class);
            if (test == null) {
                throw new ParameterResolutionException("No seeded database for " + context.getDisplayName()
                        + " yet: @Seeded seeds before @BeforeEach methods, not in a test constructor");
            }
            if (type == DataSource.class) {
                return test.dataSource();
            }
            if (type == Connection.class) {
                try {
                    return test.connection();
                } catch (SQLException e) {
                    throw new ParameterResolutionException("Could not connect to the test's database: " + e.getMessage(), e);
                }
            }
            return test.result().orElseThrow(() -> noResult(context));
        }
        ClassState state = classState(context);
        boolean copies = state.spec().map(s -> s.isolation() == Isolation.COPY_PER_CLASS).orElse(false);
        if (type == DataSource.class) {
            return state.classDatabase();
        }
        if (type == SeedResult.class && copies) {
            return state.classCopyResult().orElseThrow(() -> noResult(context));
        }
        throw new ParameterResolutionException("@Seeded injects a " + type.getSimpleName() + " into tests and their "
                + "@BeforeEach/@AfterEach methods; at class level (" + parameter.getDeclaringExecutable().getName()
                + ") only the class's DataSource" + (copies ? " and SeedResult" : " (with Isolation.ROLLBACK the seed "
                + "runs for each test)"));
    }

    private static TestState ownCopy(ClassState state, SeedSpec spec) {
        Template template = Templates.of(state.server(), spec);
        Template.Copy copy = template.copy();
        return TestState.copy(copy.dataSource(), template.result(), copy::close);
    }

    private static ParameterResolutionException noResult(ExtensionContext context) {
        return new ParameterResolutionException("The seed of " + context.getDisplayName() + " returns void, so there "
                + "is no SeedResult to inject: return the result of plan.insert(connection, options) from the seed method");
    }

    /** The state of the nearest class around {@code context}, made on first use. */
    private static ClassState classState(ExtensionContext context) {
        ExtensionContext at = context;
        while (at.getTestMethod().isPresent()) {
            at = at.getParent().orElseThrow();
        }
        Class<?> testClass = at.getRequiredTestClass();
        return at.getStore(NAMESPACE).getOrComputeIfAbsent(ClassState.class, key -> ClassState.of(testClass),
                ClassState.class);
    }
}
