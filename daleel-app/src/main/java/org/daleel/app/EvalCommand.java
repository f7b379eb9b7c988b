package org.daleel.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.daleel.analysis.TextAnalyzer;
import org.daleel.analysis.eval.EvalError;
import org.daleel.analysis.eval.GoldEvaluation;
import org.daleel.analysis.eval.GoldReport;
import org.daleel.analysis.eval.GoldScores;
import org.daleel.analysis.eval.GoldSet;
import org.daleel.analysis.eval.LglCorpus;
import org.daleel.analysis.eval.LglDocument;
import org.daleel.analysis.eval.LglEvaluation;
import org.daleel.analysis.eval.LglReport;
import org.daleel.core.InvalidInputException;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daleel eval}: scores the text analysis on annotated gold sets or on the LGL corpus. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Score place resolution, actors, event types and dates against annotated reports.",
            "Bundled sets: dev (16 reports the rules were tuned on) and test (44 held-out reports, half Arabic).",
            "Places: precision/recall/F1 on span + GeoNames id, accuracy@161km; per language (en, ar) and overall.",
            "--lgl FILE scores place resolution on the LGL corpus (lgl.xml of the 'Pragmatic Guide to",
            "Geoparsing Evaluation'), end to end and with the gold mentions given, on the last 30%% of documents.",
            "The gold file format is described in docs/evaluation.md."
        })
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--set", paramLabel = "SET", description = "dev, test or all (default: all).")
    String set = "all";

    @Option(names = "--gold", paramLabel = "PATH", description = "Score a gold file of your own instead.")
    Path gold;

    @Option(names = "--lgl", paramLabel = "FILE", description = "Score on the LGL corpus (lgl.xml).")
    Path lgl;

    @Option(
            names = "--lgl-train-share",
            paramLabel = "SHARE",
            description = "Share of LGL documents, in file order, left out before the evaluated part (default 0.7).")
    double trainShare = LglEvaluation.DEFAULT_TRAIN_SHARE;

    @Option(names = "--errors", description = "List every error (missed, wrong or spurious places; actors; events).")
    boolean errors;

    @Option(names = "--json", description = "Print the scores as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!(trainShare >= 0 && trainShare < 1)) {
            throw new InvalidInputException("--lgl-train-share " + trainShare + ": expected a share in [0, 1)");
        }
        List<GoldSet> sets = lgl != null ? List.of() : goldSets();
        List<LglDocument> corpus = lgl != null ? LglCorpus.read(lgl) : List.of();
        TextAnalyzer analyzer = TextAnalyzer.loadDefault();
        if (lgl != null) {
            LglReport r = LglEvaluation.evaluate(analyzer, corpus, trainShare);
            if (json) {
                ObjectNode node = new ObjectMapper().valueToTree(r);
                if (!errors) {
                    node.remove("errors");
                }
                System.out.println(Json.write(node));
            } else {
                printLgl(r);
            }
            return 0;
        }
        List<GoldReport> reports = new ArrayList<>();
        for (GoldSet s : sets) {
            reports.add(GoldEvaluation.evaluate(analyzer, s));
        }
        if (json) {
            ArrayNode array = Json.array();
            for (GoldReport r : reports) {
                ObjectNode node = new ObjectMapper().valueToTree(r);
                if (!errors) {
                    node.remove("errors");
                }
                array.add(node);
            }
            ObjectNode root = Json.object();
            root.set("sets", array);
            System.out.println(Json.write(root));
            return 0;
        }
        for (GoldReport r : reports) {
            print(r);
        }
        return 0;
    }

    private List<GoldSet> goldSets() throws IOException {
        if (gold != null) {
            if (!Files.isRegularFile(gold)) {
                throw new InvalidInputException(gold + ": no such file");
            }
            if (Files.size(gold) > 64L << 20) {
                throw new InvalidInputException(gold + ": larger than 64 MiB");
            }
            try (Reader r = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
                return List.of(GoldSet.read(r, gold.getFileName().toString()));
            }
        }
        return switch (set) {
            case "all" -> GoldSet.BUNDLED.stream().map(GoldSet::bundled).toList();
            case "dev", "test" -> List.of(GoldSet.bundled(set));
            default -> throw new InvalidInputException("--set '" + set + "': expected dev, test or all");
        };
    }

    private void print(GoldReport r) {
        System.out.printf(
                Locale.ROOT,
                "set %s%s%n",
                r.set(),
                r.set().equals("dev") ? " (the rules were tuned on it: not an unbiased estimate)" : "");
        System.out.println(
                "  lang docs | places P    R     F1   | overlap F1 | acc@161km | traps | actors F1 | events F1 | event sets | dates");
        for (GoldScores s : r.scores()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-4s %4d | %.2f  %.2f  %.2f | %.2f       | %.2f      | %s | %.2f      | %.2f      | %.2f       | %s%n",
                    s.language(),
                    s.documents(),
                    s.places().precision(),
                    s.places().recall(),
                    s.places().f1(),
                    s.placesOverlap().f1(),
                    s.accuracy161().value(),
                    s.traps().correct() + "/" + s.traps().total(),
                    s.actors().f1(),
                    s.events().f1(),
                    s.eventSets().value(),
                    s.dates().correct() + "/" + s.dates().total());
        }
        if (!r.unknownGoldIds().isEmpty()) {
            System.out.println("  gold GeoNames ids not in the gazetteer: " + r.unknownGoldIds());
        }
        if (errors) {
            for (EvalError e : r.errors()) {
                System.out.println("  " + e.document() + "  " + e.kind() + "  " + e.detail());
            }
        }
        System.out.println();
    }

    private void printLgl(LglReport r) {
        System.out.printf(
                Locale.ROOT,
                "LGL: documents %d..%d (%d), %d toponyms with a GeoNames id (%d without, not scored);"
                        + " %d ids are not in the gazetteer%n",
                r.firstDocument(),
                r.firstDocument() + r.documents() - 1,
                r.documents(),
                r.toponyms(),
                r.untagged(),
                r.notInGazetteer());
        System.out.println("  end to end (exact span + id): " + r.endToEnd().summary());
        System.out.println(
                "  end to end (overlapping span + id): " + r.endToEndOverlap().summary());
        System.out.println(
                "  end to end accuracy@161km: " + r.endToEndAccuracy161().summary());
        System.out.println("  gold mentions given, exact id: " + r.givenExact().summary());
        System.out.println(
                "  gold mentions given, accuracy@161km: " + r.givenAccuracy161().summary());
        if (errors) {
            for (EvalError e : r.errors()) {
                System.out.println("  " + e.document() + "  " + e.kind() + "  " + e.detail());
            }
        }
    }
}
