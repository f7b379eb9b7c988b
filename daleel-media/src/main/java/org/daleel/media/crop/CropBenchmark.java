package org.daleel.media.crop;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.daleel.core.InvalidInputException;
import org.daleel.match.Hash256;
import org.daleel.media.pdq.LumaPlane;

/**
 * {@code daleel bench crop}: time of a crop-robust query ({@link CropRobustMatcher#match}) as the
 * archive grows to 10,000, 100,000 and more pictures, on one thread.
 *
 * <p>Archive: Meta's photos, then {@value #REAL} synthetic pictures (192x144, a smooth random field
 * under random shapes) through the whole region pipeline, then <em>model</em> pictures up to the
 * requested size: the same kind of picture drawn at 48x36, its twelve region keys computed by the
 * real key code from the coarse 32x32 blocks (as query windows are), and random PDQ codes (an
 * unrelated region's PDQ code is about as far from any other as a random one, so candidates are
 * given up as early). That costs about a tenth of the real pipeline, which is what makes a million
 * pictures affordable here; the run prints, at {@value #REAL} pictures, how many keys a lookup reads
 * and how many candidates it finds in the real archive and in an archive of as many model pictures,
 * which shows whether the model keys spread over the tables as the real ones do.
 *
 * <p>Queries: an off-centre 20% crop (scaled to 60%, JPEG quality 60) and a screenshot-like copy
 * (the photo at 85% of a page with text bars) of each photo; each is timed three times, in CPU time
 * of the thread, split into window coding, key lookups and the rest (alignment, picture reduction).
 */
public final class CropBenchmark {
    /** Pictures indexed through the real region pipeline before model pictures fill the rest. */
    static final int REAL = 10_000;

    private static final List<String> PHOTOS = List.of(
            "dih/bridge-1-original.jpg",
            "pen-and-coaster.png",
            "misc-images/c.png",
            "labelme-subset/q0122.jpg",
            "labelme-subset/q0291.jpg",
            "labelme-subset/q0746.jpg",
            "labelme-subset/q1050.jpg",
            "labelme-subset/q2821.jpg");

    private final Path photoDir;
    private final int pictures;
    private final PrintStream out;
    private final CropRobustMatcher matcher = new CropRobustMatcher();
    private final RegionCoder coder = new RegionCoder();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /**
     * @param photoDir the directory of Meta's PDQ test photos (daleel-media's test resources)
     * @param pictures archive size to reach, at least {@value #REAL}; figures at 10,000, 100,000,
     *     1,000,000 ... up to it
     */
    public CropBenchmark(Path photoDir, int pictures, PrintStream out) {
        if (pictures < REAL) {
            throw new InvalidInputException(
                    "bench crop --pictures " + pictures + ": expected at least " + REAL + " pictures");
        }
        if (!Files.isDirectory(photoDir)) {
            throw new InvalidInputException(
                    "bench crop: " + photoDir + ": expected the directory of Meta's PDQ test photos"
                            + " (daleel-media/src/test/resources/conformance/pdq/images)");
        }
        this.photoDir = photoDir;
        this.pictures = pictures;
        this.out = out;
    }

