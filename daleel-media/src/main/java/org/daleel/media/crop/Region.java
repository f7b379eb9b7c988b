package org.daleel.media.crop;

import java.util.Locale;

/**
 * A rectangle of a picture in fractions of its width and height, so that it names the same part of
 * the picture at any resolution: {@code (0, 0, 1, 1)} is the whole frame, {@code (0.25, 0, 0.75,
 * 0.5)} the top half minus a quarter on the left.
 *
 * @param x left edge, 0..1
 * @param y top edge, 0..1
 * @param w width, more than 0, with {@code x + w <= 1}
 * @param h height, more than 0, with {@code y + h <= 1}
 */
public record Region(double x, double y, double w, double h) {
    /** The whole frame. */
    public static final Region FULL = new Region(0, 0, 1, 1);

    private static final double SLACK = 1e-9;

    public Region {
        if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1 + SLACK && y + h <= 1 + SLACK)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "region x=%s y=%s w=%s h=%s: expected a non-empty rectangle inside 0..1", x, y, w, h));
        }
    }

    /** The window of {@code w x h} whose free space is split {@code px : 1 - px} and {@code py : 1 - py}. */
    static Region anchored(double w, double h, double px, double py) {
        return new Region(px * (1 - w), py * (1 - h), w, h);
    }

    /** This region's part {@code inner}, where {@code inner} is in this region's own fractions. */
    public Region compose(Region inner) {
        return new Region(x + inner.x * w, y + inner.y * h, inner.w * w, inner.h * h);
    }

    /** Whether this is the whole frame. */
    public boolean isFull() {
        return x == 0 && y == 0 && w == 1 && h == 1;
    }

    /** {@code x,y,w,h} in percent, for people: {@code 12.5,0,75,100}. */
    public String percent() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", pct(x), pct(y), pct(w), pct(h));
    }

    private static String pct(double v) {
        double p = Math.round(v * 1000) / 10.0;
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
