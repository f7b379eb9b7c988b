package org.daleel.media.crop;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.daleel.media.index.Hash256;
import org.daleel.media.pdq.LumaPlane;

/** Descriptor benchmark: tolerance to shift/zoom vs distance to unrelated windows. */
public final class Exp4 {
    static double[] taper = new double[64];
    static {
        for (int i = 0; i < 64; i++) taper[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / 64);
    }

    interface Desc { Hash256 of(float[] block); }

    static float[][] basis(double[] freqs) {
        float[][] m = new float[freqs.length][64];
        for (int k = 0; k < freqs.length; k++)
            for (int j = 0; j < 64; j++) m[k][j] = (float) Math.cos(Math.PI * freqs[k] * (2 * j + 1) / 128.0);
        return m;
    }

    static float[] tapered(float[] b, boolean on) {
        float[] out = b.clone();
        if (!on) return out;
        double mean = 0;
        for (float v : b) mean += v;
        mean /= b.length;
        for (int j = 0; j < 64; j++)
            for (int i = 0; i < 64; i++) out[j * 64 + i] = (float) (mean + (b[j * 64 + i] - mean) * taper[i] * taper[j]);
        return out;
    }

    static Hash256 medianBits(float[] c) {
        float[] s = c.clone();
        Arrays.sort(s);
        float med = s[s.length / 2 - 1];
        long[] w = new long[4];
        for (int k = 0; k < 256; k++) if (c[k] > med) w[3 - (k >>> 6)] |= 1L << (k & 63);
        return Hash256.ofWords(w, 0);
    }

    static Desc dct(double[] freqs, boolean tap) {
        float[][] m = basis(freqs);
        return b -> {
            float[] a = tapered(b, tap);
            float[] t = new float[16 * 64];
            for (int i = 0; i < 16; i++) for (int k = 0; k < 64; k++) { float d = m[i][k]; for (int j = 0; j < 64; j++) t[i * 64 + j] += d * a[k * 64 + j]; }
            float[] c = new float[256];
            for (int i = 0; i < 16; i++) for (int j = 0; j < 16; j++) { float s = 0; for (int k = 0; k < 64; k++) s += t[i * 64 + k] * m[j][k]; c[i * 16 + j] = s; }
            return medianBits(c);
        };
    }

    /** dHash-like: 16x16 cell grid (4x4 block cells averaged), 128 horizontal + 128 vertical neighbour comparisons. */
    static Desc dhash(boolean tap) {
        return b -> {
            float[] a = tapered(b, tap);
            float[] g = new float[17 * 17];
            // 17x17 grid of overlapping means over the 64x64 block
            for (int y = 0; y < 17; y++) for (int x = 0; x < 17; x++) {
                int x0 = (int) Math.round(x * 60 / 16.0), y0 = (int) Math.round(y * 60 / 16.0);
                float s = 0; for (int j = 0; j < 4; j++) for (int i = 0; i < 4; i++) s += a[(y0 + j) * 64 + x0 + i];
                g[y * 17 + x] = s;
            }
            long[] w = new long[4]; int k = 0;
            for (int y = 0; y < 16 && k < 256; y += 2) for (int x = 0; x < 16; x++, k++) if (g[y * 17 + x] > g[y * 17 + x + 1]) w[3 - (k >>> 6)] |= 1L << (k & 63);
            for (int x = 0; x < 16 && k < 256; x += 2) for (int y = 0; y < 16; y++, k++) if (g[y * 17 + x] > g[(y + 1) * 17 + x]) w[3 - (k >>> 6)] |= 1L << (k & 63);
            return Hash256.ofWords(w, 0);
        };
    }

    public static void main(String[] a) throws Exception {
        List<String> files = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/tmp/files-big.txt"));
        List<RegionPlane> orig = new ArrayList<>(), edit = new ArrayList<>();
        for (String f : files) {
            BufferedImage o = ImageIO.read(new File(f));
            orig.add(new RegionPlane(LumaPlane.of(o, 512)));
            edit.add(new RegionPlane(LumaPlane.of(Edits.jpeg(Edits.scale(o, 0.5), 0.6f), 512)));
        }
        double[] f16 = new double[16], fHalf = new double[16], f075 = new double[16];
        for (int k = 0; k < 16; k++) { f16[k] = k + 1; fHalf[k] = (k + 1) * 0.5; f075[k] = (k + 1) * 0.75; }
        String[] names = {"pdq", "pdq-taper", "half-taper", "3/4-taper", "dhash", "dhash-taper"};
        Desc[] ds = {dct(f16, false), dct(f16, true), dct(fHalf, true), dct(f075, true), dhash(false), dhash(true)};
        for (int d = 0; d < ds.length; d++) {
            Random rnd = new Random(3);
            double[] sum = new double[5]; int n = 0;
            List<Hash256> pool = new ArrayList<>(); List<Integer> owner = new ArrayList<>();
            for (int k = 0; k < orig.size(); k++) {
                for (int t = 0; t < 20; t++) {
                    double s = 0.5 + 0.3 * rnd.nextDouble();
                    Region r = Region.anchored(s, s, rnd.nextDouble(), rnd.nextDouble());
                    Hash256 h0 = ds[d].of(orig.get(k).block(r));
                    Hash256 he = ds[d].of(edit.get(k).block(r));
                    double e = 0.01 * s;
                    Region sx = new Region(Math.min(r.x() + e, 1 - s), r.y(), s, s);
                    if (sx.x() == r.x()) sx = new Region(r.x() - e, r.y(), s, s);
                    Region sx2 = new Region(Math.max(0, Math.min(r.x() + 2 * e, 1 - s)), r.y(), s, s);
                    if (sx2.x() == r.x()) sx2 = new Region(r.x() - 2 * e, r.y(), s, s);
                    double z = s * 1.02;
                    Region zr = new Region(Math.max(0, Math.min(r.x() - 0.01 * s, 1 - z)), Math.max(0, Math.min(r.y() - 0.01 * s, 1 - z)), z, z);
                    sum[0] += h0.distance(he);
                    sum[1] += h0.distance(ds[d].of(edit.get(k).block(sx)));
                    sum[2] += h0.distance(ds[d].of(edit.get(k).block(sx2)));
                    sum[3] += h0.distance(ds[d].of(edit.get(k).block(zr)));
                    n++;
                    pool.add(h0); owner.add(k);
                }
            }
            // unrelated: all pairs of different images
            int[] hist = new int[257]; long pairs = 0;
            for (int i = 0; i < pool.size(); i++) for (int j = i + 1; j < pool.size(); j++) if (!owner.get(i).equals(owner.get(j))) { hist[pool.get(i).distance(pool.get(j))]++; pairs++; }
            int c = 0, p001 = -1, p01 = -1, min = -1;
            for (int v = 0; v <= 256; v++) { if (hist[v] > 0 && min < 0) min = v; c += hist[v]; if (p001 < 0 && c >= pairs * 1e-4) p001 = v; if (p01 < 0 && c >= pairs * 1e-3) p01 = v; }
            System.out.printf("%-12s jpeg %.1f shift1%% %.1f shift2%% %.1f zoom2%% %.1f | unrelated min %d p1e-4 %d p1e-3 %d (%d pairs)%n",
                names[d], sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, min, p001, p01, pairs);
        }
    }
}
