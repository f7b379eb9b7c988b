package org.daleel.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.daleel.analysis.item.TextItemAnalyzer;
import org.daleel.archive.DataDir;
import org.daleel.catalog.Catalog;
import picocli.CommandLine;

/**
 * The line a short command prints on stderr when the archive holds items analysed by an older
 * analyzer version (after an upgrade: older gazetteer, thesaurus or rules), whose facets, map places,
 * timeline and quantities may be out of date. The command does not wait for a re-analysis; {@code
 * daleel reanalyze --all} or a running {@code daleel serve} brings them up to date. Printed once per
 * command, after it succeeded, and not while a server writes the archive (it re-analyses them).
 */
final class StaleNotice {
    /** The commands that print it: those that store items or show what analysis found. */
    static final Set<String> COMMANDS = Set.of("capture", "import", "search", "show", "export", "match");

    private StaleNotice() {}

    /** The sentence for {@code stale} items, or empty when there are none. */
    static Optional<String> sentence(long stale) {
        if (stale <= 0) {
            return Optional.empty();
        }
        String n = String.format(Locale.ROOT, "%,d", stale);
        return Optional.of("daleel: " + n + (stale == 1 ? " item was" : " items were")
                + " analysed by an older analyzer (facets, maps and timeline may be out of date);"
                + " run `daleel reanalyze --all`, or `daleel serve` does it in the background.");
    }

    /**
     * Runs the command of {@code parsed}, then prints the notice when the command is one of {@link
     * #COMMANDS} and succeeded. The analyzer's version (a gazetteer load) is computed meanwhile on
     * another thread, so the command does not wait for it.
     */
    static int runNoticing(CommandLine.ParseResult parsed, PrintStream err) {
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Optional<DataDir> dir = dataDir(leaf);
        String stamp = dir.isPresent() ? TextItemAnalyzer.defaultDataStamp() : "";
        Optional<String> cached = dir.flatMap(d -> cachedVersion(d, stamp));
        CompletableFuture<String> version = dir.isEmpty() || cached.isPresent()
                ? CompletableFuture.completedFuture(cached.orElse(""))
                : CompletableFuture.supplyAsync(Wiring.ANALYZER::version);
        int exit = new CommandLine.RunLast().execute(parsed);
        if (exit == 0 && dir.isPresent()) {
            count(dir.get(), version).flatMap(StaleNotice::sentence).ifPresent(err::println);
            if (cached.isEmpty() && version.isDone() && !version.isCompletedExceptionally()) {
                remember(dir.get(), stamp, version.join());
            }
        }
        return exit;
    }

    /**
     * The analyzer version remembered in the data directory ({@value #CACHE}) for this build's
     * analyzer data, so that a short command need not load the gazetteer (hundreds of MB) to tell
     * whether items are stale; empty when this build has not remembered it yet.
     */
    static Optional<String> cachedVersion(DataDir dir, String stamp) {
        try {
            java.util.List<String> lines = Files.readAllLines(dir.root().resolve(CACHE));
            return lines.size() == 2
                            && lines.get(0).equals(stamp)
                            && !lines.get(1).isBlank()
                    ? Optional.of(lines.get(1))
                    : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty(); // not remembered yet
        }
    }

    /** Remembers {@code version} under {@code stamp}; best effort (a read-only archive stays as it is). */
    static void remember(DataDir dir, String stamp, String version) {
        java.nio.file.Path file = dir.root().resolve(CACHE);
        java.nio.file.Path temp = dir.root().resolve(CACHE + ".tmp");
        try {
            Files.writeString(temp, stamp + "\n" + version + "\n");
            Files.move(
                    temp,
                    file,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            // the next command computes it again
        }
    }

    /** File in the data directory remembering the analyzer version of this build's analyzer data. */
    static final String CACHE = "analyzer.version";

    private static Optional<DataDir> dataDir(CommandLine.ParseResult leaf) {
        if (!COMMANDS.contains(leaf.commandSpec().name())
                || leaf.isUsageHelpRequested()
                || leaf.isVersionHelpRequested()) {
            return Optional.empty();
        }
        CommandLine.Model.CommandSpec mixin = leaf.commandSpec().mixins().get("data");
        return mixin != null && mixin.userObject() instanceof DataOptions options
                ? Optional.of(options.dataDir())
                : Optional.empty();
    }

    /** Items analysed by another version; empty when that cannot be told or a server re-analyses them. */
    private static Optional<Long> count(DataDir dir, CompletableFuture<String> version) {
        if (!Files.isRegularFile(dir.catalogFile())) {
            return Optional.empty();
        }
        Optional<RemoteArchive> server = RemoteArchive.ofRunningServer(dir);
        if (server.isPresent()) {
            server.get().close();
            return Optional.empty();
        }
        try (Catalog catalog = Wiring.openCatalogReader(dir)) {
            return Optional.of(catalog.countStale(version.get()));
        } catch (ExecutionException | RuntimeException e) {
            // a notice never turns a command that succeeded into a failure
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
