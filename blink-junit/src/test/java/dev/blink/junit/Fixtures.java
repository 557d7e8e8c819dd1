package dev.blink.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs fixture test classes in JUnit's own engine, so that a test can look at what they left. */
final class Fixtures {

    private Fixtures() {
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /** Asserts that every test and container succeeded, naming the failures if not. */
    static void assertAllPassed(EngineExecutionResults results, long tests) {
        Events failed = results.allEvents().failed();
        if (failed.count() > 0) {
            StringBuilder message = new StringBuilder("fixture failures:");
            failed.stream().forEach(event -> message.append("\n  ").append(event.getTestDescriptor().getDisplayName())
                    .append(": ").append(event.getPayload().map(Object::toString).orElse("")));
            throw new AssertionError(message.toString());
        }
        results.testEvents().assertStatistics(stats -> stats.succeeded(tests).failed(0));
    }

    /** The message of the first failure among the tests or containers. */
    static String firstFailure(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .getThrowable().map(Fixtures::messages).orElse(""))
                .findFirst().orElseThrow(() -> new AssertionError("expected a failure"));
    }

    private static String messages(Throwable throwable) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return out.toString();
    }
}
