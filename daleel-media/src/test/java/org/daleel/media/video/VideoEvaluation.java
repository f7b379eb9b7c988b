package org.daleel.media.video;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.daleel.match.MediaMatch;
import org.daleel.match.TestVideos;
import org.daleel.match.VideoAnalysis;
import org.daleel.media.PdqMediaIndex;

/**
 * Manual measurement, not a test: how well stills and clips find the archived video they come from,
 * and how often they find a video they do not come from. Writes a markdown table.
 *
 * <p>Archive: video V1, Meta's 8 test photos 3 s each with a slow zoom (Ken Burns, ffmpeg zoompan),
 * H.264; video V2, 8 synthetic pictures 3 s each. Queries: stills taken from V1 every 0.9 s, scaled
 * to 400 px and saved as JPEG; V1's source photos themselves; 4-second clips of V1 re-encoded as
 * 480 px WebM; and as negatives the same from V3, a video of 8 other synthetic pictures, plus
 * clips of ffmpeg's testsrc2 and mandelbrot sources. A query "finds" a video when the video is among
 * its matches at distance ≤ 31 (quality ≥ 50).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$CORE_JAR:$CORE_TEST_JAR:$JUNIT_JARS org.daleel.media.video.VideoEvaluation [out.md]
 * </pre>
 */
public final class VideoEvaluation {
    private VideoEvaluation() {}

    private static final List<String> PHOTOS = List.of(
            "dih/bridge-1-original.jpg",
            "pen-and-coaster.png",
            "misc-images/c.png",
            "labelme-subset/q0122.jpg",
            "labelme-subset/q0291.jpg",
            "labelme-subset/q0746.jpg",
            "labelme-subset/q1050.jpg",
            "labelme-subset/q2821.jpg");

