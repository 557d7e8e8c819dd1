package dev.blink.files.internal;

import dev.blink.files.FileSource;
import dev.blink.files.EmptyCell;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The settings of a {@link dev.blink.files.Csv}, checked by it.
 *
 * @param escape the escape character, or null for the quote (COPY's default)
 * @param nullString the text of an unquoted NULL value ({@code ""}, COPY's default, unless set)
 * @param charset the file's charset (ignored for a source of characters)
 * @param header the column names, or null to read them from the file's first line
 * @param maxRecordLength the longest record, in characters
 */
public record CsvSettings(FileSource source, char delimiter, char quote, Character escape, String nullString,
                          Charset charset, int skipLines, List<String> header, EmptyCell empty,
                          int maxRecordLength) {

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(source.name());
        out.append(", delimiter ").append(show(delimiter)).append(", quote ").append(show(quote));
        if (escape != null) {
            out.append(", escape ").append(show(escape));
        }
        if (!nullString.isEmpty()) {
            out.append(", null \"").append(nullString).append('"');
        }
        if (!source.isCharacters()) {
            out.append(", ").append(charset.name());
        }
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
