package dev.blink.internal;

import dev.blink.TableName;
import dev.blink.TableOptions;
import dev.blink.spi.ContextSource;
import dev.blink.spi.TableSource;

/** One step of a plan: a table or a context value. */
public sealed interface Step {

    /** The table name as given, or the context key. */
    String name();

    /** A table step. */
    record Table(String name, TableName table, TableSource source, TableOptions options) implements Step {
    }

    /** A context step. */
    record Context(String name, ContextSource source) implements Step {
    }
}
