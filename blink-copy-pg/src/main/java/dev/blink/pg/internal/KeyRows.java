package dev.blink.pg.internal;

import dev.blink.spi.TableInput;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds the first row that holds the key a foreign-key error names. The server checks foreign keys
 * after the last row of a COPY, so its error names no row, only the key:
 * {@code Key (user_id)=(999) is not present in table "users".} A row holds the key when its values
 * of those columns, as PostgreSQL prints them, are that text; only values whose printed form is
 * certain take part (integers, text, uuid, booleans, enums), so a row is named only when it is the
 * one.
 */
final class KeyRows {

    private static final String PREFIX = "Key (";
    private static final String SUFFIX = ") is not present in table ";

    private KeyRows() {
    }

    /** The 1-based number of the first row of {@code input} holding the key in {@code detail}, or 0. */
    static long find(String detail, TableInput input) {
        if (detail == null || !detail.startsWith(PREFIX)) {
            return 0;
        }
        List<String> names = new ArrayList<>();
        int at = names(detail, PREFIX.length(), names);
        int end = detail.lastIndexOf(SUFFIX);
        if (at < 0 || !detail.startsWith(")=(", at) || end < at + 3) {
            return 0;
        }
        String key = detail.substring(at + 3, end);
        int[] indexes = new int[names.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = input.columns().indexOf(names.get(i));
            if (indexes[i] < 0) {
                return 0;
            }
        }
        return input.findRow(values -> key.equals(printed(values, indexes)));
    }

    /** Reads the column names from {@code at} up to {@code )=(}; returns where that starts, or -1. */
    private static int names(String detail, int at, List<String> names) {
        StringBuilder name = new StringBuilder();
        while (at < detail.length()) {
            if (detail.charAt(at) == '"') {
                at++;
                while (at < detail.length()) {
                    char c = detail.charAt(at++);
                    if (c == '"') {
                        if (at < detail.length() && detail.charAt(at) == '"') {
                            name.append('"');
                            at++;
                        } else {
                            break;
                        }
                    } else {
                        name.append(c);
                    }
                }
            } else {
                while (at < detail.length() && detail.charAt(at) != ',' && detail.charAt(at) != ')') {
                    name.append(detail.charAt(at++));
                }
            }
            names.add(name.toString());
            name.setLength(0);
            if (detail.startsWith(", ", at)) {
                at += 2;
            } else {
                return detail.startsWith(")", at) ? at : -1;
            }
        }
        return -1;
    }

    /** The key columns of one row as PostgreSQL prints a key, or null if a value's printed form is not certain. */
    private static String printed(Object[] values, int[] indexes) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < indexes.length; i++) {
            String text = printed(values[indexes[i]]);
            if (text == null) {
                return null;
            }
            key.append(i == 0 ? "" : ", ").append(text);
        }
        return key.toString();
    }

    private static String printed(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof String || value instanceof UUID
                || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return null;
    }
}
