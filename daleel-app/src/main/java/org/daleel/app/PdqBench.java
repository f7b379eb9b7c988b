package org.daleel.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.daleel.core.InvalidInputException;
import org.daleel.match.Hash256;
import org.daleel.media.pdq.ImageDecoder;
import org.daleel.media.pdq.PdqHash;
import org.daleel.media.pdq.PdqHasher;

/**
 * {@code daleel bench pdq}: PDQ hashing speed of Daleel against Meta's Java implementation
 * (facebook/ThreatExchange {@code pdq/java}), measured in the same JVM on the same photo, rounds
 * interleaved so that both see the same machine load.
 *
 * <p>Meta's classes are not part of Daleel: the user compiles them and passes the directory or
 * jar; they are called by reflection ({@code pdqhashing.hasher.PDQHasher}: {@code
 * fromBufferedImage} with its five work buffers, and {@code fromFile}, which reads with
 * {@link ImageIO#read} and hashes). Three figures:
 *
 * <ul>
 *   <li>hash only: both hash the same decoded picture (Meta's buffers allocated once, as its API
 *       allows for repeated hashing);
 *   <li>end to end: file to hash, each with its own decoder (Daleel: {@link ImageDecoder} with its
 *       pixel bound; Meta: {@code ImageIO.read});
 *   <li>agreement: the Hamming distance between the two hashes and the two quality values.
 * </ul>
 */
final class PdqBench {
    private static final String META_HASHER = "pdqhashing.hasher.PDQHasher";

    private final Path photo;
    private final Path reference;
    private final int rounds;

    PdqBench(Path photo, Path reference, int rounds) {
        if (!Files.isRegularFile(photo)) {
            throw new InvalidInputException("bench pdq --photo " + photo + ": expected an image file, found none"
                    + " (run from the project root, or give --photo FILE)");
        }
        if (reference != null && !Files.exists(reference)) {
            throw new InvalidInputException("bench pdq --reference " + reference
                    + ": expected the directory or jar of Meta's compiled pdq/java classes, found nothing"
                    + " (see docs/benchmarks.md)");
        }
        if (rounds < 1) {
            throw new InvalidInputException("bench pdq --rounds " + rounds + ": expected at least 1");
        }
        this.photo = photo;
        this.reference = reference;
        this.rounds = rounds;
    }

    void run() throws IOException {
        ImageDecoder decoder = new ImageDecoder();
        PdqHasher ours = new PdqHasher(decoder);
        BufferedImage image = ImageIO.read(photo.toFile());
        if (image == null) {
            throw new InvalidInputException("bench pdq --photo " + photo + ": no image reader for this file");
        }
        Meta meta = reference == null ? null : Meta.load(reference, image.getWidth(), image.getHeight());
        System.out.printf(
                Locale.ROOT,
                "pdq: %s, %dx%d, %d rounds after %d warm-up rounds%n",
                photo,
                image.getWidth(),
                image.getHeight(),
                rounds,
                Math.max(10, rounds / 5));
        int warm = Math.max(10, rounds / 5);
        // Per operation: wall and CPU time of this thread (the CPU time is what one core spends; on a
        // shared machine the wall time also counts waiting for a core). Rounds interleave both sides.
        Timings oursHash = new Timings(rounds);
        Timings oursFile = new Timings(rounds);
        Timings oursDecode = new Timings(rounds);
        Timings metaHash = new Timings(rounds);
        Timings metaFile = new Timings(rounds);
        for (int r = -warm; r < rounds; r++) {
            int at = r;
            oursHash.time(at, () -> ours.hash(image));
            oursFile.time(at, () -> ours.hash(photo));
            oursDecode.time(at, () -> decoder.decode(photo));
            if (meta != null) {
                metaHash.time(at, () -> meta.hash(image));
                metaFile.time(at, () -> meta.hashFile(photo));
            }
        }
        PdqHash mine = ours.hash(image);
        System.out.println("  medians, ms: CPU time (wall time)");
        System.out.printf(
                Locale.ROOT,
                "  Daleel: hash of the decoded picture %s; decode %s; file to hash %s%n",
                oursHash,
                oursDecode,
                oursFile);
        if (meta == null) {
            System.out.println("  Meta's Java PDQ: not measured (give --reference DIR|JAR; see docs/benchmarks.md)");
            System.out.println("  hash " + mine.hash().toHex() + " quality " + mine.quality());
            return;
        }
        Meta.Result theirs = meta.hash(image);
        Hash256 theirHash = Hash256.fromHex(theirs.hex());
        System.out.printf(
                Locale.ROOT, "  Meta's Java: hash of the decoded picture %s; file to hash %s%n", metaHash, metaFile);
        System.out.printf(
                Locale.ROOT,
                "  Daleel is %.1fx faster on the hash, %.1fx end to end (CPU time; wall time: %.1fx and %.1fx)%n",
                metaHash.cpuMedian() / oursHash.cpuMedian(),
                metaFile.cpuMedian() / oursFile.cpuMedian(),
                metaHash.wallMedian() / oursHash.wallMedian(),
                metaFile.wallMedian() / oursFile.wallMedian());
        System.out.printf(
                Locale.ROOT,
                "  hashes: Daleel %s quality %d; Meta %s quality %d; distance %d bits%n",
                mine.hash().toHex(),
                mine.quality(),
                theirHash.toHex(),
                theirs.quality(),
                mine.hash().distance(theirHash));
    }

