/**
 * Seeds inside Spring-managed transactions: {@link dev.blink.spring.SpringSeeding} runs a plan on the
 * connection Spring's transaction holds for a DataSource, so that it commits or rolls back with it.
 */
package dev.blink.spring;
