package dev.blink.files;

import dev.blink.Blink;
import dev.blink.Retain;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.testkit.TestDatabase;

/**
 * The ways a CSV file reaches a table, which must all store what {@code COPY} stores: the file's
 * bytes to COPY (with the store's rows split alongside, or not), and rows that Blink splits itself
 * (through a transform, or for the JDBC inserter, which takes rows).
 */
enum CsvPath {

    /** No transform, nothing retained: the bytes go to COPY as they are. */
    COPY_TEXT,
    /** No transform, every row retained: the bytes go to COPY and Blink splits them for the store. */
    COPY_TEXT_RETAINED,
    /** A transform that changes nothing: Blink splits the file, rows go through the binary COPY. */
    TRANSFORM,
    /** The portable JDBC inserter, which takes rows: Blink splits the file. */
    JDBC;

    /** Loads {@code csv} into {@code table} of {@code db} this way. */
    SeedResult load(TestDatabase db, String table, Csv csv) {
        return switch (this) {
            case COPY_TEXT -> Blink.plan().addTable(table, csv, TableOptions.retain(Retain.NONE))
                    .insert(Seeding.dataSource(db), Seeding.options());
            case COPY_TEXT_RETAINED -> Blink.plan().addTable(table, csv).insert(Seeding.dataSource(db), Seeding.options());
            case TRANSFORM -> Blink.plan().addTable(table, csv.transform(row -> row), TableOptions.retain(Retain.NONE))
                    .insert(Seeding.dataSource(db), Seeding.options());
            case JDBC -> Blink.plan().addTable(table, csv, TableOptions.retain(Retain.NONE))
                    .insert(Seeding.textDataSource(db), Seeding.jdbcOptions());
        };
    }

    /** Whether Blink splits the values itself (and so refuses what COPY would refuse, with its own message). */
    boolean splitsItself() {
        return this != COPY_TEXT;
    }
}
