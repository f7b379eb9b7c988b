package org.daleel.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.daleel.core.DaleelException;
import org.daleel.match.Fingerprint;
import org.daleel.match.Hash256;
import org.daleel.match.HashMatch;
import org.daleel.match.MediaIndex;
import org.daleel.match.MediaMatch;
import org.daleel.match.MediaPart;
import org.daleel.media.crop.CropMatch;
import org.daleel.media.crop.CropRobustMatcher;
import org.daleel.media.crop.RegionIndex;
import org.daleel.media.index.PackedMultiIndexHashIndex;
import org.daleel.media.pdq.Dihedral;
import org.daleel.media.pdq.ImageDecoder;
import org.daleel.media.pdq.PdqDihedralHashes;
import org.daleel.media.pdq.PdqHash;
import org.daleel.media.pdq.PdqHasher;

/**
 * {@link MediaIndex} on PDQ: stage one compares whole pictures (Meta's PDQ, all eight rotations and
 * mirror images of the query, quality at least 50) in a {@link PackedMultiIndexHashIndex}; stage two
 * ({@link CropRobustMatcher}) finds pictures of which the query shows a crop, a bordered copy or a
 * screenshot, also among the parts that carry region codes (a video's scene frames, a captured page's
 * large images: {@link #imagePart}, {@link PartIndex}). Both indexes live under one directory ({@code <data>/media/}); the highest catalog seq
 * they hold is written on close, so after a crash the caller re-adds what follows it (adds replace).
 */
public final class PdqMediaIndex implements MediaIndex {
    /** Meta's recommended quality cut-off: flatter pictures give unreliable hashes. */
    public static final int MIN_QUALITY = 50;

    /**
     * Shorter side, in pixels, from which a page image gets region codes for crop-robust matching
     * (icons, logos and thumbnails do not: a crop of them is too small to match).
     */
    public static final int MIN_CROP_SIDE = 200;

    private final Path dir;
    private final ImageDecoder decoder = new ImageDecoder();
    private final PdqHasher hasher = new PdqHasher(decoder);
    private final CropRobustMatcher cropMatcher = new CropRobustMatcher();
    private final PackedMultiIndexHashIndex frames;
    private final RegionIndex regions;
    private final PartIndex parts;
    private long maxSeq;

    private PdqMediaIndex(
            Path dir, PackedMultiIndexHashIndex frames, RegionIndex regions, PartIndex parts, long maxSeq) {
        this.dir = dir;
        this.frames = frames;
        this.regions = regions;
        this.parts = parts;
        this.maxSeq = maxSeq;
    }

    /** Opens (creating when needed) the media index in {@code dir}; one process at a time. */
    public static PdqMediaIndex open(Path dir) throws IOException {
        Files.createDirectories(dir);
        long seq = 0;
        Path seqFile = dir.resolve("indexed-seq");
        if (Files.isRegularFile(seqFile)) {
            try {
                seq = Long.parseLong(
                        Files.readString(seqFile, StandardCharsets.US_ASCII).strip());
            } catch (NumberFormatException e) {
                seq = 0; // rebuilt from the catalog: adds replace, so starting over is safe
            }
        }
        // The file is written only on a clean close, after both indexes are flushed: after a crash it
        // still holds the last clean state, and the caller re-adds what follows it.
        PackedMultiIndexHashIndex frames = PackedMultiIndexHashIndex.open(dir.resolve("pdq"));
        RegionIndex regions = null;
        try {
            regions = RegionIndex.open(dir.resolve("regions"));
            return new PdqMediaIndex(dir, frames, regions, PartIndex.open(dir.resolve("parts"), MIN_QUALITY), seq);
        } catch (IOException | RuntimeException e) {
            frames.close();
            if (regions != null) {
                regions.close();
            }
            throw e;
        }
    }

    @Override
    public Fingerprint fingerprint(byte[] payload, String name) {
        return decode(payload, name).fingerprint();
    }

