package org.daleel.media.crop;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import org.daleel.match.Hash256;
import org.daleel.media.pdq.PdqDihedralHashes;
import org.daleel.media.pdq.PdqHash;
import org.daleel.media.pdq.PdqHasher;

/**
 * Recall and false positives of stage 1 (whole-frame PDQ with the eight dihedral hashes, distance at
 * most 31, quality at least 50) and stage 2 ({@link CropRobustMatcher}) on edits of a set of
 * pictures: every picture is archived, every edit is a query, a hit on its own source counts for
 * recall and a hit on any other picture (except declared related pairs) is a false positive.
 */
final class CropEvaluation {
    static final int PDQ_THRESHOLD = 31;

    record Picture(String name, BufferedImage image) {}

    /** An edit; {@code group} says which recall target it belongs to. */
    record Edit(String name, String group, BiFunction<BufferedImage, Random, BufferedImage> apply) {}

    record Outcome(
            String picture,
            Edit edit,
            int stage1Distance,
            boolean stage1,
            CropMatch stage2,
            int stage1FalsePositives,
            int stage2FalsePositives,
            List<String> falsePositiveNames) {
        boolean stage2Hit() {
            return stage2 != null;
        }
    }

    static final String GROUP_PDQ = "PDQ-robust edits";
    static final String GROUP_CROP = "crops up to 25%";
    static final String GROUP_FRAME = "borders and screenshots";

    /** The edits of the evaluation, in report order. */
    static List<Edit> edits() {
        List<Edit> out = new ArrayList<>();
        out.add(new Edit("resize 60% + JPEG q60", GROUP_PDQ, (o, r) -> Edits.jpeg(Edits.scale(o, 0.6), 0.6f)));
        out.add(new Edit(
                "caption bar 11% + resize 80%",
                GROUP_PDQ, (o, r) -> Edits.jpeg(Edits.caption(Edits.scale(o, 0.8), 0.11), 0.7f)));
        out.add(new Edit("mirror + JPEG q80", GROUP_PDQ, (o, r) -> Edits.jpeg(Edits.mirror(o), 0.8f)));
        for (int c : new int[] {2, 5, 10, 12, 15, 20, 25}) {
            out.add(new Edit(
                    "crop " + c + "% centred",
                    GROUP_CROP,
                    (o, r) -> Edits.jpeg(Edits.scale(Edits.centredCrop(o, c / 100.0), 0.6), 0.6f)));
        }
        for (int c : new int[] {5, 10, 15, 20, 25}) {
            out.add(new Edit(
                    "crop " + c + "% off-centre",
                    GROUP_CROP,
                    (o, r) -> Edits.jpeg(
                            Edits.scale(
                                    Edits.crop(
                                            o,
                                            Region.anchored(
                                                    1 - c / 100.0, 1 - c / 100.0, r.nextDouble(), r.nextDouble())),
                                    0.6),
                            0.6f)));
        }
        for (int c : new int[] {10, 20, 25}) {
            out.add(new Edit(
                    "crop " + c + "% from one side",
                    GROUP_CROP,
                    (o, r) -> Edits.jpeg(Edits.scale(Edits.crop(o, oneSide(c / 100.0, r.nextInt(4))), 0.6), 0.6f)));
        }
        out.add(new Edit(
                "Edit2: crop 12%, 50%, caption 8%",
                GROUP_CROP,
                (o, r) -> Edits.jpeg(Edits.caption(Edits.scale(Edits.centredCrop(o, 0.12), 0.5), 0.08), 0.6f)));
        out.add(new Edit(
                "mirror + crop 15% off-centre",
                GROUP_CROP,
                (o, r) -> Edits.jpeg(
                        Edits.mirror(Edits.crop(o, Region.anchored(0.85, 0.85, r.nextDouble(), r.nextDouble()))),
                        0.7f)));
        out.add(new Edit(
                "letterbox, black bars 15%",
                GROUP_FRAME, (o, r) -> Edits.jpeg(Edits.border(o, Color.BLACK, 0, 0.15, 0, 0.15), 0.7f)));
        out.add(new Edit(
                "white frame 8%",
                GROUP_FRAME, (o, r) -> Edits.jpeg(Edits.border(o, Color.WHITE, 0.08, 0.08, 0.08, 0.08), 0.7f)));
        out.add(new Edit(
                "pillarbox, grey 20% each side",
                GROUP_FRAME, (o, r) -> Edits.jpeg(Edits.border(o, new Color(40, 40, 40), 0.2, 0, 0.2, 0), 0.7f)));
        out.add(new Edit(
                "screenshot, light theme, photo 80% wide",
                GROUP_FRAME, (o, r) -> Edits.jpeg(Edits.screenshot(o, 0.8, false, r.nextInt(1000)), 0.8f)));
        out.add(new Edit(
                "screenshot, dark theme, photo 92% wide",
                GROUP_FRAME, (o, r) -> Edits.jpeg(Edits.screenshot(o, 0.92, true, r.nextInt(1000)), 0.8f)));
        out.add(new Edit(
                "crop 20% off-centre in a white frame",
                GROUP_FRAME,
                (o, r) -> Edits.jpeg(
                        Edits.border(
                                Edits.crop(o, Region.anchored(0.8, 0.8, r.nextDouble(), r.nextDouble())),
                                Color.WHITE,
                                0.06,
                                0.1,
                                0.06,
                                0.1),
                        0.7f)));
        return out;
    }

