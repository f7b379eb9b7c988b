package org.daleel.media.crop;

import java.awt.image.BufferedImage;
import org.daleel.media.pdq.LumaPlane;
import org.daleel.media.pdq.PdqBlockHasher;

/** Scratch profile of one query against 10k synthetic pictures. */
public final class ProfileMain {
    private ProfileMain() {}

    public static void main(String[] a) throws Exception {
        CropRobustMatcher m = new CropRobustMatcher();
        RegionIndex idx = RegionIndex.inMemory();
        for (int i = 0; i < 10_000; i++) {
            BufferedImage img = Synthetic.picture(1_000_000L + i, 192, 144);
            idx.add(i, img.getWidth(), img.getHeight(), m.regionHashes(img));
        }
        BufferedImage bridge = TestPictures.read(TestPictures.image("dih/bridge-1-original.jpg"));
        m.index(20_000, bridge, idx);
        BufferedImage q = Edits.jpeg(Edits.scale(Edits.crop(bridge, Region.anchored(0.8, 0.8, 0.3, 0.6)), 0.6), 0.6f);
        RegionCoder coder = new RegionCoder();
        for (int round = 0; round < 3; round++) {
            RegionPlane plane = RegionPlane.of(LumaPlane.of(q, 512));
            long t0 = System.nanoTime(), tHash = 0, tSearch = 0;
            int windows = 0, hits = 0;
            for (RegionPlane fp : new RegionPlane[] {plane, plane.mirrored()}) {
                for (Region w : RegionLayout.query(fp.width(), fp.height())) {
                    long a0 = System.nanoTime();
                    float[] b = fp.block(w);
                    if (PdqBlockHasher.quality(b) < 50) continue;
                    var key = coder.key(b);
                    long a1 = System.nanoTime();
                    hits += idx.searchKeys(key, 34).size();
                    long a2 = System.nanoTime();
                    tHash += a1 - a0; tSearch += a2 - a1; windows++;
                }
            }
            long t1 = System.nanoTime();
            var res = m.match(q, idx);
            long t2 = System.nanoTime();
            System.out.printf("windows %d hash %.0f ms search %.0f ms hits %d | full match %.0f ms -> %s%n", windows, tHash / 1e6, tSearch / 1e6, hits, (t2 - t1) / 1e6, res.isEmpty() ? "-" : res.get(0).explain());
        }
    }
}