    @Override
    public synchronized Fingerprint add(long seq, byte[] payload, String name) {
        Decoded d = decode(payload, name);
        if (d.image() != null) {
            PdqHash pdq = hasher.hash(d.image());
            frames.remove(seq);
            if (pdq.quality() >= MIN_QUALITY) {
                frames.add(seq, pdq.hash());
            }
            regions.remove(seq);
            cropMatcher.index(seq, d.image(), regions);
        }
        maxSeq = Math.max(maxSeq, seq);
        return d.fingerprint();
    }

    @Override
    public List<MediaMatch> match(byte[] payload, String name, int maxDistance) {
        Decoded d = decode(payload, name);
        if (d.image() == null) {
            return List.of();
        }
        Map<Long, MediaMatch> best = new HashMap<>();
        PdqDihedralHashes all = hasher.hashDihedral(d.image());
        if (all.quality() >= MIN_QUALITY) {
            for (Dihedral t : Dihedral.values()) {
                for (HashMatch m : frames.search(all.hash(t), maxDistance)) {
                    String how = t == Dihedral.ORIGINAL ? "whole picture" : "whole picture, " + t.label();
                    keepBest(best, new MediaMatch(m.id(), m.distance(), "pdq", how + ", PDQ distance " + m.distance()));
                }
                String how = t == Dihedral.ORIGINAL ? "whole picture" : "whole picture, " + t.label();
                for (PartIndex.Hit h : parts.search(all.hash(t), maxDistance)) {
                    keepBest(
                            best,
                            partMatch(h, how + " ~ " + h.part().label() + " there, PDQ distance " + h.distance()));
                }
            }
        }
        List<List<CropMatch>> crops = cropMatcher.match(d.image(), List.of(regions, parts.regions()));
        for (CropMatch c : crops.get(0)) {
            if (c.distance() <= maxDistance && !best.containsKey(c.imageId())) {
                best.put(c.imageId(), new MediaMatch(c.imageId(), c.distance(), "crop", c.explain()));
            }
        }
        for (CropMatch c : crops.get(1)) {
            if (c.distance() > maxDistance) {
                continue;
            }
            parts.regionPart(c.imageId(), c.distance()).ifPresent(h -> {
                if (!best.containsKey(h.seq())) {
                    best.put(
                            h.seq(),
                            partMatch(
                                    h,
                                    "crop: " + c.explain() + ", of the "
                                            + h.part().label()));
                }
            });
        }
        List<MediaMatch> out = new ArrayList<>(best.values());
        sort(out);
        return out;
    }

    /**
     * A page image as a part: its PDQ hash, and its region codes when its shorter side is at least
     * {@value #MIN_CROP_SIDE} pixels and its quality at least {@value #MIN_QUALITY}.
     */
    @Override
    public Optional<MediaPart> imagePart(byte[] payload, String url) {
        Decoded d = decode(payload, url);
        if (!(d.fingerprint() instanceof Fingerprint.Hashed h)) {
            return Optional.empty();
        }
        MediaPart part = MediaPart.image(h.pdq(), h.quality(), url);
        BufferedImage image = d.image();
        if (h.quality() >= MIN_QUALITY && Math.min(image.getWidth(), image.getHeight()) >= MIN_CROP_SIDE) {
            part = part.withRegions(cropMatcher.regionCodes(image).encode());
        }
        return Optional.of(part);
    }

    @Override
    public synchronized void addParts(long seq, List<MediaPart> list) {
        parts.put(seq, list);
        maxSeq = Math.max(maxSeq, seq);
    }

    @Override
    public synchronized void addNoParts(long seq, String result) {
        parts.putNone(seq, result);
        maxSeq = Math.max(maxSeq, seq);
    }

    @Override
    public boolean partsRecorded(long seq) {
        return parts.recorded(seq);
    }

    @Override
    public Optional<String> noPartsResult(long seq) {
        return parts.noPartsResult(seq);
    }

    @Override
    public List<MediaPart> parts(long seq) {
        return parts.get(seq);
    }

