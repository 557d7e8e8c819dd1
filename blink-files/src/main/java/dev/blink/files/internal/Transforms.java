package dev.blink.files.internal;

import dev.blink.files.RowTransform;
import java.util.Map;

/** The identity transform and composition. */
public final class Transforms {

    private static final RowTransform IDENTITY = row -> row;

    private Transforms() {
    }

    /** The transform that returns each row as it is. */
    public static RowTransform identity() {
        return IDENTITY;
    }

    /** Whether {@code transform} is {@link #identity()}. */
    public static boolean isIdentity(RowTransform transform) {
        return transform == IDENTITY;
    }

    /** {@code first}, then {@code second}. */
    public static RowTransform then(RowTransform first, RowTransform second) {
        if (first == IDENTITY) {
            return second;
        }
        return row -> {
            Map<String, Object> once = first.apply(row);
            return once == null ? null : second.apply(once);
        };
    }
}
