package org.daleel.media.index;

/**
 * The 16-bit masks that multi-index probing flips into a substring: listed in advance up to
 * {@value #LISTED_WEIGHT} bits set (so that probing is a plain loop of independent reads), and
 * enumerated in increasing order beyond (Gosper's hack).
 */
final class Masks16 {
    static final int WIDTH = 16;
    static final int VALUES = 1 << WIDTH;

    /** Masks are listed in advance up to this many bits set. */
    static final int LISTED_WEIGHT = 4;

    /** {@code LISTED[weight]}: every 16-bit mask with {@code weight} bits set. */
    private static final int[][] LISTED = new int[LISTED_WEIGHT + 1][];

    static {
        for (int weight = 0; weight <= LISTED_WEIGHT; weight++) {
            int[] list = new int[(int) (ball(weight) - ball(weight - 1))];
            int n = 0;
            for (long mask = (1L << weight) - 1; mask < VALUES; mask = next(mask)) {
                list[n++] = (int) mask;
                if (mask == 0) {
                    break;
                }
            }
            LISTED[weight] = list;
        }
    }

    private Masks16() {}

    /** Every mask with {@code weight} bits set, for {@code weight <= LISTED_WEIGHT}. Read-only. */
    static int[] listed(int weight) {
        return LISTED[weight];
    }

    /** The first mask with {@code weight} bits set (then {@link #next} while below {@link #VALUES}). */
    static long first(int weight) {
        return (1L << weight) - 1;
    }

    /** The next larger mask with as many bits set as {@code mask} (which is not 0). */
    static long next(long mask) {
        long c = mask & -mask;
        long t = mask + c;
        return (((t ^ mask) >>> 2) / c) | t;
    }

    /** Number of 16-bit values within {@code r} bits of one value (0 when r &lt; 0). */
    static double ball(int r) {
        double total = 0;
        double c = 1;
        for (int i = 0; i <= Math.min(r, WIDTH); i++) {
            total += c;
            c = c * (WIDTH - i) / (i + 1);
        }
        return total;
    }
}
