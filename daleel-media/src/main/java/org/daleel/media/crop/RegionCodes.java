package org.daleel.media.crop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daleel.match.Hash256;

/**
 * A picture's region codes as text, so that they travel with a {@link org.daleel.match.MediaPart}
 * (a video frame or a page image) from where the picture is decoded to the index, and are kept in
 * the part log: {@code width,height;number:key:pdq;...}, each code 64 lowercase hex digits. Only
 * regions the index would keep (quality at least 50) are written, so the text holds at most twelve
 * regions (about 1.6 KB).
 *
 * @param width the picture's width in pixels, as decoded
 * @param height its height
 * @param regions the regions, quality set to 100 when read back (only indexable ones are written)
 */
public record RegionCodes(int width, int height, List<RegionHash> regions) {
    /** Regions of lower quality are not written. */
    static final int MIN_QUALITY = 50;

    public RegionCodes {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("region codes: expected a picture size, found " + width + "x" + height);
        }
        regions = List.copyOf(regions);
    }

    /** The text form; empty when no region is of quality 50 or more. */
    public String encode() {
        StringBuilder s = new StringBuilder(32 + regions.size() * 134);
        s.append(width).append(',').append(height);
        int written = 0;
        for (RegionHash r : regions) {
            if (r.quality() >= MIN_QUALITY) {
                s.append(';').append(r.number()).append(':');
                s.append(r.key().toHex()).append(':').append(r.pdq().toHex());
                written++;
            }
        }
        return written == 0 ? "" : s.toString();
    }

    /**
     * Reads {@link #encode}'s text; empty when {@code text} is empty or not of that form (a part
     * written by another version is then just not crop-matched).
     */
    public static Optional<RegionCodes> decode(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = text.split(";", -1);
            String[] size = parts[0].split(",", -1);
            int width = Integer.parseInt(size[0]);
            int height = Integer.parseInt(size[1]);
            List<Region> layout = RegionLayout.archive(width, height);
            List<RegionHash> regions = new ArrayList<>(parts.length - 1);
            for (int i = 1; i < parts.length; i++) {
                String[] f = parts[i].split(":", -1);
                int number = Integer.parseInt(f[0]);
                if (f.length != 3 || number < 0 || number >= layout.size()) {
                    return Optional.empty();
                }
                regions.add(
                        new RegionHash(number, layout.get(number), Hash256.fromHex(f[1]), Hash256.fromHex(f[2]), 100));
            }
            return Optional.of(new RegionCodes(width, height, regions));
        } catch (RuntimeException e) {
            return Optional.empty(); // not written by encode()
        }
    }
}
