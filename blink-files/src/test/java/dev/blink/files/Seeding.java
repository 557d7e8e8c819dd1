package dev.blink.files;

import dev.blink.InsertOptions;
import dev.blink.JdbcBatchInserter;
import dev.blink.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/** How the tests seed, and PostgreSQL's own COPY as the oracle. */
final class Seeding {

    private Seeding() {
    }

    /** The options every seed in these tests uses: the default inserter (blink-copy-pg's binary COPY). */
    static InsertOptions options() {
        return InsertOptions.defaults();
    }

    /** Options with the portable JDBC-batch inserter, for {@link #textDataSource}. */
    static InsertOptions jdbcOptions() {
        return InsertOptions.builder().inserter(JdbcBatchInserter.create()).build();
    }

    /** The data source every seed in these tests uses. */
    static DataSource dataSource(TestDatabase db) {
        return db.dataSource();
    }

    /**
     * A data source on {@code db} for seeds: strings are sent untyped ({@code stringtype=unspecified}),
     * so the server parses CSV text into the column's type with its own text rules.
     */
    static DataSource textDataSource(TestDatabase db) {
        String url = db.jdbcUrl();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url + (url.contains("?") ? "&" : "?") + "stringtype=unspecified&reWriteBatchedInserts=true");
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        return dataSource;
    }

    /** Loads {@code file} into {@code table} with {@code COPY table FROM STDIN (options)}; returns the rows. */
    static long copy(TestDatabase db, String table, Path file, String options) throws IOException, SQLException {
        try (Connection connection = db.connect(); InputStream in = Files.newInputStream(file)) {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN (" + options + ")", in);
        }
    }
}
