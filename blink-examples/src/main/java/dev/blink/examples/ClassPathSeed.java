package dev.blink.examples;

import dev.blink.Blink;
import dev.blink.Retain;
import dev.blink.SeedResult;
import dev.blink.TableOptions;
import dev.blink.files.Csv;
import dev.blink.files.FileSource;
import javax.sql.DataSource;

/** A CSV file from the class path (src/main/resources here; a test-fixtures jar works the same), no transform. */
public final class ClassPathSeed {

    private ClassPathSeed() {
    }

    static SeedResult seed(DataSource dataSource) {
        // tag::files-resource[]
        return Blink.plan()
                .addTable("events", Csv.from(FileSource.resource("seed/events.csv")),
                        TableOptions.retain(Retain.NONE))
                .insert(dataSource);
        // end::files-resource[]
    }
}