    static Region oneSide(double c, int side) {
        return switch (side) {
            case 0 -> new Region(c, 0, 1 - c, 1);
            case 1 -> new Region(0, 0, 1 - c, 1);
            case 2 -> new Region(0, c, 1, 1 - c);
            default -> new Region(0, 0, 1, 1 - c);
        };
    }

    private final PdqHasher pdq = new PdqHasher();
    private final CropRobustMatcher matcher;
    private final List<Picture> archive;
    private final Set<Set<String>> related;
    private final RegionIndex index = RegionIndex.inMemory();
    private final List<PdqHash> archiveHashes = new ArrayList<>();
    private long indexNanos;

    /**
     * Archives {@code archive} (ids are list positions).
     *
     * @param related pairs of picture names that show the same thing (not false positives)
     */
    CropEvaluation(CropRobustMatcher matcher, List<Picture> archive, Set<Set<String>> related) {
        this.matcher = matcher;
        this.archive = archive;
        this.related = related;
        for (int i = 0; i < archive.size(); i++) {
            BufferedImage image = archive.get(i).image;
            archiveHashes.add(pdq.hash(image));
            long t0 = System.nanoTime();
            matcher.index(i, image, index);
            indexNanos += System.nanoTime() - t0;
        }
    }

    double indexMillisPerPicture() {
        return indexNanos / 1e6 / archive.size();
    }

    /** Runs {@code edits} on the archive's pictures {@code from..to-1}. */
    List<Outcome> run(List<Edit> edits, int from, int to, long seed) {
        List<Outcome> out = new ArrayList<>();
        for (int k = from; k < to; k++) {
            Random random = new Random(seed * 1_000_003L + k);
            for (Edit e : edits) {
                out.add(query(k, e, e.apply.apply(archive.get(k).image, random)));
            }
        }
        return out;
    }

    private long queryNanos;
    private int queries;

    double queryMillis() {
        return queryNanos / 1e6 / Math.max(1, queries);
    }

