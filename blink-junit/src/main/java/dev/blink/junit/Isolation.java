package dev.blink.junit;

/** How {@link Seeded} keeps tests apart. */
public enum Isolation {

    /**
     * The seed and the test run in one transaction that is rolled back after the test: each test
     * sees exactly the seed, and nothing is ever committed. The test's {@code Connection} (and every
     * connection of its {@code DataSource}) is that transaction: {@code commit()} and
     * {@code setAutoCommit(true)} are refused, and {@code rollback()} goes back to the seed. The
     * seed runs once per test; the cheapest mode for small seeds.
     */
    ROLLBACK,

    /**
     * The seed runs once per JVM into a template database, and each test class gets its own
     * {@code CREATE DATABASE … TEMPLATE} copy of it: tests may commit, and their changes are seen by
     * the later tests of the class, never by another class. The copy is dropped after the class.
     */
    COPY_PER_CLASS,

    /** Like {@link #COPY_PER_CLASS}, with a fresh copy for every test method. */
    COPY_PER_TEST
}
