package org.daleel.media.crop;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daleel.core.InvalidInputException;
import org.daleel.match.Hash256;
import org.daleel.match.HashMatch;
import org.daleel.media.pdq.LumaPlane;
import org.daleel.media.pdq.PdqHash;

/**
 * The second matcher, after whole-frame PDQ: finds archived pictures that a query shows a part of
 * (crops of up to a quarter of each side, off-centre or not, cut on one side), shows inside
 * something else (borders, letterbox bars, a screenshot of a post), or that show a part of the
 * query; also mirrored.
 *
 * <p>How (region pyramid with alignment; see {@link RegionLayout}, {@link RegionCoder},
 * {@link Aligner}):
 * <ol>
 *   <li>Each picture is reduced once to a luma copy of at most {@value #WORKING_SIZE} pixels a side.
 *   <li>Archive side: 12 regions (whole frame, centred 90% and 80% windows, nine squares around the
 *       centre) each get a coarse key and a PDQ code ({@link #regionHashes}); they go into a
 *       {@link RegionIndex}.
 *   <li>Query side: the frame as decoded and, when borders or a screenshot surround it, the picture
 *       inside them ({@link ContentBox}); each, as is and mirrored, is covered by about 150 windows.
 *       Each window's key is computed from a 32x32 block (a quarter of the work; a few bits off the
 *       64x64 key) and looked up in the index ({@link RegionIndex#candidateKeys}): 16 bucket reads
 *       per window, keeping keys within {@link Settings#keyRadius()} that agree with it on at least
 *       one 16-bit substring. The lookup costs the same at any radius, where an exact radius-34
 *       search read about 600 buckets per window.
 *   <li>Each candidate (archived region, query window) is aligned by a small search that moves and
 *       resizes the query window to minimise the distance of PDQ codes; the candidate is a match
 *       when that distance is at most {@link Settings#maxDistance()} (31, Meta's PDQ cut-off).
 * </ol>
 * A match therefore always says which part of each picture agreed and how closely
 * ({@link CropMatch#explain()}). Work per picture is bounded: one reduction, a fixed number of
 * windows, at most {@link Settings#maxCandidates()} alignments.
 *
 * <p>Immutable and thread-safe; create one and share it.
 */
public final class CropRobustMatcher {
    /** Longer side of the working luma copy. */
    public static final int WORKING_SIZE = 512;

    /**
     * Tuning.
     *
     * @param maxDistance largest PDQ-code distance (after alignment) that is a match; 31 by default
     * @param keyRadius radius of the key search that makes candidates; 34 by default
     * @param minQuality query windows of lower PDQ quality are not searched; 50 by default
     * @param maxCandidates most alignments per query (best keys first); 48 by default
     * @param mirror whether to also look for the mirror image of the query
     */
    public record Settings(int maxDistance, int keyRadius, int minQuality, int maxCandidates, boolean mirror) {
        /** The defaults. */
        public static final Settings DEFAULTS = new Settings(31, 34, 50, 48, true);

        public Settings {
            if (maxDistance < 0 || maxDistance > 256 || keyRadius < 0 || keyRadius > 256) {
                throw new InvalidInputException(
                        "maxDistance " + maxDistance + ", keyRadius " + keyRadius + ": expected 0..256");
            }
            if (minQuality < 0 || minQuality > 100 || maxCandidates < 1) {
                throw new InvalidInputException("minQuality " + minQuality + ", maxCandidates " + maxCandidates
                        + ": expected 0..100 and at least 1");
            }
        }
    }

    private final Settings settings;
    private final RegionCoder coder = new RegionCoder();
    private final Aligner aligner = new Aligner(coder);

    /** A matcher with {@link Settings#DEFAULTS}. */
    public CropRobustMatcher() {
        this(Settings.DEFAULTS);
    }

