/**
 * Not API: the plan runner, row layouts and the store behind {@link dev.blink.Plan}. Public only so
 * that Blink's other modules can use it; it may change at any time, in any release.
 */
package dev.blink.internal;