    record Row(String query, int count, int found, int bestDistanceMedian) {}

    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("daleel-video-eval");
        FfmpegVideoAnalyser analyser =
                new FfmpegVideoAnalyser(TestVideos.ffmpeg(), FfmpegVideoAnalyser.Settings.DEFAULTS);
        List<Path> photos = new ArrayList<>();
        for (String name : PHOTOS) {
            BufferedImage img =
                    ImageIO.read(resource("/conformance/pdq/images/" + name).toFile());
            Path out = tmp.resolve("photo-" + photos.size() + ".png");
            ImageIO.write(fit(img, 960, 540), "png", out.toFile());
            photos.add(out);
        }
        Path v1 = TestVideos.slideshow(
                tmp.resolve("v1.mp4"),
                photos,
                3,
                "-vf",
                "zoompan=z='min(zoom+0.0012,1.2)':d=75:s=640x360:fps=25",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p");
        Path v2 = TestVideos.slideshow(tmp.resolve("v2.mp4"), synthetic(tmp, "b", 100), 3, "-c:v", "libx264");
        Path v3 = TestVideos.slideshow(tmp.resolve("v3.mp4"), synthetic(tmp, "c", 200), 3, "-c:v", "libx264");

        List<Row> rows = new ArrayList<>();
        long started = System.nanoTime();
        VideoAnalysis a1 = analyser.analyse(v1, "v1.mp4");
        double analyseSeconds = (System.nanoTime() - started) / 1e9;
        try (PdqMediaIndex index = PdqMediaIndex.open(tmp.resolve("media"))) {
            index.addParts(1, a1.frames());
            index.addParts(2, analyser.analyse(v2, "v2.mp4").frames());

            rows.add(stills(index, v1, tmp, "stills of V1 (400 px JPEG)", 1));
            rows.add(images(index, photos, "V1's source photos", 1));
            rows.add(clips(index, analyser, v1, tmp, "4 s clips of V1 (480 px WebM)", 1));
            rows.add(stills(index, v3, tmp, "stills of V3 (not archived)", -1));
            rows.add(clips(index, analyser, v3, tmp, "4 s clips of V3 (not archived)", -1));
            List<Path> sources = List.of(
                    TestVideos.make(
                            tmp.resolve("t.mp4"),
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc2=size=640x360:duration=12",
                            "-c:v",
                            "libx264"),
                    TestVideos.make(
                            tmp.resolve("m.mp4"),
                            "-f",
                            "lavfi",
                            "-i",
                            "mandelbrot=size=640x360:rate=25",
                            "-t",
                            "12",
                            "-c:v",
                            "libx264"));
            int count = 0, found = 0;
            for (Path s : sources) {
                for (MediaMatch m :
                        index.matchParts(analyser.analyse(s, s.toString()).frames(), 31, -1)) {
                    found += m.seq() > 0 ? 1 : 0;
                }
                count++;
            }
            rows.add(new Row("testsrc2 and mandelbrot videos (not archived)", count, found, -1));
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "V1: %d frames hashed in %.1f s (%s)%n%n",
                a1.frames().size(),
                analyseSeconds,
                a1.note()));
        md.append("| query | queries | found an archived video | share |\n|---|---:|---:|---:|\n");
        for (Row r : rows) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f %% |%n",
                    r.query(),
                    r.count(),
                    r.found(),
                    100.0 * r.found() / Math.max(1, r.count())));
        }
        System.out.print(md);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), md.toString());
        }
    }

    /** Stills every 0.9 s, scaled to 400 px, JPEG. {@code expected} is the seq they should find, -1 none. */
    private static Row stills(PdqMediaIndex index, Path video, Path tmp, String label, long expected) throws Exception {
        int count = 0, found = 0;
        for (double t = 0.4; t < 23.5; t += 0.9) {
            Path still = TestVideos.make(
                    tmp.resolve("still-" + video.getFileName() + "-" + count + ".jpg"),
                    "-ss",
                    String.format(Locale.ROOT, "%.2f", t),
                    "-i",
                    video.toString(),
                    "-frames:v",
                    "1",
                    "-vf",
                    "scale=400:-2",
                    "-q:v",
                    "6");
            found += hit(index.match(Files.readAllBytes(still), still.toString(), 31), expected) ? 1 : 0;
            count++;
        }
        return new Row(label, count, found, -1);
    }

    private static Row images(PdqMediaIndex index, List<Path> images, String label, long expected) throws IOException {
        int found = 0;
        for (Path p : images) {
            found += hit(index.match(Files.readAllBytes(p), p.toString(), 31), expected) ? 1 : 0;
        }
        return new Row(label, images.size(), found, -1);
    }

    private static Row clips(
            PdqMediaIndex index, FfmpegVideoAnalyser analyser, Path video, Path tmp, String label, long expected)
            throws Exception {
        int count = 0, found = 0;
        for (int start : new int[] {0, 3, 7, 10, 14, 17, 20}) {
            Path clip = TestVideos.make(
                    tmp.resolve("clip-" + video.getFileName() + "-" + start + ".webm"),
                    "-ss",
                    Integer.toString(start),
                    "-i",
                    video.toString(),
                    "-t",
                    "4",
                    "-vf",
                    "scale=480:-2",
                    "-c:v",
                    "libvpx",
                    "-b:v",
                    "500k");
            VideoAnalysis a = analyser.analyse(clip, clip.toString());
            found += hit(index.matchParts(a.frames(), 31, -1), expected) ? 1 : 0;
            count++;
        }
        return new Row(label, count, found, -1);
    }

    private static boolean hit(List<MediaMatch> matches, long expected) {
        return expected > 0 ? matches.stream().anyMatch(m -> m.seq() == expected) : !matches.isEmpty();
    }

    private static List<Path> synthetic(Path tmp, String prefix, long seed) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Random r = new Random(seed + i);
            BufferedImage img = new BufferedImage(960, 540, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new java.awt.GradientPaint(0, 0, new Color(r.nextInt()), 960, 540, new Color(r.nextInt())));
            g.fillRect(0, 0, 960, 540);
            for (int k = 0; k < 100; k++) {
                g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 180));
                int x = r.nextInt(960), y = r.nextInt(540), w = 20 + r.nextInt(200), h = 20 + r.nextInt(200);
                if (k % 2 == 0) {
                    g.fillOval(x, y, w, h);
                } else {
                    g.fillRect(x, y, w, h);
                }
            }
            g.dispose();
            Path p = tmp.resolve(prefix + i + ".png");
            ImageIO.write(img, "png", p.toFile());
            out.add(p);
        }
        return out;
    }

    /** The picture stretched to a w×h frame, so that every slide has the video's size. */
    private static BufferedImage fit(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static Path resource(String name) {
        try {
            return Path.of(VideoEvaluation.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
