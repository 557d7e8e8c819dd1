package dev.blink.spi;

import dev.blink.Store;

/**
 * Computes one shared context value, once, when the plan reaches it. Later tables read it through
 * {@link Store#context(String)}.
 */
@FunctionalInterface
public interface ContextSource {

    /**
     * Returns the value (may be {@code null}).
     *
     * @param store the tables and context before this step
     * @throws Exception anything; the seed rolls back and reports it with the context key
     */
    Object value(Store store) throws Exception;
}
