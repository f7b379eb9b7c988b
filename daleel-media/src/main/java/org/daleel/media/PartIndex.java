package org.daleel.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.daleel.core.DaleelException;
import org.daleel.match.Hash256;
import org.daleel.match.HashMatch;
import org.daleel.match.MediaIndex;
import org.daleel.match.MediaPart;
import org.daleel.media.crop.RegionCodes;
import org.daleel.media.crop.RegionIndex;
import org.daleel.media.index.PackedMultiIndexHashIndex;

/**
 * The pictures inside items that are not pictures (a video's sampled frames, a captured page's
 * images), keyed by item seq and part number.
 *
 * <p>Parts that carry region codes ({@link MediaPart#regions}: scene frames of a video, large page
 * images) also go into a {@link RegionIndex} (picture id {@code seq * MAX_PARTS + number}), so that
 * the crop-robust matcher finds a cropped copy of them; at most {@value #MAX_CODED_PARTS} parts per
 * item keep their codes (the first ones), which bounds that index at about 20 KB per item. Parts
 * are held in memory without their codes (the region index has them).
 *
 * <p>Persistence: an append-only log {@code parts.log}, one line per part ({@code seq, number,
 * quality, millis, url, pdq, regions}, tab-separated, the URL percent-escaped, regions possibly
 * empty; lines of six fields, from before region codes, are read too), a line {@code seq -} that
 * clears an item's parts, and a line {@code seq = result} (the result percent-escaped) recording
 * that the item was analysed and gave no parts ({@link #putNone}); each {@link #put} and {@link
 * #putNone} appends and forces its lines before returning. On open
 * the log is read into memory and the hash index ({@link PackedMultiIndexHashIndex}, entry id
 * {@code seq * MAX_PARTS + number}) is rebuilt from it, so the two never disagree; a torn last line
 * (a crash while appending) is ignored. When most lines are dead the log is rewritten on open.
 * Thread-safe (synchronized); one process at a time, under the data directory's writer lock.
 */
final class PartIndex implements AutoCloseable {
    private static final int MAX_PARTS = MediaIndex.MAX_PARTS;

    /** Most parts of one item that keep region codes for crop-robust matching. */
    static final int MAX_CODED_PARTS = 16;

    private final Path log;
    private final Map<Long, List<MediaPart>> parts = new HashMap<>();
    private final Map<Long, String> noParts = new HashMap<>();
    private final PackedMultiIndexHashIndex hashes = PackedMultiIndexHashIndex.inMemory();
    private final RegionIndex regions = RegionIndex.inMemory();
    private final int minQuality;
    private FileChannel out;

    private PartIndex(Path log, int minQuality) {
        this.log = log;
        this.minQuality = minQuality;
    }

