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
 *       inside them ({@link ContentBox}); each, as is and mirrored, is covered by about 250 windows.
 *       Each window's key is computed from a 32x32 block (a quarter of the work; a few bits off the
 *       64x64 key; the mirrored window's key from the same block) and looked up in the index
 *       ({@link RegionIndex#candidateKeys}): one bucket in each of {@link RegionKeys}' tables,
 *       keeping keys within {@link Settings#keyRadius()} that agree with it on all the bits of at
 *       least one table.
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

    /** {@link #regionHashes} with the picture's size, as text can carry them ({@link RegionCodes}). */
    public RegionCodes regionCodes(BufferedImage image) {
        return new RegionCodes(image.getWidth(), image.getHeight(), regionHashes(image));
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
        return match(query, List.of(index)).get(0);
    }

    /**
     * {@link #match(BufferedImage, RegionIndex)} in each of several indexes, the query's windows
     * coded once: element {@code i} of the result holds the matches in {@code indexes.get(i)}.
     */
    public List<List<CropMatch>> match(BufferedImage query, List<RegionIndex> indexes) {
        List<Window> windows = windows(query);
        List<List<CropMatch>> out = new ArrayList<>(indexes.size());
        for (RegionIndex index : indexes) {
            Map<Long, Candidate> candidates = new HashMap<>();
            for (Window w : windows) {
                index.candidateKeys(w.key, settings.keyRadius(), (id, distance) -> {
                    Candidate c = candidates.get(id);
                    if (c == null || distance < c.keyDistance) {
                        candidates.put(id, new Candidate(id, distance, w.frame, w.region));
                    }
                });
            }
            out.add(confirm(candidates, index));
        }
        return out;
    }

    /**
     * The query's frames (as decoded, inside its borders when it has any, and each mirrored) and
     * their windows' keys, flat windows left out. A mirrored frame's windows are the mirror images
     * of the unmirrored frame's (the layout is symmetric), so their keys come from the same blocks.
     */
    List<Window> windows(BufferedImage query) {
        RegionPlane plane = RegionPlane.of(LumaPlane.of(query, WORKING_SIZE));
        List<Window> out = new ArrayList<>(1200);
        code(plane, Region.FULL, out);
        ContentBox.of(plane).ifPresent(b -> code(plane.crop(b), b, out));
        return out;
    }

    private void code(RegionPlane plane, Region inQuery, List<Window> out) {
        Frame frame = new Frame(plane, inQuery, false);
        Frame mirror = settings.mirror() ? new Frame(plane.mirrored(), inQuery, true) : frame;
        for (Region window : RegionLayout.query(plane.width(), plane.height())) {
            float[] block = plane.block(window, RegionCoder.COARSE_CELLS);
            if (RegionCoder.coarseQuality(block) < settings.minQuality()) {
                continue;
            }
            if (!settings.mirror()) {
                out.add(new Window(frame, window, coder.key(block)));
                continue;
            }
            Hash256[] keys = coder.keyAndMirror(block);
            out.add(new Window(frame, window, keys[0]));
            Region mirrored = new Region(Math.max(0, 1 - window.x() - window.w()), window.y(), window.w(), window.h());
            out.add(new Window(mirror, mirrored, keys[1]));
        }
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
    record Frame(RegionPlane plane, Region inQuery, boolean mirrored) {
        /** A window of this frame in fractions of the query as decoded. */
        Region toQuery(Region window) {
            Region w = mirrored
                    ? new Region(Math.max(0, 1 - window.x() - window.w()), window.y(), window.w(), window.h())
                    : window;
            return inQuery.compose(w);
        }
    }

    private record Candidate(long entryId, int keyDistance, Frame frame, Region window) {}

    /** A query window, the frame it lies in and its key. */
    record Window(Frame frame, Region region, Hash256 key) {}
}