    /** A matcher with the given settings. */
    public CropRobustMatcher(Settings settings) {
        this.settings = settings;
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /**
     * The codes of an archived picture's regions, for {@link RegionIndex#add} (all twelve, whatever
     * their quality; the index skips flat ones).
     */
    public List<RegionHash> regionHashes(BufferedImage image) {
        RegionPlane plane = RegionPlane.of(LumaPlane.of(image, WORKING_SIZE));
        List<Region> regions = RegionLayout.archive(plane.width(), plane.height());
        List<RegionHash> out = new ArrayList<>(regions.size());
        for (int n = 0; n < regions.size(); n++) {
            float[] block = plane.block(regions.get(n));
            PdqHash pdq = coder.pdq(block);
            out.add(new RegionHash(n, regions.get(n), coder.key(block), pdq.hash(), pdq.quality()));
        }
        return out;
    }

    /** Computes the regions of {@code image} and adds them to {@code index} under {@code imageId}. */
    public void index(long imageId, BufferedImage image, RegionIndex index) {
        index.add(imageId, image.getWidth(), image.getHeight(), regionHashes(image));
    }

    /**
     * The archived pictures matching {@code query}, best (smallest distance) first, ties by image
     * id; one entry per picture, with the region pair that matched best. Empty when none does.
     */
    public List<CropMatch> match(BufferedImage query, RegionIndex index) {
        RegionPlane plane = RegionPlane.of(LumaPlane.of(query, WORKING_SIZE));
        List<Frame> frames = new ArrayList<>(4);
        frames.add(new Frame(plane, Region.FULL, false));
        Optional<Region> box = ContentBox.of(plane);
        box.ifPresent(b -> frames.add(new Frame(plane.crop(b), b, false)));
        if (settings.mirror()) {
            frames.add(new Frame(plane.mirrored(), Region.FULL, true));
            box.ifPresent(b -> frames.add(new Frame(plane.crop(b).mirrored(), b, true)));
        }
        Map<Long, Candidate> candidates = new HashMap<>();
        for (Frame frame : frames) {
            for (Region window : RegionLayout.query(frame.plane.width(), frame.plane.height())) {
                float[] block = frame.plane.block(window, RegionCoder.COARSE_CELLS);
                if (RegionCoder.coarseQuality(block) < settings.minQuality()) {
                    continue;
                }
                for (HashMatch hit : index.candidateKeys(coder.key(block), settings.keyRadius())) {
                    Candidate c = candidates.get(hit.id());
                    if (c == null || hit.distance() < c.keyDistance) {
                        candidates.put(hit.id(), new Candidate(hit.id(), hit.distance(), frame, window));
                    }
                }
            }
        }
        return confirm(candidates, index);
    }

    private List<CropMatch> confirm(Map<Long, Candidate> candidates, RegionIndex index) {
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort(Comparator.comparingInt((Candidate c) -> c.keyDistance).thenComparingLong(c -> c.entryId));
        Map<Long, CropMatch> best = new HashMap<>();
        for (Candidate c : ranked.subList(0, Math.min(ranked.size(), settings.maxCandidates()))) {
            if (best.containsKey(RegionIndex.imageId(c.entryId))) {
                continue; // confirmed by a better-keyed region already
            }
            Optional<Hash256> pdq = index.pdq(c.entryId);
            Optional<Hash256> key = index.key(c.entryId);
            if (pdq.isEmpty() || key.isEmpty()) {
                continue; // removed since the key search
            }
            Aligner.Result aligned = aligner.align(c.frame.plane, c.window, key.get(), pdq.get());
            if (aligned.distance() > settings.maxDistance()) {
                continue;
            }
            long imageId = RegionIndex.imageId(c.entryId);
            int number = RegionIndex.regionNumber(c.entryId);
            CropMatch m = new CropMatch(
                    imageId,
                    aligned.distance(),
                    number,
                    archivedRegion(index, imageId, number),
                    c.frame.toQuery(aligned.window()),
                    c.frame.mirrored,
                    c.keyDistance);
            CropMatch prior = best.get(imageId);
            if (prior == null || m.distance() < prior.distance()) {
                best.put(imageId, m);
            }
        }
        List<CropMatch> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingInt(CropMatch::distance).thenComparingLong(CropMatch::imageId));
        return out;
    }

    private static Region archivedRegion(RegionIndex index, long imageId, int number) {
        Optional<int[]> frame = index.frame(imageId);
        if (frame.isEmpty() || number >= RegionLayout.ARCHIVE_REGIONS) {
            return Region.FULL;
        }
        return RegionLayout.archive(frame.get()[0], frame.get()[1]).get(number);
    }

    /** A frame of the query: the plane searched, where it lies in the query, and whether mirrored. */
    private record Frame(RegionPlane plane, Region inQuery, boolean mirrored) {
        /** A window of this frame in fractions of the query as decoded. */
        Region toQuery(Region window) {
            Region w = mirrored
                    ? new Region(Math.max(0, 1 - window.x() - window.w()), window.y(), window.w(), window.h())
                    : window;
            return inQuery.compose(w);
        }
    }

    private record Candidate(long entryId, int keyDistance, Frame frame, Region window) {}
}
