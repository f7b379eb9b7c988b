package org.daleel.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.daleel.capture.CaptureRequest;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.Resource;
import org.daleel.search.SearchQuery;
import org.daleel.search.SearchResult;

/**
 * The archive's services: what the CLI and the HTTP API offer. {@link LocalArchive} runs them on a
 * data directory; a remote implementation hands them to a running {@code daleel serve}.
 *
 * <p>Errors: {@link org.daleel.core.InvalidInputException} for bad input,
 * {@link org.daleel.core.NotFoundException} for unknown ids,
 * {@link org.daleel.capture.CaptureException} for failed captures; nothing is stored when a call
 * fails.
 */
public interface Archive extends AutoCloseable {

    /** Captures a web page with its embedded resources; returns the new item once it is durable. */
    Item capture(CaptureRequest request, ItemOptions options);

    /**
     * Imports one file from disk. A file whose bytes are already archived is reported as a
     * duplicate and nothing new is stored.
     */
    ImportResult importFile(Path file, ItemOptions options);

    /** Imports uploaded bytes under {@code fileName}; see {@link #importFile}. */
    ImportResult importStream(InputStream in, String fileName, ItemOptions options);

    /** Ranked full-text search with snippets. */
    SearchResult search(SearchQuery query);

    /** The item; {@link org.daleel.core.NotFoundException} when absent. */
    Item get(String id);

    /** Embedded resources captured with an item (empty for files). */
    List<Resource> resources(String id);

    /** Most recently added items first. */
    List<Item> recent(int limit);

    /** Number of items. */
    long count();

    /** Opens a stored payload by digest (an item's or a resource's). */
    InputStream openBlob(String sha256) throws IOException;

    /** Opens an item's WARC file; {@link org.daleel.core.NotFoundException} when it has none. */
    InputStream openWarc(String id) throws IOException;

    /**
     * Items showing the same picture as item {@code id} (PDQ within 31 bits, any rotation or mirror
     * image, or a crop), older ones first: the recycled-media alerts of the item. Empty for items
     * that are not images.
     */
    List<SimilarItem> similar(String id);

    /**
     * The metadata embedded in item {@code id}'s picture (EXIF, XMP, IPTC, GPS) with an assessment
     * (stripped, edited, dates differ), read from the stored payload each time.
     * {@link org.daleel.meta.MediaMetadata#empty()} for items that are not images.
     */
    org.daleel.meta.MediaMetadata metadata(String id);

    /**
     * What the analysis of item {@code id} found (places, actors, dates, events); empty for an item
     * stored before analysis existed and not yet re-analysed. {@link
     * org.daleel.core.NotFoundException} when the item is absent.
     */
    Optional<ItemAnalysis> analysis(String id);

    /**
     * The pictures indexed inside item {@code id}: a video's sampled frames (with their times) or a
     * captured page's images (with their URLs), in order; empty for other items, and where this
     * archive has no media index (the default).
     */
    default List<org.daleel.match.MediaPart> mediaParts(String id) {
        get(id);
        return List.of();
    }

    /**
     * Where the background re-analysis of items analysed by an older analyzer version stands (see
     * {@link BackgroundReanalysis}); {@link ReanalysisStatus#NONE} where none runs in this process
     * (the default).
     */
    default ReanalysisStatus reanalysis() {
        return ReanalysisStatus.NONE;
    }

    /** Archived items whose pictures match an image that is not stored, nearest first. */
    List<SimilarItem> match(InputStream image, String name, int maxDistance);

    @Override
    void close();
}
