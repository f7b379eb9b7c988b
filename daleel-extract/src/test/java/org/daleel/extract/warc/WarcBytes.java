package org.daleel.extract.warc;

/** Test access to WARC fixtures from other packages. */
public final class WarcBytes {
    private WarcBytes() {}

    /** {@code bytes} as one gzip member. */
    public static byte[] gzip(byte[] bytes) {
        return WarcFixtures.gzip(bytes);
    }

    /** A small crawl with responses, a resource and other records, plain or gzipped per record. */
    public static byte[] crawl(boolean gzip) {
        return WarcFixtures.crawl(gzip).bytes();
    }
}
