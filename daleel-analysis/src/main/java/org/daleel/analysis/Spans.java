package org.daleel.analysis;

/** Validation of text spans shared by the mention records. */
final class Spans {
    private Spans() {}

    static void check(int start, int end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span: expected 0 <= start <= end, found " + start + ".." + end);
        }
    }
}
