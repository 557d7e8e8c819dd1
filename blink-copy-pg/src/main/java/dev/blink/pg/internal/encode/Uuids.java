package dev.blink.pg.internal.encode;

import dev.blink.pg.internal.CopyStream;
import java.util.UUID;

/** uuid: a UUID. */
final class Uuids {

    private Uuids() {
    }

    static Encoder binary(Class<?> c) {
        return c == UUID.class ? Direct.UUID : null;
    }

    static TextEncoder text(Class<?> c) {
        return c == UUID.class ? (out, v) -> out.append(v) : null;
    }

    static void write(CopyStream out, UUID u) {
        out.room(20);
        out.int4InRoom(16);
        out.int8InRoom(u.getMostSignificantBits());
        out.int8InRoom(u.getLeastSignificantBits());
    }
}
