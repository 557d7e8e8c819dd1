package dev.blink.files;

import dev.blink.Store;
import dev.blink.TableName;
import dev.blink.files.internal.JsonCopyInput;
import dev.blink.files.internal.JsonRowIterator;
import dev.blink.files.internal.JsonSettings;
import dev.blink.files.internal.Transforms;
import dev.blink.spi.JsonInput;
import dev.blink.spi.JsonText;
import dev.blink.spi.TableSource;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
public final class Json implements TableSource, Iterable<Map<String, Object>>, JsonText {

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
        return of(FileSource.path(file));
    }

    /** The file at {@code source}: on the class path, at a URL, or behind a stream or reader you open. */
    public static Json from(FileSource source) {
        return of(Objects.requireNonNull(source, "null source"));
    }

    private static Json of(FileSource source) {
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
        if (settings.source().isCharacters()) {
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
     * This file's rows, for {@code plan.addTable(name, json)}: without a transform, the {@code Json}
     * itself, JSON objects that the inserter may hand to the database whole; with one, the rows
     * only, read one by one.
     */
    @Override
    public Iterable<Map<String, Object>> rows(Store store) {
        return Transforms.isIdentity(transform) ? this : this::iterator;
    }

    /**
     * For Blink's {@link JsonText} SPI: one read of the file for an inserter that takes it whole;
     * empty with a transform, whose rows only Blink reads.
     */
    @Override
    public Optional<JsonInput> open(TableName table, String step, Consumer<Map<String, Object>> rows) {
        return Transforms.isIdentity(transform) ? Optional.of(new JsonCopyInput(settings, table, step, rows))
                : Optional.empty();
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
