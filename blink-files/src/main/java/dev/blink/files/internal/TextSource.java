package dev.blink.files.internal;

import dev.blink.files.ReaderOpener;
import dev.blink.files.StreamOpener;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a file's text lives: a path, a class-path resource, a URL, or a stream or reader the caller
 * opens. Every read opens it afresh. {@link #name()} is how errors name it.
 */
public abstract class TextSource {

    private final String name;

    private TextSource(String name) {
        this.name = name;
    }

    /** A file on the file system. */
    public static TextSource of(Path file) {
        return new TextSource(file.toString()) {
            @Override
            InputStream openBytes() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }

    /** A class-path resource, looked up by {@code loader} at each read (e.g. inside a jar). */
    public static TextSource resource(ClassLoader loader, String resource) {
        return new TextSource("classpath:" + resource) {
            @Override
            InputStream openBytes() throws IOException {
                URL url = loader.getResource(resource);
                if (url == null) {
                    throw new FileNotFoundException("no class-path resource \"" + resource + "\" (looked up by "
                            + loader + "); put it under src/main/resources or src/test/resources, named without a "
                            + "leading slash");
                }
                return url.openStream();
            }
        };
    }

    /** A class-path resource as {@code anchor.getResource(resource)} finds it. */
    public static TextSource resource(Class<?> anchor, String resource) {
        String absolute = resource.startsWith("/") ? resource.substring(1)
                : anchor.getPackageName().isEmpty() ? resource
                : anchor.getPackageName().replace('.', '/') + "/" + resource;
        return new TextSource("classpath:" + absolute) {
            @Override
            InputStream openBytes() throws IOException {
                URL url = anchor.getResource(resource);
                if (url == null) {
                    throw new FileNotFoundException("no class-path resource \"" + absolute + "\" ("
                            + anchor.getName() + ".getResource(\"" + resource + "\") found nothing)");
                }
                return url.openStream();
            }
        };
    }

    /** What {@code url} points to. */
    public static TextSource of(URL url) {
        return new TextSource(url.toString()) {
            @Override
            InputStream openBytes() throws IOException {
                return url.openStream();
            }
        };
    }

    /** The bytes the caller's {@code opener} gives, once per read. */
    public static TextSource of(String name, StreamOpener opener) {
        return new TextSource(name) {
            @Override
            InputStream openBytes() throws IOException {
                return Objects.requireNonNull(opener.open(), () -> "the opener of " + name + " returned null");
            }
        };
    }

    /** The characters the caller's {@code opener} gives, once per read: already decoded. */
    public static TextSource of(String name, ReaderOpener opener) {
        return new TextSource(name) {
            @Override
            public boolean isText() {
                return true;
            }

            @Override
            InputStream openBytes() {
                throw new IllegalStateException(name + " is read as characters");
            }

            @Override
            Reader openText() throws IOException {
                return Objects.requireNonNull(opener.open(), () -> "the opener of " + name + " returned null");
            }
        };
    }

    /** How errors name it: the path, {@code classpath:…}, the URL, or the name given. */
    public final String name() {
        return name;
    }

    /** Whether it gives characters rather than bytes (a reader; then no charset applies). */
    public boolean isText() {
        return false;
    }

    /** Opens the bytes. */
    abstract InputStream openBytes() throws IOException;

    /** Opens the characters of a {@link #isText()} source. */
    Reader openText() throws IOException {
        throw new IllegalStateException(name + " is read as bytes");
    }

    @Override
    public final String toString() {
        return name;
    }
}
