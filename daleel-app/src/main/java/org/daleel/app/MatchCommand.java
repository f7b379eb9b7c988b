package org.daleel.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.daleel.archive.SimilarItem;
import org.daleel.core.InvalidInputException;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daleel match FILE}: "find this image" in the archive. */
@Command(
        name = "match",
        mixinStandardHelpOptions = true,
        description = {
            "Find archived items showing the same picture as an image file, nearest first.",
            "Whole pictures match by PDQ (any rotation or mirror image); crops, borders and screenshots",
            "match by region; archived videos match by their sampled frames (the hit names the frame's",
            "time) and captured pages by their images (the hit names the image URL). A video file is",
            "matched by its own sampled frames, so a clip finds the longer video it was cut from. Each",
            "hit shows the distance, the first-seen time, the source and the claimed place and date.",
            "Nothing is stored."
        })
final class MatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "An image or video file (MP4, WebM, MOV, ...).")
    Path file;

    @Option(
            names = "--max-distance",
            paramLabel = "BITS",
            description = "Largest PDQ distance (default ${DEFAULT-VALUE}).")
    int maxDistance = 31;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        List<SimilarItem> hits;
        try (Wiring.Session session = Wiring.forMatching(data.dataDir(), System.err);
                InputStream in = Files.newInputStream(file)) {
            hits = session.archive().match(in, file.getFileName().toString(), maxDistance);
        }
        if (data.json) {
            System.out.println(Json.write(Json.similar(hits)));
            return 0;
        }
        System.out.println(hits.size() + (hits.size() == 1 ? " match" : " matches"));
        for (SimilarItem s : hits) {
            System.out.println(s.item().id() + "  distance " + s.distance() + " (" + s.method() + ")  " + s.alert());
            System.out.println("  " + s.explanation());
        }
        return 0;
    }
}
