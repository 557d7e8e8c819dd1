package dev.blink.examples;

import dev.blink.files.Csv;
import dev.blink.files.FileRowIterator;
import java.nio.file.Path;
import java.util.Map;

/** Reading a file's rows by hand, with the file and line of each: the README's blink-files example. */
final class ReadingRows {

    private ReadingRows() {
    }

    static void print(Path path) throws Exception {
        // tag::file-rows[]
        try (FileRowIterator rows = Csv.from(path).iterator()) {
            while (rows.hasNext()) {
                Map<String, Object> row = rows.next();
                System.out.println(rows.file() + ":" + rows.line() + " " + row);
            }
        }
        // end::file-rows[]
    }
}
