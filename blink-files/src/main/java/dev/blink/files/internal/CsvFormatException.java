package dev.blink.files.internal;

import java.io.IOException;

/** Text that COPY's CSV reader refuses (or that Blink refuses for COPY's sake), found by {@link CsvLexer}. */
final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long recordLine;
    private final boolean marker;

    CsvFormatException(long recordLine, String problem) {
        this(recordLine, problem, false);
    }

    CsvFormatException(long recordLine, String problem, boolean marker) {
        super(problem);
        this.recordLine = recordLine;
        this.marker = marker;
    }

    /** Whether it is about PostgreSQL 13–17's end-of-data marker, which COPY itself may not refuse. */
    boolean marker() {
        return marker;
    }

    /** The physical line where the record starts. */
    long recordLine() {
        return recordLine;
    }
}
