package org.daleel.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.daleel.item.Item;
import org.daleel.item.ItemKind;

/**
 * A second process for {@link LuceneSearchIndexTest}: opens the index in {@code args[0]} for
 * writing, indexes and commits one item with id {@code args[1]}, prints "ready", and holds the
 * index open until its standard input closes.
 */
final class WriterProcess {
    private WriterProcess() {}

    public static void main(String[] args) throws IOException {
        try (LuceneSearchIndex index = LuceneSearchIndex.openWriter(Path.of(args[0]))) {
            index.index(new Item(
                    args[1],
                    9,
                    ItemKind.FILE,
                    "",
                    "",
                    "statement.txt",
                    "cd".repeat(32),
                    10,
                    "text/plain",
                    Instant.parse("2017-04-04T06:30:00Z"),
                    "Khan Shaykhun",
                    "Statement about Khan Shaykhun.",
                    "en",
                    "",
                    "",
                    null,
                    null));
            index.commit(9);
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the write lock until the parent closes our input
            }
        }
    }
}
