package dev.blink.files.internal;

import dev.blink.files.FileSource;
import dev.blink.files.JsonLayout;
import java.nio.charset.Charset;

/**
 * The settings of a {@link dev.blink.files.Json}.
 *
 * @param charset the file's charset, or null to detect UTF-8, UTF-16 or UTF-32 from the first bytes
 */
public record JsonSettings(FileSource source, JsonLayout layout, Charset charset) {

    @Override
    public String toString() {
        return source + ", " + layout + (charset == null ? "" : ", " + charset.name());
    }
}