    /** Opens (creating when needed) the part index in {@code dir}. */
    static PartIndex open(Path dir, int minQuality) throws IOException {
        Files.createDirectories(dir);
        PartIndex index = new PartIndex(dir.resolve("parts.log"), minQuality);
        int lines = index.load();
        int live = index.parts.values().stream().mapToInt(List::size).sum() + index.noParts.size();
        if (lines > 1000 && lines > 2 * live) {
            index.rewrite();
        }
        index.out = FileChannel.open(
                index.log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return index;
    }

    private int load() throws IOException {
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                count++;
                String[] f = line.split("\t", -1);
                try {
                    long seq = Long.parseLong(f[0]);
                    if (f.length == 2 && f[1].equals("-")) {
                        clear(seq);
                    } else if (f.length == 3 && f[1].equals("=")) {
                        clear(seq);
                        noParts.put(seq, unescape(f[2]));
                    } else if (f.length == 6 || f.length == 7) {
                        MediaPart p = new MediaPart(
                                f[5],
                                Integer.parseInt(f[2]),
                                Long.parseLong(f[3]),
                                unescape(f[4]),
                                f.length == 7 ? f[6] : "");
                        remember(seq, Integer.parseInt(f[1]), p);
                    }
                } catch (RuntimeException e) {
                    // a torn line left by a crash while appending: its put was never acknowledged
                }
            }
        }
        return count;
    }

    private void rewrite() throws IOException {
        Path temp = log.resolveSibling("parts.log.tmp");
        StringBuilder s = new StringBuilder();
        parts.forEach((seq, list) -> {
            for (int i = 0; i < list.size(); i++) {
                String codes = regions.codes(seq * MAX_PARTS + i)
                        .map(RegionCodes::encode)
                        .orElse("");
                line(s, seq, i, list.get(i).withRegions(codes));
            }
        });
        noParts.forEach((seq, result) -> noneLine(s, seq, result));
        try (FileChannel ch = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            write(ch, s);
            ch.force(true);
        }
        Files.move(temp, log, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Replaces the parts of {@code seq} (at most {@link MediaIndex#MAX_PARTS}, region codes for at
     * most {@value #MAX_CODED_PARTS}); durable on return.
     */
    synchronized void put(long seq, List<MediaPart> list) {
        checkSeq(seq);
        List<MediaPart> kept = new ArrayList<>(list.size() > MAX_PARTS ? list.subList(0, MAX_PARTS) : list);
        int coded = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).hasRegions() && ++coded > MAX_CODED_PARTS) {
                kept.set(i, kept.get(i).withRegions(""));
            }
        }
        if (kept.isEmpty() && !parts.containsKey(seq) && !noParts.containsKey(seq)) {
            return;
        }
        StringBuilder s = new StringBuilder();
        s.append(seq).append("\t-\n");
        for (int i = 0; i < kept.size(); i++) {
            line(s, seq, i, kept.get(i));
        }
        try {
            write(out, s);
            out.force(false);
        } catch (IOException e) {
            throw new DaleelException(log + ": could not write: " + e.getMessage(), e);
        }
        clear(seq);
        for (int i = 0; i < kept.size(); i++) {
            remember(seq, i, kept.get(i));
        }
    }

    /**
     * Records that {@code seq} was analysed and gave no parts, with {@code result} (clipped to
     * {@value #MAX_RESULT} characters), replacing any parts it had; durable on return.
     */
    synchronized void putNone(long seq, String result) {
        checkSeq(seq);
        String clipped = result.length() > MAX_RESULT ? result.substring(0, MAX_RESULT) : result;
        StringBuilder s = new StringBuilder();
        noneLine(s, seq, clipped);
        try {
            write(out, s);
            out.force(false);
        } catch (IOException e) {
            throw new DaleelException(log + ": could not write: " + e.getMessage(), e);
        }
        clear(seq);
        noParts.put(seq, clipped);
    }

    /** Most characters of a {@link #putNone} result that are kept. */
    static final int MAX_RESULT = 1000;

    /** Whether parts or a {@link #putNone} result are recorded for {@code seq}. */
    synchronized boolean recorded(long seq) {
        return parts.containsKey(seq) || noParts.containsKey(seq);
    }

    /** The {@link #putNone} result of {@code seq}, when that is what is recorded for it. */
    synchronized java.util.Optional<String> noPartsResult(long seq) {
        return java.util.Optional.ofNullable(noParts.get(seq));
    }

    private static void checkSeq(long seq) {
        if (seq < 0 || seq > Long.MAX_VALUE / MAX_PARTS / RegionIndex.MAX_REGIONS) {
            throw new IllegalArgumentException("seq " + seq + " is out of range for the part index");
        }
    }

    private static void noneLine(StringBuilder s, long seq, String result) {
        s.append(seq).append("\t=\t").append(escape(result)).append('\n');
    }

    /** The parts of {@code seq}, empty when none. */
    synchronized List<MediaPart> get(long seq) {
        return List.copyOf(parts.getOrDefault(seq, List.of()));
    }

    /** Parts within {@code radius} of {@code query}, nearest first. */
    synchronized List<Hit> search(Hash256 query, int radius) {
        List<Hit> out = new ArrayList<>();
        for (HashMatch m : hashes.search(query, radius)) {
            long seq = m.id() / MAX_PARTS;
            int number = (int) (m.id() % MAX_PARTS);
            List<MediaPart> list = parts.get(seq);
            if (list != null && number < list.size()) {
                out.add(new Hit(seq, list.get(number), m.distance()));
            }
        }
        return out;
    }

    /** The region codes of the parts that have them (picture id {@code seq * MAX_PARTS + number}). */
    RegionIndex regions() {
        return regions;
    }

    /** The part that region-index picture {@code imageId} stands for, when still present. */
    synchronized java.util.Optional<Hit> regionPart(long imageId, int distance) {
        long seq = imageId / MAX_PARTS;
        int number = (int) (imageId % MAX_PARTS);
        List<MediaPart> list = parts.get(seq);
        return list != null && number < list.size()
                ? java.util.Optional.of(new Hit(seq, list.get(number), distance))
                : java.util.Optional.empty();
    }

    /** Number of items with parts. */
    synchronized int items() {
        return parts.size();
    }

    private void clear(long seq) {
        noParts.remove(seq);
        List<MediaPart> old = parts.remove(seq);
        if (old != null) {
            for (int i = 0; i < old.size(); i++) {
                hashes.remove(seq * MAX_PARTS + i);
                regions.remove(seq * MAX_PARTS + i);
            }
        }
    }

    private void remember(long seq, int number, MediaPart p) {
        List<MediaPart> list = parts.computeIfAbsent(seq, k -> new ArrayList<>());
        if (number != list.size()) {
            return; // out of order: only a damaged log does this
        }
        list.add(p.withRegions(""));
        if (p.quality() >= minQuality) {
            hashes.add(seq * MAX_PARTS + number, Hash256.fromHex(p.pdq()));
        }
        RegionCodes.decode(p.regions()).ifPresent(c -> regions.add(seq * MAX_PARTS + number, c));
    }

    private static void line(StringBuilder s, long seq, int number, MediaPart p) {
        s.append(seq)
                .append('\t')
                .append(number)
                .append('\t')
                .append(p.quality())
                .append('\t')
                .append(p.frameMillis())
                .append('\t')
                .append(escape(p.imageUrl()))
                .append('\t')
                .append(p.pdq())
                .append('\t')
                .append(p.regions())
                .append('\n');
    }

    private static void write(FileChannel ch, CharSequence s) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(s.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c < 0x20 || c == 0x7f) {
                b.append('%').append(String.format(java.util.Locale.ROOT, "%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.force(true);
                out.close();
            }
        } catch (IOException e) {
            throw new DaleelException(log + ": could not close: " + e.getMessage(), e);
        } finally {
            hashes.close();
            regions.close();
        }
    }

    /** A part near a query. */
    record Hit(long seq, MediaPart part, int distance) {}
}
