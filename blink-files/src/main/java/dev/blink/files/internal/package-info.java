/**
 * Not API: the readers behind {@link dev.blink.files.Csv} and {@link dev.blink.files.Json}. It may
 * change at any time, in any release.
 */
package dev.blink.files.internal;
