package org.daleel.media.crop;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Distinct synthetic pictures for false-positive counts: smooth random fields with shapes. */
final class Synthetic {
    private Synthetic() {}

    /**
     * A 640x480 picture from {@code seed}: a smooth field (a gradient plus a few random blobs and
     * waves, in a random palette) with a fine grain, under 12 to 31 random filled and outlined shapes.
     */
    static BufferedImage picture(long seed) {
        return picture(seed, 640, 480);
    }

    /** The same kind of picture at another size (shapes scale with it). */
    static BufferedImage picture(long seed, int w, int h) {
        Random r = new Random(seed);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int blobs = 3 + r.nextInt(4);
        double[][] blob = new double[blobs][4];
        for (double[] b : blob) {
            b[0] = r.nextDouble() * w;
            b[1] = r.nextDouble() * h;
            b[2] = (40 + r.nextDouble() * 200) * w / 640;
            b[3] = (r.nextDouble() - 0.5) * 2;
        }
        double gx = r.nextGaussian(), gy = r.nextGaussian();
        double fx = 0.005 + r.nextDouble() * 0.03, fy = 0.005 + r.nextDouble() * 0.03, ph = r.nextDouble() * 6;
        Color a = randomColour(r), b = randomColour(r), c = randomColour(r);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0.25 * (gx * (x - w / 2.0) / w + gy * (y - h / 2.0) / h);
                for (double[] bl : blob) {
                    double dx = x - bl[0], dy = y - bl[1];
                    v += bl[3] * Math.exp(-(dx * dx + dy * dy) / (2 * bl[2] * bl[2]));
                }
                double wave = 0.5 + 0.5 * Math.sin(x * fx + y * fy + ph);
                double t = 1 / (1 + Math.exp(-3 * v));
                Color base = mix(mix(a, b, t), c, 0.35 * wave);
                // Fine texture (grain of a photographed surface): value noise on an 8-pixel lattice.
                int grain =
                        (int) (28 * (lattice(seed, x / 8, y / 8) - 0.5) + 14 * (lattice(seed + 1, x / 3, y / 3) - 0.5));
                out.setRGB(x, y, shift(base, grain).getRGB());
            }
        }
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int shapes = 12 + r.nextInt(20);
        for (int i = 0; i < shapes; i++) {
            g.setColor(randomColour(r));
            int sx = r.nextInt(w),
                    sy = r.nextInt(h),
                    sw = (20 + r.nextInt(200)) * w / 640,
                    sh = (20 + r.nextInt(200)) * w / 640;
            switch (r.nextInt(4)) {
                case 0 -> g.fillRect(sx - sw / 2, sy - sh / 2, sw, sh);
                case 1 -> g.fillOval(sx - sw / 2, sy - sh / 2, sw, sh);
                case 2 -> {
                    g.setStroke(new BasicStroke(3 + r.nextInt(12)));
                    g.drawLine(sx, sy, r.nextInt(w), r.nextInt(h));
                }
                default -> {
                    g.setStroke(new BasicStroke(2 + r.nextInt(6)));
                    g.drawOval(sx - sw / 2, sy - sh / 2, sw, sh);
                }
            }
        }
        g.dispose();
        return out;
    }

    private static double lattice(long seed, int x, int y) {
        long h = seed * 0x9E3779B97F4A7C15L + x * 0xC2B2AE3D27D4EB4FL + y * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (h >>> 11) / (double) (1L << 53);
    }

    private static Color shift(Color c, int d) {
        return new Color(clamp(c.getRed() + d), clamp(c.getGreen() + d), clamp(c.getBlue() + d));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static Color randomColour(Random r) {
        return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
