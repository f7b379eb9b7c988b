package org.daleel.media.crop;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.daleel.media.index.Hash256;
import org.daleel.media.pdq.LumaPlane;
import org.daleel.media.pdq.PdqBlockHasher;
import org.daleel.media.pdq.PdqHash;

/** Design exploration: min distance between index-region and query-region hash sets. */
public final class Exp3 {
    static final PdqBlockHasher B = new PdqBlockHasher();
    static final double[] TAPER = new double[64];
    static {
        for (int i = 0; i < 64; i++) {
            double u = (i + 0.5) / 64;
            TAPER[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * u);
        }
    }
    static boolean taper = true;

    static PdqHash rh(RegionPlane p, Region r) {
        float[] b = p.block(r);
        if (taper) {
            double mean = 0;
            for (float v : b) mean += v;
            mean /= b.length;
            for (int j = 0; j < 64; j++)
                for (int i = 0; i < 64; i++) b[j * 64 + i] = (float) (mean + (b[j * 64 + i] - mean) * TAPER[i] * TAPER[j]);
        }
        return B.hash(b);
    }

    static List<PdqHash> hashes(BufferedImage img, List<Region> rs) {
        RegionPlane p = new RegionPlane(LumaPlane.of(img, 512));
        List<PdqHash> out = new ArrayList<>();
        for (Region r : rs) out.add(rh(p, r));
        return out;
    }

    static int best(List<PdqHash> a, List<PdqHash> b, int minQ) {
        int best = 256;
        for (PdqHash x : a) {
            if (x.quality() < minQ) continue;
            for (PdqHash y : b) {
                if (y.quality() < minQ) continue;
                best = Math.min(best, x.hash().distance(y.hash()));
            }
        }
        return best;
    }

    // ---- designs
    static List<Region> grid(double s, int n, double spread) {
        List<Region> out = new ArrayList<>();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) {
                double px = n == 1 ? 0.5 : 0.5 + spread * (i / (n - 1.0) - 0.5);
                double py = n == 1 ? 0.5 : 0.5 + spread * (j / (n - 1.0) - 0.5);
                out.add(Region.anchored(s, s, px, py));
            }
        return out;
    }

    static List<Region> indexSet(String d) {
        List<Region> out = new ArrayList<>();
        out.add(Region.FULL);
        switch (d) {
            case "A" -> {
                for (double s : new double[] {0.9, 0.8, 0.7}) out.add(Region.anchored(s, s, 0.5, 0.5));
                out.addAll(grid(0.75, 3, 1));
                out.addAll(grid(0.6, 3, 1));
            }
            case "C" -> {
                for (double s = 0.95; s > 0.72; s -= 0.04) out.add(Region.anchored(s, s, 0.5, 0.5));
                out.addAll(grid(0.75, 3, 1));
                out.addAll(grid(0.6, 3, 1));
            }
            default -> throw new IllegalArgumentException(d);
        }
        return out;
    }

    static List<Region> querySet(String d) {
        List<Region> out = new ArrayList<>();
        out.add(Region.FULL);
        switch (d) {
            case "A" -> {
                for (double s : new double[] {0.9, 0.8}) out.add(Region.anchored(s, s, 0.5, 0.5));
                out.addAll(grid(0.9, 3, 1));
            }
            case "C" -> {
                for (double s = 0.95; s > 0.55; s -= 0.05) out.addAll(grid(s, 5, 1));
            }
            default -> throw new IllegalArgumentException(d);
        }
        return out;
    }

    record Edit(String name, BufferedImage img) {}

    static List<Edit> edits(BufferedImage o, Random rnd) {
        List<Edit> out = new ArrayList<>();
        for (double c : new double[] {0.05, 0.1, 0.15, 0.2, 0.25}) {
            out.add(new Edit("centre" + c, Edits.jpeg(Edits.scale(Edits.centredCrop(o, c), 0.6), 0.6f)));
            out.add(new Edit("centreCap" + c, Edits.jpeg(Edits.caption(Edits.scale(Edits.centredCrop(o, c), 0.5), 0.08), 0.6f)));
            Region r = Region.anchored(1 - c, 1 - c, rnd.nextDouble(), rnd.nextDouble());
            out.add(new Edit("off" + c, Edits.jpeg(Edits.scale(Edits.crop(o, r), 0.6), 0.6f)));
            int side = rnd.nextInt(4);
            Region one = switch (side) {
                case 0 -> new Region(c, 0, 1 - c, 1);
                case 1 -> new Region(0, 0, 1 - c, 1);
                case 2 -> new Region(0, c, 1, 1 - c);
                default -> new Region(0, 0, 1, 1 - c);
            };
            out.add(new Edit("side" + c, Edits.jpeg(Edits.scale(Edits.crop(o, one), 0.6), 0.6f)));
        }
        return out;
    }

    public static void main(String[] a) throws Exception {
        String root = "src/test/resources/conformance/pdq/images/";
        String[] files = java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getProperty("files", "/tmp/files.txt"))).toArray(new String[0]);
        root = "";
        String di = a.length > 0 ? a[0] : "A", dq = a.length > 1 ? a[1] : "A";
        taper = a.length <= 2 || !a[2].equals("plain");
        List<Region> ir = indexSet(di), qr = querySet(dq);
        System.out.printf("index %d regions, query %d regions, taper %s%n", ir.size(), qr.size(), taper);
        List<BufferedImage> origs = new ArrayList<>();
        List<List<PdqHash>> idx = new ArrayList<>();
        for (String f : files) {
            BufferedImage o = ImageIO.read(new File(root + f));
            origs.add(o);
            idx.add(hashes(o, ir));
        }
        Random rnd = new Random(7);
        java.util.Map<String, int[]> byKind = new java.util.TreeMap<>();
        int fpMin = 256;
        int[] fpHist = new int[32];
        for (int k = 0; k < files.length; k++) {
            StringBuilder sb = new StringBuilder(String.format("%-28s", files[k]));
            for (Edit e : edits(origs.get(k), rnd)) {
                List<PdqHash> q = hashes(e.img, qr);
                int d = best(idx.get(k), q, 0);
                sb.append(' ').append(d);
                String kind = e.name.replaceAll("[0-9.]", "");
                int[] c = byKind.computeIfAbsent(e.name, x -> new int[2]);
                c[0]++;
                if (d <= 31) c[1]++;
                for (int m = 0; m < files.length; m++) {
                    if (m != k) {
                        int f = best(idx.get(m), q, 50);
                        if (f <= 40) System.out.println("   FP? " + e.name + " of " + files[k] + " vs " + files[m] + ": " + f);
                        fpMin = Math.min(fpMin, f);
                        fpHist[Math.min(f / 8, 31)]++;
                    }
                }
            }
            System.out.println(sb);
        }
        byKind.forEach((k, v) -> System.out.printf("  %-16s %d/%d%n", k, v[1], v[0]));
        System.out.println("min distance to a different photo (quality>=50): " + fpMin);
        StringBuilder h = new StringBuilder("FP best-distance histogram (bins of 8): ");
        for (int i = 0; i < 32; i++) if (fpHist[i] > 0) h.append(i * 8).append(':').append(fpHist[i]).append(' ');
        System.out.println(h);
    }
}
