/**
 * Not API: the Commons CSV and Jackson adapters behind {@link dev.blink.files.Csv} and
 * {@link dev.blink.files.Json}. May change in any release.
 */
package dev.blink.files.internal;
