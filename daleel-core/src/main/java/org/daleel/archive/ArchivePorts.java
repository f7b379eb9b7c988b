package org.daleel.archive;

import java.util.Objects;
import org.daleel.blob.BlobStore;
import org.daleel.capture.Capturer;
import org.daleel.catalog.Catalog;
import org.daleel.custody.CustodyLog;
import org.daleel.extract.Extractor;
import org.daleel.extract.WarcRecords;
import org.daleel.item.ItemAnalyzer;
import org.daleel.match.MediaIndex;
import org.daleel.match.VideoAnalyser;
import org.daleel.search.SearchIndex;

/**
 * The adapters a {@link LocalArchive} runs on, chosen by the composition root.
 *
 * @param blobs payload store
 * @param catalog item catalog (source of truth)
 * @param index full-text index (derived)
 * @param extractor text extraction
 * @param capturer web capture
 * @param warcRecords reader of imported WARC files
 * @param custody custody ledger: every new item is recorded here before the catalog commits it
 * @param media perceptual index of images (derived), for near-duplicate alerts and matching
 * @param video reader of videos (probe and sampled frames) whose frames go to {@code media}
 * @param analyzer text and picture analysis (places, actors, dates, events) of every new item
 */
public record ArchivePorts(
        BlobStore blobs,
        Catalog catalog,
        SearchIndex index,
        Extractor extractor,
        Capturer capturer,
        WarcRecords warcRecords,
        CustodyLog custody,
        MediaIndex media,
        VideoAnalyser video,
        ItemAnalyzer analyzer) {
    public ArchivePorts {
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(extractor, "extractor");
        Objects.requireNonNull(capturer, "capturer");
        Objects.requireNonNull(warcRecords, "warcRecords");
        Objects.requireNonNull(custody, "custody");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(analyzer, "analyzer");
    }

    /** Ports without a video decoder ({@link VideoAnalyser#none()}): videos are stored with a note. */
    public ArchivePorts(
            BlobStore blobs,
            Catalog catalog,
            SearchIndex index,
            Extractor extractor,
            Capturer capturer,
            WarcRecords warcRecords,
            CustodyLog custody,
            MediaIndex media,
            ItemAnalyzer analyzer) {
        this(blobs, catalog, index, extractor, capturer, warcRecords, custody, media, VideoAnalyser.none(), analyzer);
    }

    /** Ports without an analyzer ({@link ItemAnalyzer#none()}). */
    public ArchivePorts(
            BlobStore blobs,
            Catalog catalog,
            SearchIndex index,
            Extractor extractor,
            Capturer capturer,
            WarcRecords warcRecords,
            CustodyLog custody,
            MediaIndex media,
            VideoAnalyser video) {
        this(blobs, catalog, index, extractor, capturer, warcRecords, custody, media, video, ItemAnalyzer.none());
    }

    /** Ports without a video decoder nor an analyzer. */
    public ArchivePorts(
            BlobStore blobs,
            Catalog catalog,
            SearchIndex index,
            Extractor extractor,
            Capturer capturer,
            WarcRecords warcRecords,
            CustodyLog custody,
            MediaIndex media) {
        this(blobs, catalog, index, extractor, capturer, warcRecords, custody, media, VideoAnalyser.none());
    }

    /**
     * Ports without a custody ledger, {@link CustodyLog#absent()}: for read-only archives. Writes
     * through such an archive fail with {@link org.daleel.core.ConflictException}.
     */
    public ArchivePorts(
            BlobStore blobs,
            Catalog catalog,
            SearchIndex index,
            Extractor extractor,
            Capturer capturer,
            WarcRecords warcRecords) {
        this(blobs, catalog, index, extractor, capturer, warcRecords, CustodyLog.absent(), MediaIndex.none());
    }

    /** Ports with a custody ledger but no media index ({@link MediaIndex#none()}). */
    public ArchivePorts(
            BlobStore blobs,
            Catalog catalog,
            SearchIndex index,
            Extractor extractor,
            Capturer capturer,
            WarcRecords warcRecords,
            CustodyLog custody) {
        this(blobs, catalog, index, extractor, capturer, warcRecords, custody, MediaIndex.none());
    }
}
