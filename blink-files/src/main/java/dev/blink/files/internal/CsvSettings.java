package dev.blink.files.internal;

import dev.blink.files.EmptyCell;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * The settings of a {@link dev.blink.files.Csv}, checked by it.
 *
 * @param escape the escape character, or null for none
 * @param nullString the text of an unquoted NULL cell, or null for none (never empty)
 * @param header the column names, or null to read them from the file's first line
 * @param maxRecordLength the longest record, in characters
 */
public record CsvSettings(Path file, char delimiter, char quote, Character escape, String nullString,
                          Charset charset, int skipLines, List<String> header, EmptyCell empty,
                          int maxRecordLength) {

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file.toString());
        out.append(", delimiter ").append(show(delimiter)).append(", quote ").append(show(quote));
        if (escape != null) {
            out.append(", escape ").append(show(escape));
        }
        if (nullString != null) {
            out.append(", null \"").append(nullString).append('"');
        }
        out.append(", ").append(charset.name());
        if (skipLines > 0) {
            out.append(", skip ").append(skipLines).append(" lines");
        }
        out.append(header == null ? ", header line" : ", header " + header);
        return out.append(", empty cells ").append(empty).toString();
    }

    private static String show(char c) {
        return c == '\t' ? "'\\t'" : "'" + c + "'";
    }
}
