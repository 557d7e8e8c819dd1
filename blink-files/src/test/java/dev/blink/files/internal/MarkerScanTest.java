package dev.blink.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The scan for {@code \.} lines finds them wherever the chunks the file is read in are cut, and
 * says exactly what the simple scan (every byte through the line-start rule, the whole file at
 * once) says.
 */
class MarkerScanTest {

    /** The simple scan: a line (from the start or after LF or CR) that is {@code \.} and a line break. */
    private static boolean simple(byte[] bytes) {
        for (int p = 0; p + 2 < bytes.length; p++) {
            if ((p == 0 || bytes[p - 1] == '\n' || bytes[p - 1] == '\r') && bytes[p] == '\\' && bytes[p + 1] == '.'
                    && (bytes[p + 2] == '\n' || bytes[p + 2] == '\r')) {
                return true;
            }
        }
        return false;
    }

    /** The scan over {@code bytes} cut at {@code cuts}, each chunk at {@code shift} in a larger, dirty array. */
    private static boolean found(byte[] bytes, int shift, int... cuts) {
        MarkerScan scan = new MarkerScan();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            byte[] chunk = new byte[shift + (to - from) + 5];
            Arrays.fill(chunk, (byte) '\n'); // bytes outside the chunk must not count
            System.arraycopy(bytes, from, chunk, shift, to - from);
            if (scan.candidate(chunk, shift, to - from)) {
                return true;
            }
            from = to;
        }
        return false;
    }

    private static boolean found(String text, int... cuts) {
        return found(text.getBytes(StandardCharsets.UTF_8), 0, cuts);
    }

    @Test
    void findsALineThatIsBackslashDotWhereverTheChunksAreCut() {
        String pad = "0123456789abcdefghij";
        String[] candidates = {"\\.\n", "\\.\r\n", "a,b\n\\.\nc", "a\r\\.\rb", pad + "\n\\.\n" + pad,
            pad + pad + "\r\\.\r" + pad, pad + "\n" + pad + "\n\\.\n"};
        String[] others = {"\\.", "a\\.\n", "a\n \\.\n", "a\n\\.x\n", "a\n\\,\n", "a\n\\\n", pad + pad, pad + "\n" + pad + "\r\n" + pad + "\\.\n"};
        for (String text : candidates) {
            for (int a = 0; a <= text.length(); a++) {
                for (int b = a; b <= text.length(); b++) {
                    assertEquals(true, found(text, a, b), text + " cut at " + a + ", " + b);
                }
            }
        }
        for (String text : others) {
            for (int a = 0; a <= text.length(); a++) {
                assertEquals(false, found(text, a), text + " cut at " + a);
            }
        }
    }

    /**
     * A marker (and near-misses: other bytes in its place, backslashes and line breaks around it)
     * at every place in a text longer than the scan's 32-byte blocks, the text cut at every place:
     * markers across a block's edge, a chunk's edge and both.
     */
    @Test
    void aMarkerAtEveryPlaceOfABlockAndAChunk() {
        String[] markers = {"\n\\.\n", "\r\\.\r", "\n\\.\r\n", "\n\\,\n", "\n\\\\.\n", "\\\n\\.x", "\n.\\\n", "\\\\\\."};
        for (String marker : markers) {
            for (int at = 0; at <= 90; at++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 100; i++) {
                    text.append(i % 29 == 28 ? '\\' : (char) ('a' + i % 26)); // some stray backslashes
                }
                text.insert(at, marker);
                byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
                boolean expected = simple(bytes);
                for (int cut = 0; cut <= bytes.length; cut++) {
                    assertEquals(expected, found(bytes, cut % 8, cut), marker + " at " + at + " cut at " + cut);
                }
            }
        }
    }

    /** A generated text and the places it is cut at. */
    record Case(byte[] bytes, int shift, int[] cuts) {
        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.ISO_8859_1).replace("\n", "\\n").replace("\r", "\\r")
                    + " shift " + shift + " cuts " + Arrays.toString(cuts);
        }

        /** Runs of ordinary bytes, line breaks, backslashes and dots, more often than chance would put them together. */
        static Case generate(Random random) {
            int length = random.nextInt(4) == 0 ? random.nextInt(12) : random.nextInt(600);
            byte[] bytes = new byte[length];
            byte[] special = {'\n', '\r', '\\', '.', '"', ','};
            int plain = 1 + random.nextInt(80); // how long runs of plain bytes tend to be
            for (int i = 0; i < length; ) {
                if (random.nextInt(3) == 0) {
                    int run = Math.min(length - i, random.nextInt(plain + 1));
                    for (int k = 0; k < run; k++) {
                        bytes[i++] = (byte) (random.nextInt(4) == 0 ? 0x5d + random.nextInt(0xa3) : 'a' + random.nextInt(26));
                    }
                } else if (random.nextInt(4) == 0 && i + 4 <= length) {
                    bytes[i++] = special[random.nextInt(2)];
                    bytes[i++] = '\\';
                    bytes[i++] = random.nextInt(5) == 0 ? (byte) 'x' : (byte) '.';
                    bytes[i++] = special[random.nextInt(random.nextInt(5) == 0 ? 6 : 2)];
                } else {
                    bytes[i++] = special[random.nextInt(special.length)];
                }
            }
            int[] cuts = new int[random.nextInt(5)];
            for (int k = 0; k < cuts.length; k++) {
                cuts[k] = random.nextInt(length + 1);
            }
            Arrays.sort(cuts);
            return new Case(bytes, random.nextInt(9), cuts);
        }
    }

    @Provide
    Arbitrary<Case> texts() {
        return Arbitraries.randomValue(Case::generate);
    }

    @Property(tries = 3000, seed = "20261202")
    void saysWhatTheSimpleScanSays(@ForAll("texts") Case text) {
        assertEquals(simple(text.bytes()), found(text.bytes(), text.shift(), text.cuts()), text::toString);
    }
}
