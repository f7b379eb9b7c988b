package org.daleel.media.crop;

import org.daleel.match.Hash256;

/**
 * Aligns a query window with an archived region by pattern search: moves and resizes the window
 * (centre x, centre y, width, height; each by a step relative to the window's size, one at a time,
 * keeping the best of the eight moves while it improves), first on the coarse key with steps of 2%
 * and 1%, then on the PDQ code with steps of 1%, 0.5% and 0.25%. The result is the PDQ-code
 * distance of the best window found. Candidates whose PDQ codes are still far apart at the start or
 * after the key stage are given up at once (most candidates in a large archive are such). At most {@value #MAX_MOVES} moves per step size, so the work
 * is bounded (about 100 codes on a typical candidate, never more than 600). Stateless.
 */
final class Aligner {
    static final int MAX_MOVES = 12;

    /**
     * PDQ-code distances beyond which a candidate is dropped early: unrelated regions lie around
     * 100..128 bits apart, a true pair misaligned by the grid's 2% around 45, and within 1% after the
     * key stage around 25.
     */
    static final int GIVE_UP_AT_START = 88;

    static final int GIVE_UP_AFTER_KEY = 64;
    private static final double[] KEY_STEPS = {0.02, 0.01};
    private static final double[] PDQ_STEPS = {0.01, 0.005, 0.0025};

    private final RegionCoder coder;

    Aligner(RegionCoder coder) {
        this.coder = coder;
    }

    /** The aligned window and its PDQ-code distance to {@code pdq}. */
    record Result(Region window, int distance) {}

    Result align(RegionPlane plane, Region start, Hash256 key, Hash256 pdq) {
        double[] p = {start.x() + start.w() / 2, start.y() + start.h() / 2, start.w(), start.h()};
        int atStart = cost(plane, p, pdq, false);
        if (atStart > GIVE_UP_AT_START) {
            return new Result(window(p), atStart);
        }
        int best = cost(plane, p, key, true);
        for (double step : KEY_STEPS) {
            best = climb(plane, p, step, key, true, best);
        }
        best = cost(plane, p, pdq, false);
        if (best > GIVE_UP_AFTER_KEY) {
            return new Result(window(p), best);
        }
        for (double step : PDQ_STEPS) {
            best = climb(plane, p, step, pdq, false, best);
        }
        return new Result(window(p), best);
    }

    private int climb(RegionPlane plane, double[] p, double step, Hash256 target, boolean key, int best) {
        for (int move = 0; move < MAX_MOVES && best > 0; move++) {
            int bestParam = -1;
            double bestDelta = 0;
            int bestCost = best;
            for (int param = 0; param < 4; param++) {
                double size = param < 2 ? p[2 + param] : p[param];
                for (int sign = -1; sign <= 1; sign += 2) {
                    double[] t = p.clone();
                    t[param] += sign * step * size;
                    int c = cost(plane, t, target, key);
                    if (c < bestCost) {
                        bestCost = c;
                        bestParam = param;
                        bestDelta = sign * step * size;
                    }
                }
            }
            if (bestParam < 0) {
                break;
            }
            p[bestParam] += bestDelta;
            best = bestCost;
        }
        return best;
    }

    private int cost(RegionPlane plane, double[] p, Hash256 target, boolean key) {
        float[] block = plane.block(window(p));
        return (key ? coder.key(block) : coder.pdq(block).hash()).distance(target);
    }

    /** The window of parameters {@code (cx, cy, w, h)}, clamped inside the frame. */
    private static Region window(double[] p) {
        double w = Math.max(0.05, Math.min(1, p[2]));
        double h = Math.max(0.05, Math.min(1, p[3]));
        double x = Math.max(0, Math.min(1 - w, p[0] - w / 2));
        double y = Math.max(0, Math.min(1 - h, p[1] - h / 2));
        return new Region(x, y, w, h);
    }
}
