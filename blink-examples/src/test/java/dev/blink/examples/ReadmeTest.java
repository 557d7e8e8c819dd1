package dev.blink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's code is cut from compiled sources, most of which the other tests run: every Java
 * block must follow a {@code <!-- snippet:NAME -->} marker and equal the region between
 * {@code // tag::NAME[]} and {@code // end::NAME[]} in the sources of any module (common
 * indentation removed). {@code blink-examples/sync-readme.py} copies the regions in.
 */
class ReadmeTest {

    private static final Pattern MARKER = Pattern.compile("<!-- snippet:([\\w-]+) -->\\R```java\\R(.*?)```",
            Pattern.DOTALL);
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java$");
    private static final Pattern TAG = Pattern.compile("// tag::([\\w-]+)\\[]\\R(.*?)^\\s*// end::\\1\\[]",
            Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void everyReadmeSnippetIsTheCompiledExample() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        Map<String, String> tagged = taggedRegions(root);

        Matcher marker = MARKER.matcher(readme);
        List<String> seen = new ArrayList<>();
        while (marker.find()) {
            String name = marker.group(1);
            String expected = tagged.get(name);
            if (expected == null) {
                fail("README snippet '" + name + "' has no // tag::" + name + "[] region in the sources");
            }
            assertEquals(expected, marker.group(2), "README snippet '" + name + "' differs from its source");
            seen.add(name);
        }
        assertFalse(seen.isEmpty(), "no snippets found in the README");
    }

    @Test
    void everyJavaBlockIsCompiledCode() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        for (Path file : List.of(root.resolve("README.md"), root.resolve("blink-bench/README.md"))) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher block = JAVA_BLOCK.matcher(text);
            while (block.find()) {
                String before = text.substring(0, block.start());
                int line = before.split("\n", -1).length;
                if (!before.matches("(?s).*<!-- snippet:[\\w-]+ -->\\R$")) {
                    fail(root.relativize(file) + ", line " + line + ": a Java block without a <!-- snippet:NAME --> "
                            + "marker; tag the code it shows in a compiled source (// tag::NAME[] … // end::NAME[])");
                }
            }
        }
    }

    @Test
    void theFirstScreenHasTheDemoAndTheTestCommandsAsCiRunsThem() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String firstScreen = readme.substring(0, readme.indexOf("\n## "));
        assertTrue(firstScreen.contains("```sh\nmvn -B -q -pl blink-examples -am -DskipTests install exec:java\n```"));
        assertTrue(firstScreen.contains("```sh\nmvn -B -ntp verify\n```"));
        assertTrue(Files.readString(root.resolve(".ci/run"), StandardCharsets.UTF_8).contains("\nmvn -B -ntp verify\n"));
        assertTrue(firstScreen.contains("<!-- snippet:lambda -->"), "the first screen shows the records and lambdas seed");
    }

    private static Map<String, String> taggedRegions(Path root) throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/"))
                    .toList();
        }
        for (Path source : sources) {
            Matcher tag = TAG.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (tag.find()) {
                regions.put(tag.group(1), dedent(tag.group(2)));
            }
        }
        return regions;
    }

    static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
