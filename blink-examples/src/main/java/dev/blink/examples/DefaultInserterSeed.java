package dev.blink.examples;

import dev.blink.Blink;
import java.util.List;
import javax.sql.DataSource;

/** The default inserter, found on the class path: the README's blink-copy-pg example. */
final class DefaultInserterSeed {

    private DefaultInserterSeed() {
    }

    static void seed(DataSource dataSource) {
        // tag::default-inserter[]
        record User(long id, String name, Object age) {}

        Blink.plan()
            .addTable("users", store -> List.of(new User(1, "Ada", 36), new User(2, "Grace", 45)))
            .insert(dataSource);                      // PgCopyInserter, found on the class path
        // end::default-inserter[]
    }
}
