package org.daleel.media.crop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.daleel.media.pdq.ImageDecoder;
import org.daleel.media.pdq.PdqHasher;

/**
 * Manual measurement, not a test: the full evaluation (all {@link CropEvaluation#edits()} on Meta's
 * photos, on photographic wallpapers when installed, and on synthetic pictures), written as
 * markdown, then the time to compute an image's regions and the time of a query with 10,000 and
 * 100,000 pictures indexed.
 *
 * <pre>
 * apt-get install mate-backgrounds ukui-wallpapers   # optional: more photos, under /usr/share/backgrounds
 * java -Xmx3g -cp target/classes:target/test-classes:$CORE_JAR org.daleel.media.crop.CropEvaluationBenchmark [out.md] [pictures]
 * # -DspeedOnly=true: speed only; -DevaluateOnly=true: recall and false positives only
 * </pre>
 */
public final class CropEvaluationBenchmark {
    private CropEvaluationBenchmark() {}

    /** Photographs among the wallpapers of those two Debian packages (the rest are drawings). */
    private static final List<String> WALLPAPERS = List.of(
            "mate/nature/Aqua.jpg",
            "mate/nature/Blinds.jpg",
            "mate/nature/Dune.jpg",
            "mate/nature/FreshFlower.jpg",
            "mate/nature/Garden.jpg",
            "mate/nature/GreenMeadow.jpg",
            "mate/nature/LadyBird.jpg",
            "mate/nature/RainDrops.jpg",
            "mate/nature/Storm.jpg",
            "mate/nature/TwoWings.jpg",
            "mate/nature/Wood.jpg",
            "mate/nature/YellowFlower.jpg",
            "mate/abstract/Elephants.jpg",
            "2004default.jpg",
            "firstgeneration.jpg",
            "rhythm.jpg",
            "string.jpg",
            "the-mouse.jpg");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "EVALUATION.md");
        int big = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        StringBuilder md = new StringBuilder();
        if (!Boolean.getBoolean("speedOnly")) {
            evaluate(md);
        }
        if (!Boolean.getBoolean("evaluateOnly")) {
            speed(md, big);
        }
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private static void evaluate(StringBuilder md) throws IOException {
        List<CropEvaluation.Picture> photos = new ArrayList<>(TestPictures.photos());
        Path walls = Path.of("/usr/share/backgrounds");
        for (String w : WALLPAPERS) {
            Path f = walls.resolve(w);
            if (Files.isRegularFile(f)) {
                photos.add(new CropEvaluation.Picture(f.getFileName().toString(), ImageIO.read(f.toFile())));
            }
        }
        int synthetic = 40;
        List<CropEvaluation.Picture> archive = new ArrayList<>(photos);
        archive.addAll(TestPictures.synthetic(1000, synthetic));
        CropRobustMatcher matcher = new CropRobustMatcher();
        CropEvaluation ev = new CropEvaluation(matcher, archive, TestPictures.RELATED);
        List<CropEvaluation.Outcome> p = ev.run(CropEvaluation.edits(), 0, photos.size(), 1);
        List<CropEvaluation.Outcome> s = ev.run(CropEvaluation.edits(), photos.size(), archive.size(), 2);
        md.append(String.format(
                Locale.ROOT,
                "### Photos (%d: Meta's %d test photos and %d photographic wallpapers)%n%n",
                photos.size(),
                TestPictures.PHOTOS.size(),
                photos.size() - TestPictures.PHOTOS.size()));
        md.append("Every photo and every synthetic picture is archived; each edit of each photo is a query"
                + " against all of them.\n\n");
        md.append(ev.table(p)).append('\n');
        misses(md, p);
        md.append(String.format(Locale.ROOT, "### Synthetic pictures (%d, distinct by construction)%n%n", synthetic));
        md.append(ev.table(s)).append('\n');
        misses(md, s);
        md.append(String.format(
                Locale.ROOT,
                "Mean time in this run: %.1f ms to index a picture (regions of the decoded"
                        + " picture), %.1f ms per query against %d pictures.%n%n",
                ev.indexMillisPerPicture(),
                ev.queryMillis(),
                archive.size()));
    }

    private static void misses(StringBuilder md, List<CropEvaluation.Outcome> outcomes) {
        List<String> missed = new ArrayList<>();
        for (CropEvaluation.Outcome o : outcomes) {
            if (!o.stage2Hit() && !o.stage1()) {
                missed.add(o.picture() + " / " + o.edit().name());
            }
            for (String fp : o.falsePositiveNames()) {
                md.append("- false positive: ")
                        .append(o.picture())
                        .append(" / ")
                        .append(o.edit().name())
                        .append(": ")
                        .append(fp)
                        .append('\n');
            }
        }
        md.append("Missed by both stages (")
                .append(missed.size())
                .append("): ")
                .append(missed.isEmpty() ? "none" : String.join("; ", missed))
                .append(".\n\n");
    }

    private static void speed(StringBuilder md, int big) throws Exception {
        CropRobustMatcher matcher = new CropRobustMatcher();
        ImageDecoder decoder = new ImageDecoder();
        Path bridgeFile = TestPictures.image("dih/bridge-1-original.jpg");
        BufferedImage bridge = decoder.decode(bridgeFile);
        double[] t = new double[50];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            matcher.regionHashes(bridge);
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        double[] pdq = new double[50];
        PdqHasher hasher = new PdqHasher();
        for (int i = 0; i < pdq.length; i++) {
            long t0 = System.nanoTime();
            hasher.hash(bridge);
            pdq[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(pdq);
        md.append("### Speed\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Region codes of the decoded 1600x1004 bridge photo (12 regions): median %.1f ms"
                        + " (whole-frame PDQ of the same picture: %.1f ms).%n%n",
                t[t.length / 2],
                pdq[pdq.length / 2]));

        // Archive: the photos' edits are queried against synthetic pictures plus the photos themselves.
        List<CropEvaluation.Picture> photos = TestPictures.photos();
        RegionIndex index = RegionIndex.inMemory();
        for (int i = 0; i < photos.size(); i++) {
            matcher.index(i, photos.get(i).image(), index);
        }
        List<BufferedImage> queries = new ArrayList<>();
        java.util.Random r = new java.util.Random(5);
        for (CropEvaluation.Picture p : photos) {
            queries.add(Edits.jpeg(
                    Edits.scale(Edits.crop(p.image(), Region.anchored(0.8, 0.8, r.nextDouble(), r.nextDouble())), 0.6),
                    0.6f));
            queries.add(Edits.jpeg(Edits.screenshot(p.image(), 0.85, r.nextBoolean(), 3), 0.8f));
        }
        md.append("| pictures indexed | region keys | query median (CPU) | 90th percentile (CPU) | median (wall) |"
                + " found own photo |\n");
        md.append("|---:|---:|---:|---:|---:|---:|\n");
        int added = photos.size();
        for (int target : new int[] {10_000, big}) {
            added = fill(matcher, index, added, target);
            queryRow(md, matcher, index, queries, target);
            System.out.println(md);
            System.out.flush();
        }
        md.append("\nSynthetic 192x144 pictures fill the index beyond the photos; queries are an off-centre 20% crop"
                + " (60%, JPEG q60) and a screenshot of each of Meta's photos; one thread. CPU time is that thread's"
                + " (what one core spends); wall time also counts waiting for a core on a shared machine.\n");
    }

    private static int fill(CropRobustMatcher matcher, RegionIndex index, int from, int to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            int chunk = 500;
            for (int s = from; s < to; s += chunk) {
                int start = s, end = Math.min(to, s + chunk);
                jobs.add(pool.submit(() -> {
                    for (int i = start; i < end; i++) {
                        BufferedImage img = Synthetic.picture(1_000_000L + i, 192, 144);
                        index.add(i, img.getWidth(), img.getHeight(), matcher.regionHashes(img));
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return to;
    }

    private static void queryRow(
            StringBuilder md, CropRobustMatcher matcher, RegionIndex index, List<BufferedImage> queries, int pictures) {
        double[] t = new double[queries.size()];
        double[] cpu = new double[queries.size()];
        int found = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            found = 0;
            for (int i = 0; i < queries.size(); i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                List<CropMatch> m = matcher.match(queries.get(i), index);
                t[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                int own = i / 2;
                if (m.stream().anyMatch(c -> c.imageId() == own)) {
                    found++;
                }
            }
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        md.append(String.format(
                Locale.ROOT,
                "| %,d | %,d | %.1f ms | %.1f ms | %.0f ms | %d of %d |%n",
                pictures,
                index.size(),
                cpu[cpu.length / 2],
                cpu[(int) (cpu.length * 0.9)],
                t[t.length / 2],
                found,
                queries.size()));
    }
}
