package org.daleel.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.daleel.archive.ItemOptions;
import org.daleel.capture.CaptureException;
import org.daleel.capture.CaptureRequest;
import org.daleel.item.Item;
import org.daleel.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code daleel capture URL...}. */
@Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        description = {
            "Capture web pages into WARC files and print each new item's id.",
            "Each page is captured with its images, stylesheets and scripts (the page only, not a crawl)",
            "into a WARC 1.1 file; its text is extracted and indexed.",
            "Videos the page shows (<video>, og:video, ...) are fetched whole, up to",
            "capture.video.max-bytes (250MB) within capture.video.timeout (5m), and",
            "their frames hashed, so 'daleel match' finds the page ('daleel config').",
            "Streams (HLS .m3u8, DASH .mpd, blob: players) are noted, not archived.",
            "If 'daleel serve' is running on the same data directory, the capture is handed to it."
        })
final class CaptureCommand implements Callable<Integer> {
    @Parameters(paramLabel = "URL", arity = "1..*", description = "http(s) URLs to capture.")
    List<String> urls;

    @Mixin
    ClaimOptions claims;

    @picocli.CommandLine.Option(
            names = "--allow-private",
            description = "Allow loopback and private network addresses (tests, intranet sources).")
    boolean allowPrivate;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        ItemOptions options = claims.toOptions();
        List<Item> captured = new ArrayList<>();
        java.util.Map<String, List<org.daleel.archive.SimilarItem>> alerts = new java.util.HashMap<>();
        int failures = 0;
        try (Wiring.Session session = Wiring.forWriting(data.dataDir(), System.err)) {
            for (String url : urls) {
                try {
                    Item item = session.archive()
                            .capture(
                                    new CaptureRequest(url, options.provenance().operator(), allowPrivate), options);
                    captured.add(item);
                    List<org.daleel.archive.SimilarItem> seen =
                            session.archive().similar(item.id());
                    if (!seen.isEmpty()) {
                        alerts.put(item.id(), seen);
                    }
                    for (var s : seen) {
                        System.err.println("daleel: " + url + ": " + s.alert() + " [item "
                                + s.item().id() + ", " + s.explanation() + "]");
                    }
                    if (!data.json) {
                        System.out.println(item.id());
                    }
                } catch (CaptureException e) {
                    if (urls.size() == 1) {
                        throw e;
                    }
                    System.err.println("daleel: " + e.getMessage());
                    failures++;
                }
            }
        }
        if (data.json) {
            if (urls.size() == 1) {
                System.out.println(Json.write(withAlerts(captured.get(0), alerts)));
            } else {
                var array = Json.array();
                captured.forEach(i -> array.add(withAlerts(i, alerts)));
                System.out.println(Json.write(array));
            }
        }
        return failures == 0 ? 0 : 4;
    }

    /** The item's JSON, with its recycled-media alerts ({@code alerts}) when it has any. */
    private static com.fasterxml.jackson.databind.node.ObjectNode withAlerts(
            Item item, java.util.Map<String, List<org.daleel.archive.SimilarItem>> alerts) {
        var node = Json.item(item);
        List<org.daleel.archive.SimilarItem> seen = alerts.get(item.id());
        if (seen != null) {
            node.set("alerts", Json.similar(seen));
        }
        return node;
    }
}
