package dev.blink;

import java.util.Objects;
import java.util.Optional;

/**
 * A table's name, optionally qualified by its schema.
 *
 * <p>{@link #parse} reads names the way Blink's API takes them: {@code users},
 * {@code public.users}, {@code "Order Items"} or {@code sales."Order"}. Each part is taken
 * <em>exactly as written</em>, case included (Blink quotes every identifier it sends, so a name can
 * never inject SQL); double quotes are only needed around a part that holds a dot or a quote, and a
 * quote inside them is doubled. An unqualified name is looked up on the connection's
 * {@code search_path}.
 *
 * @param schema the schema, if given
 * @param name the table's own name
 */
public record TableName(Optional<String> schema, String name) {

    /** Checks the parts. */
    public TableName {
        Objects.requireNonNull(schema, "null schema");
        Objects.requireNonNull(name, "null name");
        if (name.isEmpty() || schema.map(String::isEmpty).orElse(false)) {
            throw new IllegalArgumentException("Empty table or schema name");
        }
    }

    /** A name without schema. */
    public static TableName of(String name) {
        return new TableName(Optional.empty(), name);
    }

    /** A schema-qualified name. */
    public static TableName of(String schema, String name) {
        return new TableName(Optional.of(Objects.requireNonNull(schema, "null schema")), name);
    }

    /**
     * Parses {@code table}, {@code schema.table}, with any part in double quotes.
     *
     * @throws IllegalArgumentException for an empty name, unbalanced quotes or more than two parts
     */
    public static TableName parse(String text) {
        Objects.requireNonNull(text, "null table name");
        java.util.List<String> parts = new java.util.ArrayList<>(2);
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        part.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    part.append(c);
                }
            } else if (c == '"' && part.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted) {
                throw new IllegalArgumentException("Invalid table name " + text + ": text after a closing quote");
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Invalid table name " + text + ": unbalanced double quote");
        }
        parts.add(part.toString());
        if (parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Invalid table name '" + text
                    + "': expected table or schema.table (quote a part that holds a dot: \"my.table\")");
        }
        return parts.size() == 1 ? of(parts.get(0)) : of(parts.get(0), parts.get(1));
    }

    /** The name as SQL, each part double-quoted: {@code "public"."users"}. */
    public String toSql() {
        return schema.map(s -> quote(s) + ".").orElse("") + quote(name);
    }

    /** Double-quotes one identifier, doubling any quote inside it. */
    public static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Identifier contains a NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The name as given to {@link #parse}: parts joined by a dot, quoted only where needed. */
    @Override
    public String toString() {
        return schema.map(s -> display(s) + ".").orElse("") + display(name);
    }

    private static String display(String part) {
        return part.indexOf('.') >= 0 || part.indexOf('"') >= 0 ? quote(part) : part;
    }
}