    private Outcome query(int k, Edit e, BufferedImage q) {
        PdqDihedralHashes dihedral = pdq.hashDihedral(q);
        int own = 256;
        int stage1Fp = 0;
        List<String> fpNames = new ArrayList<>();
        for (int i = 0; i < archive.size(); i++) {
            int d = 256;
            for (Hash256 h : dihedral.hashes()) {
                d = Math.min(d, h.distance(archiveHashes.get(i).hash()));
            }
            boolean usable = dihedral.quality() >= 50 && archiveHashes.get(i).quality() >= 50;
            if (i == k) {
                own = usable ? d : 256;
            } else if (usable && d <= PDQ_THRESHOLD && !related(k, i)) {
                stage1Fp++;
                fpNames.add("stage 1: " + archive.get(i).name + " at " + d);
            }
        }
        long t0 = System.nanoTime();
        List<CropMatch> matches = matcher.match(q, index);
        queryNanos += System.nanoTime() - t0;
        queries++;
        CropMatch hit = null;
        int stage2Fp = 0;
        for (CropMatch m : matches) {
            if (m.imageId() == k) {
                hit = m;
            } else if (!related(k, (int) m.imageId())) {
                stage2Fp++;
                fpNames.add("stage 2: " + archive.get((int) m.imageId()).name + ": " + m.explain());
            }
        }
        return new Outcome(archive.get(k).name, e, own, own <= PDQ_THRESHOLD, hit, stage1Fp, stage2Fp, fpNames);
    }

    private boolean related(int a, int b) {
        return related.contains(Set.of(archive.get(a).name, archive.get(b).name));
    }

    int archiveSize() {
        return archive.size();
    }

    // ---- summaries

    record Tally(int n, int stage1, int stage2, int either) {
        Tally plus(Outcome o) {
            return new Tally(
                    n + 1,
                    stage1 + (o.stage1 ? 1 : 0),
                    stage2 + (o.stage2Hit() ? 1 : 0),
                    either + (o.stage1 || o.stage2Hit() ? 1 : 0));
        }

        double stage2Recall() {
            return n == 0 ? 0 : stage2 / (double) n;
        }
    }

    static Map<String, Tally> byEdit(List<Outcome> outcomes) {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            out.merge(o.edit.name, new Tally(0, 0, 0, 0).plus(o), CropEvaluation::sum);
        }
        return out;
    }

    static Map<String, Tally> byGroup(List<Outcome> outcomes) {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            out.merge(o.edit.group, new Tally(0, 0, 0, 0).plus(o), CropEvaluation::sum);
        }
        return out;
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.n + b.n, a.stage1 + b.stage1, a.stage2 + b.stage2, a.either + b.either);
    }

    /** Total false-positive pairs of each stage: {@code {stage1, stage2, pairs}}. */
    long[] falsePositives(List<Outcome> outcomes) {
        long s1 = 0, s2 = 0;
        for (Outcome o : outcomes) {
            s1 += o.stage1FalsePositives;
            s2 += o.stage2FalsePositives;
        }
        return new long[] {s1, s2, (long) outcomes.size() * (archive.size() - 1)};
    }

    /** A markdown table of recall per edit and per group, and the false positives. */
    String table(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        sb.append("| edit | queries | stage 1 (PDQ) | stage 2 (crop-robust) | either |\n");
        sb.append("|---|---:|---:|---:|---:|\n");
        byEdit(outcomes).forEach((name, t) -> row(sb, name, t));
        byGroup(outcomes).forEach((name, t) -> row(sb, "**" + name + "**", t));
        Tally all = new Tally(0, 0, 0, 0);
        for (Outcome o : outcomes) {
            all = all.plus(o);
        }
        row(sb, "**all edits**", all);
        long[] fp = falsePositives(outcomes);
        sb.append(String.format(
                Locale.ROOT,
                "%nFalse positives (a query matching a picture it was not made from): "
                        + "stage 1 %d, stage 2 %d, out of %d query-picture pairs.%n",
                fp[0],
                fp[1],
                fp[2]));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Tally t) {
        sb.append(String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s |%n",
                name,
                t.n,
                pct(t.stage1, t.n),
                pct(t.stage2, t.n),
                pct(t.either, t.n)));
    }

    private static String pct(int k, int n) {
        return String.format(Locale.ROOT, "%d (%.0f%%)", k, n == 0 ? 0 : 100.0 * k / n);
    }
}
