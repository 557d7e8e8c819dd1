/**
 * Seeds JPA entities exactly as Hibernate ORM would store them.
 */
package dev.blink.jpa;
