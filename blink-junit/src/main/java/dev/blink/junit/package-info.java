/**
 * JUnit 5 tests on a seeded PostgreSQL database: {@link dev.blink.junit.Seeded} names a test class's
 * (or method's) seed, and {@link dev.blink.junit.Isolation} says how tests are kept apart: a
 * transaction rolled back after each test, or a copy of a template database seeded once per JVM.
 */
package dev.blink.junit;
