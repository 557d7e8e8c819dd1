/**
 * Not API: the reader of Hibernate's mapping model behind {@link dev.blink.jpa.JpaTables}. It may
 * change at any time, in any release.
 */
package dev.blink.jpa.internal;
