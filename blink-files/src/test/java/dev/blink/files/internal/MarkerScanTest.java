package dev.blink.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scan for {@code \.} lines finds them wherever the chunks the file is read in are cut. */
class MarkerScanTest {

    private static boolean found(String text, int... cuts) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        MarkerScan scan = new MarkerScan();
        int from = 0;
        for (int cut : cuts) {
            if (scan.candidate(bytes, from, cut - from)) {
                return true;
            }
            from = cut;
        }
        return scan.candidate(bytes, from, bytes.length - from);
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
}
