package dev.blink.files.internal;

import dev.blink.files.JsonLayout;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * The settings of a {@link dev.blink.files.Json}.
 *
 * @param charset the file's charset, or null to detect it from the first bytes
 */
public record JsonSettings(Path file, JsonLayout layout, Charset charset) {

    @Override
    public String toString() {
        return file + ", " + layout + (charset == null ? "" : ", " + charset.name());
    }
}
