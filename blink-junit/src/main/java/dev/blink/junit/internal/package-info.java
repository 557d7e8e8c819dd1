/**
 * Not API: the extension's databases, templates and transactions behind {@link dev.blink.junit.Seeded}.
 * Public only so that Blink's other modules (the benchmarks) can use it; it may change at any time,
 * in any release.
 */
package dev.blink.junit.internal;
