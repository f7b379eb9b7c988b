package org.daleel.archive;

import java.time.Duration;

/**
 * Bounds and tuning of a {@link LocalArchive}.
 *
 * @param maxImportBytes largest file accepted by import or upload
 * @param maxExtractBytes largest payload handed to text extraction (larger ones are stored with a note)
 * @param commitEvery commit the search index after this many new items
 * @param commitInterval ... or when this much time has passed since the last commit
 * @param maxVideoBytes largest video record of an imported WARC that is stored and analysed when it is
 *     over {@code maxExtractBytes} (streamed, never held in memory; the setting {@code
 *     capture.video.max-bytes}, which bounds the videos of captured pages too); a larger one is noted
 */
public record ArchiveConfig(
        long maxImportBytes, long maxExtractBytes, int commitEvery, Duration commitInterval, long maxVideoBytes) {
    /** Default {@link #maxVideoBytes()}: 250 MB, as for the videos of a capture. */
    public static final long DEFAULT_MAX_VIDEO_BYTES = org.daleel.capture.CapturePolicy.DEFAULT_MAX_VIDEO_BYTES;

    public ArchiveConfig {
        if (maxImportBytes <= 0 || maxExtractBytes <= 0 || commitEvery <= 0 || maxVideoBytes <= 0) {
            throw new IllegalArgumentException("archive bounds must be positive");
        }
    }

    /** Bounds with the default {@link #maxVideoBytes()}. */
    public ArchiveConfig(long maxImportBytes, long maxExtractBytes, int commitEvery, Duration commitInterval) {
        this(maxImportBytes, maxExtractBytes, commitEvery, commitInterval, DEFAULT_MAX_VIDEO_BYTES);
    }

    /** Defaults: 4 GiB files, 64 MiB extraction, commit every 1000 items or second, 250 MB videos. */
    public static ArchiveConfig defaults() {
        return new ArchiveConfig(4L << 30, 64L << 20, 1000, Duration.ofSeconds(1));
    }

    /** These bounds with {@code bytes} as {@link #maxVideoBytes()}. */
    public ArchiveConfig withMaxVideoBytes(long bytes) {
        return new ArchiveConfig(maxImportBytes, maxExtractBytes, commitEvery, commitInterval, bytes);
    }

    /** These bounds with {@code bytes} as {@link #maxExtractBytes()}. */
    public ArchiveConfig withMaxExtractBytes(long bytes) {
        return new ArchiveConfig(maxImportBytes, bytes, commitEvery, commitInterval, maxVideoBytes);
    }
}
