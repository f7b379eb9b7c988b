package org.daleel.ledger;

import java.util.Optional;

/**
 * The name of one resource of a tiled transparency log (c2sp.org/tlog-tiles): a hash tile
 * {@code tile/<L>/<N>[.p/<W>]} or an entry bundle {@code tile/entries/<N>[.p/<W>]}. {@code <N>} is
 * written in zero-padded 3-digit path elements, all but the last prefixed with {@code x}, so index
 * 1234067 is {@code x001/x234/067}; {@code .p/<W>} marks a partial tile of width W (1 to 255).
 *
 * @param level tile level 0 to 63 for hash tiles, {@link #ENTRIES} for entry bundles
 * @param index the tile's position in its level, from 0
 * @param width number of hashes or entries, 1 to 256 (256 is a full tile)
 */
public record TilePath(int level, long index, int width) {
    /** The {@link #level} of entry bundles. */
    public static final int ENTRIES = -1;
    /** Hashes (or entries) in a full tile. */
    public static final int FULL = 256;

    public TilePath {
        if (level < ENTRIES || level > 63 || index < 0 || width < 1 || width > FULL) {
            throw new IllegalArgumentException("no tile at level " + level + " index " + index + " width " + width);
        }
    }

    /** The hash tile at {@code level}, {@code index}, {@code width}. */
    public static TilePath hashes(int level, long index, int width) {
        return new TilePath(level, index, width);
    }

    /** The entry bundle at {@code index} holding {@code width} entries. */
    public static TilePath entries(long index, int width) {
        return new TilePath(ENTRIES, index, width);
    }

    public boolean isEntryBundle() {
        return level == ENTRIES;
    }

    public boolean isPartial() {
        return width < FULL;
    }

    /** The path relative to the log prefix, with {@code /} separators. */
    public String path() {
        StringBuilder sb = new StringBuilder("tile/")
                .append(isEntryBundle() ? "entries" : Integer.toString(level))
                .append('/');
        String digits = Long.toString(index);
        int groups = Math.max(1, (digits.length() + 2) / 3);
        String padded = "0".repeat(groups * 3 - digits.length()) + digits;
        for (int g = 0; g < groups; g++) {
            if (g < groups - 1) {
                sb.append('x').append(padded, g * 3, g * 3 + 3).append('/');
            } else {
                sb.append(padded, g * 3, g * 3 + 3);
            }
        }
        if (isPartial()) {
            sb.append(".p/").append(width);
        }
        return sb.toString();
    }

    /** Parses a path written by {@link #path()}; empty for anything else. */
    public static Optional<TilePath> parse(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length < 3 || !parts[0].equals("tile")) {
            return Optional.empty();
        }
        int level;
        if (parts[1].equals("entries")) {
            level = ENTRIES;
        } else if (parts[1].matches("0|[1-9][0-9]?") && Integer.parseInt(parts[1]) <= 63) {
            level = Integer.parseInt(parts[1]);
        } else {
            return Optional.empty();
        }
        int last = parts.length - 1;
        int width = FULL;
        if (parts[last - 1].endsWith(".p") && last - 1 >= 2) {
            if (!parts[last].matches("[1-9][0-9]{0,2}") || Integer.parseInt(parts[last]) > 255) {
                return Optional.empty();
            }
            width = Integer.parseInt(parts[last]);
            parts[last - 1] = parts[last - 1].substring(0, parts[last - 1].length() - 2);
            last--;
        }
        long index = 0;
        for (int i = 2; i <= last; i++) {
            String p = parts[i];
            boolean prefixed = p.startsWith("x");
            if (prefixed != (i < last) || !(prefixed ? p.substring(1) : p).matches("[0-9]{3}")) {
                return Optional.empty();
            }
            if (index > (Long.MAX_VALUE - 999) / 1000) {
                return Optional.empty();
            }
            index = index * 1000 + Integer.parseInt(prefixed ? p.substring(1) : p);
        }
        TilePath t = new TilePath(level, index, width);
        return t.path().equals(path) ? Optional.of(t) : Optional.empty();
    }
}
