package dev.blink.pg.internal.encode;

import dev.blink.pg.internal.CopyStream;

/** bool: a Boolean. */
final class Booleans {

    private Booleans() {
    }

    static Encoder binary(Class<?> c) {
        return c == Boolean.class ? Direct.BOOL : null;
    }

    static TextEncoder text(Class<?> c) {
        return c == Boolean.class ? (out, v) -> out.append((Boolean) v ? 't' : 'f') : null;
    }

    static void write(CopyStream out, boolean b) {
        out.room(5);
        out.int4InRoom(1);
        out.int1InRoom(b ? 1 : 0);
    }
}
