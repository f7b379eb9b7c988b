package org.daleel.match;

/**
 * One result of a {@link HashIndex} search: an entry's id and its Hamming distance to the query.
 */
public record HashMatch(long id, int distance) implements Comparable<HashMatch> {

    public HashMatch {
        if (distance < 0 || distance > Hash256.BITS) {
            throw new IllegalArgumentException("distance " + distance + ": expected 0..256");
        }
    }

    /** Nearest first; equal distances by ascending id, so every adapter returns the same order. */
    @Override
    public int compareTo(HashMatch o) {
        int c = Integer.compare(distance, o.distance);
        return c != 0 ? c : Long.compare(id, o.id);
    }
}