    /** Runs the benchmark and prints its table. */
    public void run() throws Exception {
        List<BufferedImage> photos = new ArrayList<>();
        for (String name : PHOTOS) {
            BufferedImage img = ImageIO.read(photoDir.resolve(name).toFile());
            if (img == null) {
                throw new InvalidInputException("bench crop: " + photoDir.resolve(name) + ": not a readable image");
            }
            photos.add(img);
        }
        List<BufferedImage> queries = queries(photos);
        try (RegionIndex index = RegionIndex.inMemory()) {
            for (int i = 0; i < photos.size(); i++) {
                matcher.index(i, photos.get(i), index);
            }
            long t0 = System.nanoTime();
            fill(index, photos.size(), REAL, true);
            out.printf(
                    Locale.ROOT,
                    "crop: %,d real pictures indexed in %.1f s (2 threads)%n",
                    REAL,
                    (System.nanoTime() - t0) / 1e9);
            compareWithModel(index, queries);
            out.println("| pictures | region keys | query median (CPU) | p90 (CPU) | window coding | key lookups"
                    + " | keys read per lookup | candidates per query | found own photo | key tables |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            int have = REAL;
            for (long target = REAL; target <= pictures; target *= 10) {
                long t1 = System.nanoTime();
                fill(index, have, (int) target, false);
                if (target > have) {
                    out.printf(
                            Locale.ROOT,
                            "(model pictures %,d..%,d added in %.1f s)%n",
                            have,
                            target,
                            (System.nanoTime() - t1) / 1e9);
                }
                have = (int) target;
                row(index, queries, have);
            }
        }
    }

    /** The archive's keys, read at {@value #REAL} pictures: real, then as many model pictures. */
    private void compareWithModel(RegionIndex real, List<BufferedImage> queries) throws Exception {
        try (RegionIndex model = RegionIndex.inMemory()) {
            fill(model, 0, REAL, false);
            double[] r = lookupLoad(real, queries);
            double[] m = lookupLoad(model, queries);
            out.printf(
                    Locale.ROOT,
                    "keys at %,d pictures: real %,d keys, %.1f read per lookup, %.1f within radius per query;"
                            + " model %,d keys, %.1f read per lookup, %.1f within radius per query%n",
                    REAL,
                    real.size(),
                    r[0],
                    r[1],
                    model.size(),
                    m[0],
                    m[1]);
        }
    }

    /** Mean keys read per window lookup, and mean keys found within the radius per query. */
    private double[] lookupLoad(RegionIndex index, List<BufferedImage> queries) {
        long read = 0;
        long lookups = 0;
        long[] found = {0};
        for (BufferedImage q : queries) {
            for (CropRobustMatcher.Window w : matcher.windows(q)) {
                read += index.keysRead(w.key());
                lookups++;
                index.candidateKeys(w.key(), matcher.settings().keyRadius(), (id, d) -> found[0]++);
            }
        }
        return new double[] {read / (double) lookups, found[0] / (double) queries.size()};
    }

    private void row(RegionIndex index, List<BufferedImage> queries, int count) {
        int n = queries.size();
        double[] total = new double[n * 3];
        double code = 0;
        double lookup = 0;
        long read = 0;
        long lookups = 0;
        long candidates = 0;
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            found = 0;
            missed.clear();
            for (int i = 0; i < n; i++) {
                BufferedImage q = queries.get(i);
                long c0 = threads.getCurrentThreadCpuTime();
                List<CropMatch> m = matcher.match(q, index);
                total[round * n + i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                if (m.stream().anyMatch(c -> c.imageId() == queryPhoto(queries, q))) {
                    found++;
                } else {
                    missed.add(PHOTOS.get(i / 2) + (i % 2 == 0 ? " (crop)" : " (page)"));
                }
                long c1 = threads.getCurrentThreadCpuTime();
                List<CropRobustMatcher.Window> windows = matcher.windows(q);
                long c2 = threads.getCurrentThreadCpuTime();
                long[] hits = {0};
                for (CropRobustMatcher.Window w : windows) {
                    index.candidateKeys(w.key(), matcher.settings().keyRadius(), (id, d) -> hits[0]++);
                }
                long c3 = threads.getCurrentThreadCpuTime();
                code += (c2 - c1) / 1e6;
                lookup += (c3 - c2) / 1e6;
                candidates += hits[0];
                if (round == 0) {
                    for (CropRobustMatcher.Window w : windows) {
                        read += index.keysRead(w.key());
                        lookups++;
                    }
                }
            }
        }
        Arrays.sort(total);
        out.printf(
                Locale.ROOT,
                "| %,d | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f | %.0f | %d of %d | %,d MiB |%n",
                count,
                index.size(),
                total[total.length / 2],
                total[(int) (total.length * 0.9)],
                code / (3.0 * n),
                lookup / (3.0 * n),
                read / (double) lookups,
                candidates / (3.0 * n),
                found,
                n,
                index.keyMemoryBytes() >> 20);
        if (!missed.isEmpty()) {
            out.println("(not found: " + String.join(", ", missed) + ")");
        }
        out.flush();
    }

    private static int queryPhoto(List<BufferedImage> queries, BufferedImage q) {
        return queries.indexOf(q) / 2;
    }

    private static List<BufferedImage> queries(List<BufferedImage> photos) {
        List<BufferedImage> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (BufferedImage p : photos) {
            int w = p.getWidth();
            int h = p.getHeight();
            int cw = (int) (w * 0.8);
            int ch = (int) (h * 0.8);
            BufferedImage crop =
                    p.getSubimage((int) ((w - cw) * r.nextDouble()), (int) ((h - ch) * r.nextDouble()), cw, ch);
            out.add(jpeg(scaled(crop, (int) (cw * 0.6), (int) (ch * 0.6)), 0.6f));
            out.add(jpeg(page(p), 0.8f));
        }
        return out;
    }

    private static BufferedImage scaled(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** The photo at 85% of a 720-pixel page, with a title bar and lines of text above and below. */
    private static BufferedImage page(BufferedImage photo) {
        int pageW = 720;
        int pw = (int) (pageW * 0.85);
        int ph = (int) Math.round(photo.getHeight() * (pw / (double) photo.getWidth()));
        int top = 150;
        BufferedImage out = new BufferedImage(pageW, top + ph + 110, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(new Color(29, 155, 240));
        g.fillRect(0, 0, pageW, 50);
        g.setColor(new Color(20, 23, 26));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        g.drawString("Shelling hit the market this morning, many civilians wounded.", 20, 90);
        g.drawString("#Aleppo #Syria", 20, 120);
        g.drawImage(photo, (pageW - pw) / 2, top, pw, ph, null);
        g.drawString("This is from years ago, look at the buildings", 20, top + ph + 60);
        g.dispose();
        return out;
    }

    private static BufferedImage jpeg(BufferedImage src, float quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            try (ImageOutputStream os = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(os);
                writer.write(null, new IIOImage(src, null, null), p);
            } finally {
                writer.dispose();
            }
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds pictures {@code from..to-1} (real or model), computed on two threads, added in order. */
    private void fill(RegionIndex index, int from, int to, boolean real) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int chunk = 2_000;
            ArrayDeque<Future<Chunk>> jobs = new ArrayDeque<>();
            for (int s = from; s < to; s += chunk) {
                int start = s;
                int end = Math.min(to, s + chunk);
                jobs.add(pool.submit(() -> {
                    List<List<RegionHash>> regions = new ArrayList<>(end - start);
                    for (int i = start; i < end; i++) {
                        regions.add(
                                real
                                        ? matcher.regionHashes(picture(1_000_000L + i, 192, 144))
                                        : modelRegions(1_000_000L + i));
                    }
                    return new Chunk(start, regions);
                }));
                while (jobs.size() >= 4) {
                    add(index, jobs.poll().get());
                }
            }
            while (!jobs.isEmpty()) {
                add(index, jobs.poll().get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void add(RegionIndex index, Chunk c) {
        for (int i = 0; i < c.regions.size(); i++) {
            index.add(c.start + i, 192, 144, c.regions.get(i));
        }
    }

    private record Chunk(int start, List<List<RegionHash>> regions) {}

    /** A model picture's twelve regions: real keys of a 48x36 drawing's coarse blocks, random PDQ codes. */
    private List<RegionHash> modelRegions(long seed) {
        RegionPlane plane = RegionPlane.of(LumaPlane.of(picture(seed, 48, 36), CropRobustMatcher.WORKING_SIZE));
        List<Region> regions = RegionLayout.archive(plane.width(), plane.height());
        SplittableRandom r = new SplittableRandom(seed);
        List<RegionHash> out = new ArrayList<>(regions.size());
        for (int n = 0; n < regions.size(); n++) {
            float[] block = plane.block(regions.get(n), RegionCoder.COARSE_CELLS);
            Hash256 pdq = new Hash256(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
            out.add(new RegionHash(n, regions.get(n), coder.key(block), pdq, 100));
        }
        return out;
    }

    /** A synthetic picture: a smooth random field (gradient, blobs, a wave) under 12 to 31 random shapes. */
    static BufferedImage picture(long seed, int w, int h) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int blobs = 3 + r.nextInt(4);
        double[][] blob = new double[blobs][4];
        for (double[] b : blob) {
            b[0] = r.nextDouble() * w;
            b[1] = r.nextDouble() * h;
            b[2] = (40 + r.nextDouble() * 200) * w / 640;
            b[3] = (r.nextDouble() - 0.5) * 2;
        }
        double gx = r.nextDouble() * 2 - 1;
        double gy = r.nextDouble() * 2 - 1;
        double fx = (0.005 + r.nextDouble() * 0.03) * 640 / w;
        double fy = (0.005 + r.nextDouble() * 0.03) * 640 / w;
        double ph = r.nextDouble() * 6;
        int[] a = colour(r);
        int[] b = colour(r);
        int[] c = colour(r);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0.25 * (gx * (x - w / 2.0) / w + gy * (y - h / 2.0) / h);
                for (double[] bl : blob) {
                    double dx = x - bl[0];
                    double dy = y - bl[1];
                    v += bl[3] * Math.exp(-(dx * dx + dy * dy) / (2 * bl[2] * bl[2]));
                }
                double wave = 0.35 * (0.5 + 0.5 * Math.sin(x * fx + y * fy + ph));
                double t = 1 / (1 + Math.exp(-3 * v));
                int rgb = 0;
                for (int k = 0; k < 3; k++) {
                    double base = a[k] + (b[k] - a[k]) * t;
                    rgb = rgb << 8 | (int) Math.max(0, Math.min(255, base + (c[k] - base) * wave));
                }
                out.setRGB(x, y, rgb);
            }
        }
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int shapes = 12 + r.nextInt(20);
        for (int i = 0; i < shapes; i++) {
            int[] k = colour(r);
            g.setColor(new Color(k[0], k[1], k[2]));
            int sx = r.nextInt(w);
            int sy = r.nextInt(h);
            int sw = Math.max(1, (20 + r.nextInt(200)) * w / 640);
            int sh = Math.max(1, (20 + r.nextInt(200)) * w / 640);
            switch (r.nextInt(4)) {
                case 0 -> g.fillRect(sx - sw / 2, sy - sh / 2, sw, sh);
                case 1 -> g.fillOval(sx - sw / 2, sy - sh / 2, sw, sh);
                case 2 -> {
                    g.setStroke(new BasicStroke(Math.max(1f, (3 + r.nextInt(12)) * w / 640f)));
                    g.drawLine(sx, sy, r.nextInt(w), r.nextInt(h));
                }
                default -> {
                    g.setStroke(new BasicStroke(Math.max(1f, (2 + r.nextInt(6)) * w / 640f)));
                    g.drawOval(sx - sw / 2, sy - sh / 2, sw, sh);
                }
            }
        }
        g.dispose();
        return out;
    }

    private static int[] colour(SplittableRandom r) {
        return new int[] {r.nextInt(256), r.nextInt(256), r.nextInt(256)};
    }
}
