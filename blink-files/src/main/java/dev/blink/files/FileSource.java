package dev.blink.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a file lives: a path, a class-path resource (also inside a jar), a URL, or bytes or
 * characters that the caller opens. Each read of a {@link Csv} or {@link Json} opens it afresh;
 * {@link #name()} is how errors name it.
 *
 * <pre>{@code
 * Csv.from(FileSource.resource("seed/users.csv"))
 * Json.from(FileSource.stream("events (S3)", () -> s3.getObject(bucket, "seed/events.jsonl")))
 * }</pre>
 *
 * <p>Immutable and thread-safe, if its opener is.
 */
public final class FileSource {

    private final String name;
    /** A {@link StreamOpener}, or a {@link ReaderOpener} for characters. */
    private final Object opener;

    /** A file on the file system, opened at each read. */
    public static FileSource path(Path file) {
        Objects.requireNonNull(file, "null file");
        return new FileSource(file.toString(), (StreamOpener) () -> Files.newInputStream(file));
    }

    /** What {@code url} ({@code file:}, {@code jar:}, {@code http:}…) points to, opened at each read. */
    public static FileSource url(URL url) {
        Objects.requireNonNull(url, "null url");
        return new FileSource(url.toString(), (StreamOpener) url::openStream);
    }

    /**
     * The class-path resource {@code resource} (e.g. {@code "seed/users.csv"}, no leading slash, from
     * {@code src/test/resources} or a jar), looked up at each read by the thread's context class
     * loader as it is now (or this library's). Errors name it {@code classpath:seed/users.csv}.
     */
    public static FileSource resource(String resource) {
        Objects.requireNonNull(resource, "null name");
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : FileSource.class.getClassLoader();
        return resource(resource, () -> loader.getResource(resource), "looked up by " + loader
                + "; put it under src/main/resources or src/test/resources, named without a leading slash");
    }

    /**
     * The class-path resource {@code resource} as {@code anchor.getResource(resource)} finds it:
     * relative to the anchor's package, or absolute with a leading slash.
     */
    public static FileSource resource(Class<?> anchor, String resource) {
        Objects.requireNonNull(anchor, "null anchor");
        Objects.requireNonNull(resource, "null name");
        String absolute = resource.startsWith("/") ? resource.substring(1)
                : anchor.getPackageName().isEmpty() ? resource
                : anchor.getPackageName().replace('.', '/') + "/" + resource;
        return resource(absolute, () -> anchor.getResource(resource),
                anchor.getName() + ".getResource(\"" + resource + "\") found nothing");
    }

    private static FileSource resource(String path, Supplier<URL> find, String notFound) {
        return new FileSource("classpath:" + path, (StreamOpener) () -> {
            URL url = find.get();
            if (url == null) {
                throw new FileNotFoundException("no class-path resource \"" + path + "\" (" + notFound + ")");
            }
            return url.openStream();
        });
    }

    /**
     * The bytes that {@code opener} gives, opened once per read (so it must give a fresh stream each
     * time); {@code name} names them in errors.
     */
    public static FileSource stream(String name, StreamOpener opener) {
        Objects.requireNonNull(name, "null name");
        Objects.requireNonNull(opener, "null opener");
        return new FileSource(name, (StreamOpener) () -> Objects.requireNonNull(opener.open(),
                () -> "the opener of " + name + " returned null"));
    }

    /**
     * The characters that {@code opener} gives, opened once per read: already decoded, so no
     * charset applies, and sent to the database as UTF-8.
     */
    public static FileSource reader(String name, ReaderOpener opener) {
        Objects.requireNonNull(name, "null name");
        Objects.requireNonNull(opener, "null opener");
        return new FileSource(name, (ReaderOpener) () -> Objects.requireNonNull(opener.open(),
                () -> "the opener of " + name + " returned null"));
    }

    /** How errors name it: the path, {@code classpath:…}, the URL, or the name given. */
    public String name() {
        return name;
    }

    /** Whether it gives characters (a reader), to which no charset applies, rather than bytes. */
    public boolean isCharacters() {
        return opener instanceof ReaderOpener;
    }

    /**
     * Opens the bytes from the start.
     *
     * @throws IllegalStateException if it gives characters
     */
    public InputStream openStream() throws IOException {
        if (opener instanceof StreamOpener bytes) {
            return bytes.open();
        }
        throw new IllegalStateException(name + " gives characters: open it with openReader()");
    }

    /**
     * Opens the characters from the start.
     *
     * @throws IllegalStateException if it gives bytes (decode them with the file's charset)
     */
    public Reader openReader() throws IOException {
        if (opener instanceof ReaderOpener text) {
            return text.open();
        }
        throw new IllegalStateException(name + " gives bytes: open it with openStream()");
    }

    private FileSource(String name, Object opener) {
        this.name = name;
        this.opener = opener;
    }

    @Override
    public String toString() {
        return name;
    }
}
