package dev.blink.files;

import dev.blink.Store;
import dev.blink.files.internal.JsonRowIterator;
import dev.blink.files.internal.JsonSettings;
import dev.blink.files.internal.JsonTextRows;
import dev.blink.files.internal.TextSource;
import dev.blink.files.internal.Transforms;
import dev.blink.spi.TableSource;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON file as rows: a top-level array of objects, or JSON Lines (one object per line), read
 * with Jackson's streaming parser, one {@code Map<String, Object>} per object.
 *
 * <pre>{@code
 * Blink.plan()
 *     .addTable("products", Json.from(Path.of("seed/products.json")))
 *     .insert(dataSource);
 * }</pre>
 *
 * <p>Values keep their JSON type and precision: a string is a {@code String}, an integer a
 * {@code Long} (a {@link java.math.BigInteger} beyond its range), a number with a fraction or
 * exponent a {@link java.math.BigDecimal} (exactly as written, never through {@code double}),
 * {@code true}/{@code false} a {@code Boolean}, {@code null} a null, a nested object a
 * {@code Map<String, Object>} and a nested array a {@code List<Object>} (for {@code json},
 * {@code jsonb} and array columns). A key given twice in one object is an error. Every object of a
 * file must have the same keys, which name the table's columns; use
 * {@link #transform(RowTransform)} to add, rename or convert values.
 *
 * <p>Reading streams: one object is in memory at a time, so a file of any size loads with a small,
 * constant heap (give the table {@code TableOptions.retain(Retain.NONE)} so that the store does not
 * keep the rows). Each {@link #iterator()} opens the file afresh.
 *
 * <p>Immutable and thread-safe: each {@code with…} method returns a changed copy.
 */
public final class Json implements TableSource, Iterable<Map<String, Object>> {

    private final JsonSettings settings;
    private final RowTransform transform;

    private Json(JsonSettings settings, RowTransform transform) {
        this.settings = settings;
        this.transform = transform;
    }

    /**
     * The JSON file at {@code file}: its layout detected ({@link JsonLayout#AUTO}) and its encoding
     * detected from its first bytes (UTF-8, UTF-16 or UTF-32; a byte order mark is skipped). The
     * file is not opened until the rows are read.
     */
    public static Json from(Path file) {
        Objects.requireNonNull(file, "null file");
        return of(TextSource.of(file));
    }

    /** The JSON text at {@code url} ({@code file:}, {@code jar:}, {@code http:}…), opened at each read. */
    public static Json from(URL url) {
        Objects.requireNonNull(url, "null url");
        return of(TextSource.of(url));
    }

    /**
     * The class-path resource {@code name} (e.g. {@code "seed/products.json"}, no leading slash),
     * found by the thread's context class loader (or this library's) at each read. Errors name it
     * {@code classpath:seed/products.json}.
     */
    public static Json fromResource(String name) {
        Objects.requireNonNull(name, "null name");
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return of(TextSource.resource(context != null ? context : Json.class.getClassLoader(), name));
    }

    /** The class-path resource {@code name} as {@code anchor.getResource(name)} finds it. */
    public static Json fromResource(Class<?> anchor, String name) {
        Objects.requireNonNull(anchor, "null anchor");
        Objects.requireNonNull(name, "null name");
        return of(TextSource.resource(anchor, name));
    }

    /** The bytes that {@code opener} gives, opened once per read; {@code name} names them in errors. */
    public static Json fromStream(String name, StreamOpener opener) {
        Objects.requireNonNull(name, "null name");
        Objects.requireNonNull(opener, "null opener");
        return of(TextSource.of(name, opener));
    }

    /** The characters that {@code opener} gives, opened once per read; no charset applies. */
    public static Json fromReader(String name, ReaderOpener opener) {
        Objects.requireNonNull(name, "null name");
        Objects.requireNonNull(opener, "null opener");
        return of(TextSource.of(name, opener));
    }

    private static Json of(TextSource source) {
        return new Json(new JsonSettings(source, JsonLayout.AUTO, null), Transforms.identity());
    }

    /**
     * A copy that reads the file as {@code layout}: {@link JsonLayout#ARRAY} makes anything but a
     * top-level array (an empty file too) an error, {@link JsonLayout#LINES} anything but objects.
     */
    public Json withLayout(JsonLayout layout) {
        Objects.requireNonNull(layout, "null layout");
        return new Json(new JsonSettings(settings.source(), layout, settings.charset()), transform);
    }

    /** A copy that decodes the file with {@code charset} instead of detecting the encoding. */
    public Json withCharset(Charset charset) {
        Objects.requireNonNull(charset, "null charset");
        if (settings.source().isText()) {
            throw new IllegalStateException(settings.source() + " is read from a Reader, which gives characters: no "
                    + "charset applies");
        }
        return new Json(new JsonSettings(settings.source(), settings.layout(), charset), transform);
    }

    /**
     * A copy that passes each row through {@code transform} before it is written. Transforms added
     * by several calls run in the order they were added.
     */
    public Json transform(RowTransform transform) {
        Objects.requireNonNull(transform, "null transform");
        return new Json(settings, Transforms.then(this.transform, transform));
    }

    /** The file, resource or stream, as errors name it. */
    public String name() {
        return settings.source().name();
    }

    /**
     * This JSON file's rows, for {@code plan.addTable(name, json)}: without a transform, JSON
     * objects that the inserter may hand to the database whole ({@link dev.blink.spi.JsonText});
     * with one, the {@code Json} itself.
     */
    @Override
    public Iterable<Map<String, Object>> rows(Store store) {
        return Transforms.isIdentity(transform) ? new JsonTextRows(settings) : this;
    }

    /**
     * Opens the file; rows are read as the iterator advances.
     *
     * @throws java.io.UncheckedIOException if the file cannot be opened
     */
    @Override
    public FileRowIterator iterator() {
        return JsonRowIterator.open(settings, transform);
    }

    @Override
    public String toString() {
        return "Json[" + settings + "]";
    }
}
