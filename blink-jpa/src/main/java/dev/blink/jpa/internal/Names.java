package dev.blink.jpa.internal;

import dev.blink.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hibernate renders table and column names as SQL (quoted where the mapping asked for it);
 * PostgreSQL folds unquoted names to lower case. These helpers give the names as the catalog holds
 * them, which is how Blink takes them.
 */
final class Names {

    private Names() {
    }

    /** A rendered, possibly schema-qualified table name as a {@link TableName}. */
    static TableName table(String rendered) {
        List<String> parts = split(rendered);
        return parts.size() == 1 ? TableName.of(parts.get(0))
                : TableName.of(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    }

    /** A rendered column name as the catalog holds it. */
    static String column(String rendered) {
        List<String> parts = split(rendered);
        return parts.get(parts.size() - 1);
    }

    private static List<String> split(String rendered) {
        List<String> parts = new ArrayList<>(2);
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < rendered.length(); i++) {
            char c = rendered.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < rendered.length() && rendered.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    part.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(wasQuoted ? part.toString() : part.toString().toLowerCase(Locale.ROOT));
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(c);
            }
        }
        parts.add(wasQuoted ? part.toString() : part.toString().toLowerCase(Locale.ROOT));
        return parts;
    }
}