    @Override
    public List<MediaMatch> matchParts(List<MediaPart> query, int maxDistance, long excludeSeq) {
        Map<Long, MediaMatch> best = new HashMap<>();
        Map<Long, Integer> matchedQueryParts = new HashMap<>();
        int usable = 0;
        for (MediaPart q : query) {
            if (q.quality() < MIN_QUALITY) {
                continue;
            }
            usable++;
            Hash256 hash = Hash256.fromHex(q.pdq());
            Map<Long, MediaMatch> forThis = new HashMap<>();
            for (HashMatch m : frames.search(hash, maxDistance)) {
                keepBest(
                        forThis,
                        new MediaMatch(
                                m.id(),
                                m.distance(),
                                "pdq",
                                q.label() + " here ~ the whole picture there, PDQ distance " + m.distance()));
            }
            for (PartIndex.Hit h : parts.search(hash, maxDistance)) {
                keepBest(
                        forThis,
                        partMatch(
                                h, q.label() + " here ~ " + h.part().label() + " there, PDQ distance " + h.distance()));
            }
            forThis.remove(excludeSeq);
            forThis.values().forEach(m -> {
                keepBest(best, m);
                matchedQueryParts.merge(m.seq(), 1, Integer::sum);
            });
        }
        List<MediaMatch> out = new ArrayList<>();
        for (MediaMatch m : best.values()) {
            int n = matchedQueryParts.getOrDefault(m.seq(), 0);
            String count = usable > 1 ? "; " + n + " of " + usable + " hashed parts match" : "";
            out.add(new MediaMatch(
                    m.seq(), m.distance(), m.method(), m.explanation() + count, m.frameMillis(), m.imageUrl()));
        }
        sort(out);
        return out;
    }

    private static MediaMatch partMatch(PartIndex.Hit h, String explanation) {
        MediaPart p = h.part();
        return p.isFrame()
                ? new MediaMatch(h.seq(), h.distance(), "frame", explanation, p.frameMillis(), p.imageUrl())
                : new MediaMatch(h.seq(), h.distance(), "page-image", explanation, -1, p.imageUrl());
    }

    private static void sort(List<MediaMatch> out) {
        out.sort((a, b) -> a.distance() != b.distance()
                ? Integer.compare(a.distance(), b.distance())
                : Long.compare(a.seq(), b.seq()));
    }

    private static void keepBest(Map<Long, MediaMatch> best, MediaMatch m) {
        best.merge(m.seq(), m, (a, b) -> a.distance() <= b.distance() ? a : b);
    }

    private Decoded decode(byte[] payload, String name) {
        if (!looksLikeImage(payload)) {
            return new Decoded(null, new Fingerprint.NotAnImage());
        }
        try {
            BufferedImage image = decoder.decode(new ByteArrayInputStream(payload), name);
            PdqHash pdq = hasher.hash(image);
            return new Decoded(
                    image,
                    new Fingerprint.Hashed(pdq.hash().toHex(), pdq.quality(), image.getWidth(), image.getHeight()));
        } catch (IOException | DaleelException e) {
            return new Decoded(
                    null, new Fingerprint.Unreadable(e.getMessage() == null ? e.toString() : e.getMessage()));
        } catch (OutOfMemoryError e) {
            return new Decoded(null, new Fingerprint.Unreadable(name + ": too large to decode in memory"));
        }
    }

    private static boolean looksLikeImage(byte[] payload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(payload))) {
            return in != null && ImageIO.getImageReaders(in).hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized long maxSeq() {
        return maxSeq;
    }

    @Override
    public synchronized void close() {
        try {
            frames.close();
            regions.close();
            parts.close();
            Path temp = dir.resolve("indexed-seq.tmp");
            Files.writeString(temp, Long.toString(maxSeq), StandardCharsets.US_ASCII);
            Files.move(
                    temp,
                    dir.resolve("indexed-seq"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DaleelException("media index " + dir + ": could not close: " + e.getMessage(), e);
        }
    }

    private record Decoded(BufferedImage image, Fingerprint fingerprint) {}
}
