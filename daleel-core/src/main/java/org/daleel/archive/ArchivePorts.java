package org.daleel.archive;

import java.util.Objects;
import org.daleel.blob.BlobStore;
import org.daleel.capture.Capturer;
import org.daleel.catalog.Catalog;
import org.daleel.extract.Extractor;
import org.daleel.extract.WarcRecords;
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
 */
public record ArchivePorts(
        BlobStore blobs,
        Catalog catalog,
        SearchIndex index,
        Extractor extractor,
        Capturer capturer,
        WarcRecords warcRecords) {
    public ArchivePorts {
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(extractor, "extractor");
        Objects.requireNonNull(capturer, "capturer");
        Objects.requireNonNull(warcRecords, "warcRecords");
    }
}
