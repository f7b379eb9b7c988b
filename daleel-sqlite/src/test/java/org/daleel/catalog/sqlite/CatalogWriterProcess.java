package org.daleel.catalog.sqlite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.daleel.item.Item;
import org.daleel.item.ItemIds;
import org.daleel.item.ItemKind;
import org.daleel.item.Provenance;
import org.daleel.item.Resource;
import org.daleel.item.WarcRef;

/**
 * A second process for {@link SqliteCatalogProcessTest}: opens the catalog, prints {@code ready},
 * waits for a line on stdin, then
 * <ul>
 *   <li>{@code add DB}: adds capture items with two resources forever, printing {@code added ID}
 *       after each add returns (the test kills it with SIGKILL);
 *   <li>{@code import DB N}: calls addIfAbsent for file items with digests 0..N-1, then prints
 *       {@code created K} with the number it created.
 * </ul>
 */
public final class CatalogWriterProcess {
    private CatalogWriterProcess() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (SqliteCatalog catalog = SqliteCatalog.open(Path.of(args[1]))) {
            out.println("ready");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            switch (args[0]) {
                case "add" -> {
                    for (long i = 0; ; i++) {
                        Item stored = catalog.add(item(ItemKind.CAPTURE, i), resources(i));
                        out.println("added " + stored.id());
                    }
                }
                case "import" -> {
                    int created = 0;
                    for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                        created += catalog.addIfAbsent(item(ItemKind.FILE, i)).created() ? 1 : 0;
                    }
                    out.println("created " + created);
                }
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    static String sha(long n) {
        return String.format("%064x", n);
    }

    static List<Resource> resources(long n) {
        return List.of(
                new Resource("https://example.org/a" + n + ".css", 200, "text/css", sha(n + 1), 10, 100),
                new Resource("https://example.org/b" + n + ".png", 200, "image/png", sha(n + 2), 20, 200));
    }

    private static Item item(ItemKind kind, long n) {
        Instant now = Instant.now();
        return new Item(
                ItemIds.next(now),
                0,
                kind,
                "https://example.org/" + n,
                "",
                "",
                sha(n),
                n,
                "text/html",
                now,
                "item " + n,
                "",
                "",
                "",
                "",
                WarcRef.NONE,
                Provenance.NONE);
    }
}
