package dev.blink.bench;

import java.util.function.IntSupplier;

/**
 * One way to load a case's rows, measured once per round.
 *
 * @param name the short name in the report and in the raw results ({@code blinkRecords})
 * @param label what it is, for the report's first column
 * @param backend the pid of the server backend that does its work (for its CPU clock)
 * @param load loads every row of the case once, in one transaction, and returns the rows written
 */
record RoundsMethod(String name, String label, IntSupplier backend, Load load) {

    /** One load of the case's rows. */
    @FunctionalInterface
    interface Load {
        /**
         * Loads the rows once, in one transaction; returns the rows written.
         *
         * @param repeat which of the measurement's repeated loads this is (0 for the first), so that
         *     repeated loads into the same tables can use fresh ids
         */
        long run(int repeat) throws Exception;
    }
}
