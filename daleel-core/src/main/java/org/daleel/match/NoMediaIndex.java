package org.daleel.match;

import java.util.List;

/** A {@link MediaIndex} that indexes nothing: for read-only tools and archives without media matching. */
final class NoMediaIndex implements MediaIndex {
    static final NoMediaIndex INSTANCE = new NoMediaIndex();

    private NoMediaIndex() {}

    @Override
    public Fingerprint fingerprint(byte[] payload, String name) {
        return new Fingerprint.NotAnImage();
    }

    @Override
    public Fingerprint add(long seq, byte[] payload, String name) {
        return new Fingerprint.NotAnImage();
    }

    @Override
    public List<MediaMatch> match(byte[] payload, String name, int maxDistance) {
        return List.of();
    }

    @Override
    public long maxSeq() {
        return Long.MAX_VALUE;
    }

    @Override
    public void close() {}
}
