package dev.blink;

/**
 * Turns a record component's name into a column name.
 */
@FunctionalInterface
public interface ColumnNaming {

    /** {@code createdAt} stays {@code createdAt}. */
    ColumnNaming AS_IS = name -> name;

    /** {@code createdAt} becomes {@code created_at}, {@code userID} becomes {@code user_id}. The default. */
    ColumnNaming SNAKE_CASE = ColumnNaming::snakeCase;

    /** The column name for a component name. */
    String column(String componentName);

    private static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1)) && name.charAt(i - 1) != '_';
                boolean beforeLower = i > 0 && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                        && Character.isUpperCase(name.charAt(i - 1));
                if (afterLower || beforeLower) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
