package dev.blink;

import dev.blink.spi.Inserter;
import dev.blink.spi.RowMapper;
import dev.blink.spi.SeedListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a plan is inserted: batch size, inserter, listener, timeout, cancellation, extra row mappers.
 * Immutable and thread-safe; build one with {@link #builder()}.
 *
 * <pre>{@code
 * InsertOptions options = InsertOptions.builder()
 *     .batchSize(5_000)
 *     .statementTimeout(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 */
public final class InsertOptions {

    /** Blink's default batch size, as in the Elixir library. */
    public static final int DEFAULT_BATCH_SIZE = 900;
    /** Default number of rows between two {@link SeedListener#tableProgress} calls. */
    public static final long DEFAULT_PROGRESS_INTERVAL = 100_000;

    private static final InsertOptions DEFAULTS = builder().build();

    private final int batchSize;
    private final Inserter inserter;
    private final SeedListener listener;
    private final Duration statementTimeout;
    private final long progressInterval;
    private final List<RowMapper> rowMappers;
    private final Cancellation cancellation;

    private InsertOptions(Builder builder) {
        this.batchSize = builder.batchSize;
        this.inserter = builder.inserter;
        this.listener = builder.listener;
        this.statementTimeout = builder.statementTimeout;
        this.progressInterval = builder.progressInterval;
        this.rowMappers = List.copyOf(builder.rowMappers);
        this.cancellation = builder.cancellation;
    }

    /** The defaults: batches of 900, the inserter found on the class path, no listener, no timeout. */
    public static InsertOptions defaults() {
        return DEFAULTS;
    }

    /** A new builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Rows per batch, for inserters that send rows in batches ({@link JdbcBatchInserter}: rows per
     * JDBC batch). The binary COPY inserter sends each table as one COPY, streamed in 64 KiB
     * chunks, so it needs no batch size: memory stays bounded either way.
     */
    public int batchSize() {
        return batchSize;
    }

    /** The inserter given, or empty to use the single one found on the class path. */
    public Optional<Inserter> inserter() {
        return Optional.ofNullable(inserter);
    }

    /** The listener ({@link SeedListener#NONE} by default). */
    public SeedListener listener() {
        return listener;
    }

    /**
     * The longest any one statement may run; {@link Duration#ZERO} (the default) for no limit. The
     * binary COPY inserter sends each table as one statement and measures it on the client too: a
     * COPY still streaming when the time is up is cancelled. {@link JdbcBatchInserter} applies it to
     * each batch. A seed that runs out of time rolls back and throws a {@link StoppedException}
     * with reason {@link StoppedException.Reason#TIMEOUT TIMEOUT}.
     */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /** The cancellation that can stop the seed from another thread, if one was given. */
    public Optional<Cancellation> cancellation() {
        return Optional.ofNullable(cancellation);
    }

    /** Rows between two progress reports to the listener. */
    public long progressInterval() {
        return progressInterval;
    }

    /** Row mappers asked before the built-in ones (maps and records), in order. */
    public List<RowMapper> rowMappers() {
        return rowMappers;
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.batchSize = batchSize;
        builder.inserter = inserter;
        builder.listener = listener;
        builder.statementTimeout = statementTimeout;
        builder.progressInterval = progressInterval;
        builder.rowMappers.addAll(rowMappers);
        builder.cancellation = cancellation;
        return builder;
    }

    @Override
    public String toString() {
        return "InsertOptions[batchSize=" + batchSize + ", inserter=" + (inserter == null ? "default" : inserter)
                + ", statementTimeout=" + statementTimeout + (cancellation == null ? "" : ", " + cancellation) + "]";
    }

    /** Builds {@link InsertOptions}; mutable, for one thread. */
    public static final class Builder {
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Inserter inserter;
        private SeedListener listener = SeedListener.NONE;
        private Duration statementTimeout = Duration.ZERO;
        private long progressInterval = DEFAULT_PROGRESS_INTERVAL;
        private final List<RowMapper> rowMappers = new ArrayList<>();
        private Cancellation cancellation;

        private Builder() {
        }

        /** Rows per batch, at least 1 (default 900). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The inserter to use instead of the one found on the class path. */
        public Builder inserter(Inserter inserter) {
            this.inserter = Objects.requireNonNull(inserter, "null inserter");
            return this;
        }

        /** Hears progress. */
        public Builder listener(SeedListener listener) {
            this.listener = Objects.requireNonNull(listener, "null listener");
            return this;
        }

        /** The longest one statement may run (zero: no limit). */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = Objects.requireNonNull(timeout, "null timeout");
            return this;
        }

        /** A cancellation that stops the seed when it is cancelled from another thread. */
        public Builder cancellation(Cancellation cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "null cancellation");
            return this;
        }

        /** Rows between progress reports, at least 1 (default 100,000). */
        public Builder progressInterval(long rows) {
            this.progressInterval = rows;
            return this;
        }

        /** Adds a row mapper, asked before the built-in ones and before mappers added later. */
        public Builder rowMapper(RowMapper mapper) {
            rowMappers.add(Objects.requireNonNull(mapper, "null mapper"));
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException for a batch size or progress interval below 1, or a
         *     negative timeout
         */
        public InsertOptions build() {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
            }
            if (progressInterval < 1) {
                throw new IllegalArgumentException("progressInterval must be at least 1, was " + progressInterval);
            }
            if (statementTimeout.isNegative()) {
                throw new IllegalArgumentException("statementTimeout must not be negative, was " + statementTimeout);
            }
            return new InsertOptions(this);
        }
    }
}