    /** Wall and CPU times of one operation over the timed rounds. */
    private static final class Timings {
        private final long[] wall;
        private final long[] cpu;

        Timings(int rounds) {
            wall = new long[rounds];
            cpu = new long[rounds];
        }

        interface Op {
            void run() throws IOException;
        }

        /** Runs {@code op}, recording its times when {@code round} is not a warm-up round (>= 0). */
        void time(int round, Op op) throws IOException {
            long c = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t = System.nanoTime();
            op.run();
            long w = System.nanoTime() - t;
            long u = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c;
            if (round >= 0) {
                wall[round] = w;
                cpu[round] = u;
            }
        }

        double cpuMedian() {
            return BenchCommand.pct(cpu, 50);
        }

        double wallMedian() {
            return BenchCommand.pct(wall, 50);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f (%.2f)", cpuMedian(), wallMedian());
        }
    }

    /** Meta's hasher, called by reflection from the user's compiled classes. */
    private static final class Meta {
        record Result(String hex, int quality) {}

        private final Object hasher;
        private final Method fromBufferedImage;
        private final Method fromFile;
        private final Object metadata;
        private final Method getHash;
        private final Method getQuality;
        private final Object[] buffers;

        private Meta(ClassLoader loader, int width, int height) throws ReflectiveOperationException {
            Class<?> type = Class.forName(META_HASHER, true, loader);
            hasher = type.getConstructor().newInstance();
            fromBufferedImage = type.getMethod(
                    "fromBufferedImage",
                    BufferedImage.class,
                    float[].class,
                    float[].class,
                    float[][].class,
                    float[][].class,
                    float[][].class);
            Class<?> metadataType = Class.forName(META_HASHER + "$HashingMetadata", true, loader);
            fromFile = type.getMethod("fromFile", String.class, metadataType);
            metadata = metadataType.getConstructor().newInstance();
            Class<?> resultType = fromBufferedImage.getReturnType();
            getHash = resultType.getMethod("getHash");
            getQuality = resultType.getMethod("getQuality");
            int n = width * height;
            buffers =
                    new Object[] {new float[n], new float[n], new float[64][64], new float[16][64], new float[16][16]};
        }

        static Meta load(Path reference, int width, int height) {
            try {
                URL url = reference.toUri().toURL();
                // Not closed: the classes stay loaded for the rest of this short-lived process.
                @SuppressWarnings("resource")
                URLClassLoader loader = new URLClassLoader(new URL[] {url}, PdqBench.class.getClassLoader());
                return new Meta(loader, width, height);
            } catch (MalformedURLException | ReflectiveOperationException | LinkageError e) {
                throw new InvalidInputException(
                        "bench pdq --reference " + reference + ": expected Meta's compiled class " + META_HASHER
                                + " with fromBufferedImage and fromFile, found: " + e,
                        e);
            }
        }

        Result hash(BufferedImage image) {
            Object[] args = new Object[] {image, buffers[0], buffers[1], buffers[2], buffers[3], buffers[4]};
            return result(invoke(fromBufferedImage, args));
        }

        Result hashFile(Path file) {
            return result(invoke(fromFile, file.toString(), metadata));
        }

        private Result result(Object hashAndQuality) {
            try {
                Object hash = getHash.invoke(hashAndQuality);
                return new Result(hash.toString(), (Integer) getQuality.invoke(hashAndQuality));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Meta's PDQ result: " + e, e);
            }
        }

        private Object invoke(Method m, Object... args) {
            try {
                return m.invoke(hasher, args);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Meta's PDQ " + m.getName() + ": " + e.getCause(), e);
            }
        }
    }
}
