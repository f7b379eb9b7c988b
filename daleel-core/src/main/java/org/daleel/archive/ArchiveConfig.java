package org.daleel.archive;

import java.time.Duration;

/**
 * Bounds and tuning of a {@link LocalArchive}.
 *
 * @param maxImportBytes largest file accepted by import or upload
 * @param maxExtractBytes largest payload handed to text extraction (larger ones are stored with a note)
 * @param commitEvery commit the search index after this many new items
 * @param commitInterval ... or when this much time has passed since the last commit
 */
public record ArchiveConfig(long maxImportBytes, long maxExtractBytes, int commitEvery, Duration commitInterval) {
    public ArchiveConfig {
        if (maxImportBytes <= 0 || maxExtractBytes <= 0 || commitEvery <= 0) {
            throw new IllegalArgumentException("archive bounds must be positive");
        }
    }

    /** Defaults: 4 GiB files, 64 MiB extraction, commit every 1000 items or second. */
    public static ArchiveConfig defaults() {
        return new ArchiveConfig(4L << 30, 64L << 20, 1000, Duration.ofSeconds(1));
    }
}
