package org.daleel.app;

import java.util.concurrent.Callable;
import org.daleel.archive.LocalArchive;
import org.daleel.core.ConflictException;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daleel reanalyze [--all]}: analyse stored items again (places, actors, dates, events). */
@Command(
        name = "reanalyze",
        mixinStandardHelpOptions = true,
        description = {
            "Analyse stored items again and re-index them (places, actors, dates, events, quantities).",
            "Their analysis feeds the place, actor, event-type and date filters, the facets, maps and timeline,",
            "and the quantities (killed, wounded, displaced, ...) shown with each item and exported.",
            "Without --all: the items that have no analysis (stored before analysis existed; a writer",
            "also does this when it opens such an archive). With --all: also every item analysed by",
            "another version of the analyzer. Each analysis records the version that made it; after an",
            "upgrade (a newer gazetteer, actor thesaurus or rules) older items keep their old analysis",
            "until they are analysed again, so capture, import, search, show, export and match say on",
            "stderr how many there are, and 'daleel serve' analyses them again in the background after it",
            "starts (progress on the search page and at /api/health). Safe to interrupt and run again:",
            "finished items are not redone. The originals are never changed."
        })
final class ReanalyzeCommand implements Callable<Integer> {
    @Option(names = "--all", description = "Also redo items analysed by another analyzer version.")
    boolean all;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        try (Wiring.Session session = Wiring.forWriting(data.dataDir(), System.err)) {
            if (!(session.archive() instanceof LocalArchive archive)) {
                throw new ConflictException("daleel serve is writing to " + data.dataDir()
                        + ": stop it and run reanalyze again (the server analyses items it lacks when it starts, and those"
                        + " of an older analyzer in the background: see /api/health)");
            }
            long done = archive.reanalyse(all, Wiring.analysisProgress(System.err));
            long items = archive.count();
            if (data.json) {
                var o = Json.object();
                o.put("analysed", done);
                o.put("items", items);
                System.out.println(Json.write(o));
            } else {
                System.out.println(done + (done == 1 ? " item" : " items") + " analysed; all " + items
                        + " items of the archive have an analysis");
            }
        }
        return 0;
    }
}
