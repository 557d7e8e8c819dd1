package dev.blink.pg.internal.encode;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * inet, cidr (an InetAddress, a host address: /32 or /128), macaddr (byte[6]) and macaddr8 (byte[8],
 * or byte[6] widened with FF:FE in the middle as PostgreSQL does). The text forms give every byte
 * and the prefix length explicitly, so cidr's classful defaults never apply.
 */
final class Network {

    private Network() {
    }

    static Encoder binary(Kind kind, Class<?> c) {
        if (kind == Kind.INET || kind == Kind.CIDR) {
            boolean cidr = kind == Kind.CIDR;
            return InetAddress.class.isAssignableFrom(c) ? (out, v) -> {
                byte[] address = ((InetAddress) v).getAddress();
                out.int4(4 + address.length);
                out.int1(address.length == 4 ? 2 : 3);
                out.int1(address.length * 8);
                out.int1(cidr ? 1 : 0);
                out.int1(address.length);
                out.bytes(address);
            } : null;
        }
        int size = kind == Kind.MACADDR ? 6 : 8;
        return c == byte[].class ? (out, v) -> {
            byte[] mac = mac((byte[]) v, size);
            out.int4(size);
            out.bytes(mac);
        } : null;
    }

    static TextEncoder text(Kind kind, Class<?> c) {
        if (kind == Kind.INET || kind == Kind.CIDR) {
            return InetAddress.class.isAssignableFrom(c) ? (out, v) -> address(out, (InetAddress) v) : null;
        }
        int size = kind == Kind.MACADDR ? 6 : 8;
        return c == byte[].class ? (out, v) -> {
            char[] hex = Bytea.hexDigits();
            byte[] mac = mac((byte[]) v, size);
            for (int i = 0; i < mac.length; i++) {
                if (i > 0) {
                    out.append(':');
                }
                out.append(hex[(mac[i] >> 4) & 0xf]).append(hex[mac[i] & 0xf]);
            }
        } : null;
    }

    private static void address(StringBuilder out, InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    out.append('.');
                }
                out.append(b[i] & 0xff);
            }
            out.append("/32");
            return;
        }
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString((b[i] & 0xff) << 8 | (b[i + 1] & 0xff)));
        }
        out.append("/128");
    }

    private static byte[] mac(byte[] b, int size) {
        if (b.length == size) {
            return b;
        }
        if (size == 8 && b.length == 6) {
            return new byte[] {b[0], b[1], b[2], (byte) 0xff, (byte) 0xfe, b[3], b[4], b[5]};
        }
        throw BadValue.of("a MAC address has " + size + " bytes" + (size == 8 ? " (or 6)" : "") + ", this one has "
                + b.length);
    }

}
