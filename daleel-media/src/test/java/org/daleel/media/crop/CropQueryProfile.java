package org.daleel.media.crop;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.daleel.match.Hash256;
import org.daleel.media.pdq.LumaPlane;

/**
 * Manual measurement, not a test: where a crop-robust query's time goes, in CPU time of the one
 * thread: picture reduction, window keys (32x32 blocks), the candidate lookup
 * ({@link RegionIndex#candidateKeys}, as the matcher does) and the whole
 * {@link CropRobustMatcher#match}.
 * The archive is persisted in {@code DIR} (Meta's photos plus synthetic pictures up to
 * {@code pictures}) so that later runs reopen it instead of computing it again.
 *
 * <pre>java -Xmx4g -cp target/classes:target/test-classes:$CORE_JAR org.daleel.media.crop.CropQueryProfile 10000 /tmp/regions10k</pre>
 */
public final class CropQueryProfile {
    private CropQueryProfile() {}

    public static void main(String[] args) throws Exception {
        int target = Integer.parseInt(args[0]);
        CropRobustMatcher matcher = new CropRobustMatcher();
        try (RegionIndex index = RegionIndex.open(Path.of(args[1]))) {
            List<CropEvaluation.Picture> photos = TestPictures.photos();
            if (index.size() < 10) {
                for (int i = 0; i < photos.size(); i++)
                    matcher.index(i, photos.get(i).image(), index);
            }
            int have = (int) (index.size() / 11.5);
            if (have < target) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<?>> jobs = new ArrayList<>();
                for (int s = Math.max(have, photos.size()); s < target; s += 500) {
                    int start = s, end = Math.min(target, s + 500);
                    jobs.add(pool.submit(() -> {
                        for (int i = start; i < end; i++) {
                            BufferedImage img = Synthetic.picture(1_000_000L + i, 192, 144);
                            index.add(i, img.getWidth(), img.getHeight(), matcher.regionHashes(img));
                        }
                    }));
                }
                for (Future<?> f : jobs) f.get();
                pool.shutdown();
            }
            System.out.println("keys " + index.size());
            List<BufferedImage> queries = new ArrayList<>();
            java.util.Random r = new java.util.Random(5);
            for (CropEvaluation.Picture p : photos) {
                queries.add(Edits.jpeg(
                        Edits.scale(
                                Edits.crop(p.image(), Region.anchored(0.8, 0.8, r.nextDouble(), r.nextDouble())), 0.6),
                        0.6f));
                queries.add(Edits.jpeg(Edits.screenshot(p.image(), 0.85, r.nextBoolean(), 3), 0.8f));
            }
            RegionCoder coder = new RegionCoder();
            for (int round = 0; round < 3; round++) {
                long tCand = 0, chits = 0, tPlane = 0;
                long tCode = 0, tSearch = 0, tAll = 0, hits = 0, windows = 0;
                int found = 0;
                for (int qq = 0; qq < queries.size(); qq++) {
                    final int qi = qq;
                    BufferedImage q = queries.get(qi);
                    long t0 = java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime();
                    RegionPlane plane = RegionPlane.of(LumaPlane.of(q, 512));
                    List<RegionPlane> fr = new ArrayList<>(List.of(plane, plane.mirrored()));
                    ContentBox.of(plane).ifPresent(b -> {
                        fr.add(plane.crop(b));
                        fr.add(plane.crop(b).mirrored());
                    });
                    long tp = java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime();
                    tPlane += tp - t0;
                    List<Hash256> keys = new ArrayList<>();
                    for (RegionPlane f : fr)
                        for (Region w : RegionLayout.query(f.width(), f.height())) {
                            float[] block = f.block(w, 32);
                            if (RegionCoder.coarseQuality(block) < 50) continue;
                            keys.add(coder.key(block));
                        }
                    long t1 = java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime();
                    long t2 = java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime();
                    for (Hash256 k : keys) chits += index.candidateKeys(k, 34).size();
                    tCand += java.lang.management.ManagementFactory.getThreadMXBean()
                                    .getCurrentThreadCpuTime()
                            - t2;
                    t2 = java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime();
                    List<CropMatch> m = matcher.match(q, index);
                    long t3 = java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime();
                    if (m.stream().anyMatch(c -> c.imageId() == qi / 2)) found++;
                    tCode += t1 - t0;
                    tSearch += t2 - t1;
                    tAll += t3 - t2;
                    windows += keys.size();
                }
                int n = queries.size();
                System.out.printf(
                        "plane %.1f ms; cand %.1f ms %d hits; code %.1f ms, search %.1f ms (%d windows, %d hits), match total %.1f ms, found %d/%d%n",
                        tPlane / 1e6 / n,
                        tCand / 1e6 / n,
                        chits / n,
                        tCode / 1e6 / n,
                        tSearch / 1e6 / n,
                        windows / n,
                        hits / n,
                        tAll / 1e6 / n,
                        found,
                        n);
            }
        }
    }
}
