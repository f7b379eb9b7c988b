package org.daleel.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.daleel.core.DaleelException;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.meta.GpsPosition;
import org.daleel.meta.MediaMetadataReader;

/**
 * Analyses items for the archive: the text through the {@link org.daleel.item.ItemAnalyzer} port,
 * and, for pictures, the GPS position written in their metadata.
 */
final class ItemAnalyses {
    /** Pictures larger than this are not read for their GPS position. */
    private static final long MAX_PICTURE_BYTES = 64L << 20;

    private final ArchivePorts ports;
    private final MediaMetadataReader metadataReader;

    ItemAnalyses(ArchivePorts ports, MediaMetadataReader metadataReader) {
        this.ports = ports;
        this.metadataReader = metadataReader;
    }

    /** The analyzer's version. */
    String version() {
        return ports.analyzer().version();
    }

    /** Analyses an item (not yet stored or stored); never throws for bad content. */
    ItemAnalysis analyse(Item item) {
        return ports.analyzer().analyze(item, gps(item));
    }

    /** The stored analysis of a catalog item, or a fresh one (stored) when it has none. */
    ItemAnalysis storedOrNew(Item item) {
        Optional<ItemAnalysis> stored = ports.catalog().analysis(item.id());
        if (stored.isPresent()) {
            return stored.get();
        }
        ItemAnalysis fresh = analyse(item);
        ports.catalog().putAnalysis(item.id(), fresh);
        return fresh;
    }

    private Optional<GpsPosition> gps(Item item) {
        if (!item.mediaType().startsWith("image/") || item.size() > MAX_PICTURE_BYTES) {
            return Optional.empty();
        }
        byte[] payload;
        try (InputStream in = ports.blobs().open(item.sha256())) {
            payload = in.readNBytes((int) item.size());
        } catch (IOException e) {
            throw new DaleelException("item " + item.id() + ": could not read its picture: " + e.getMessage(), e);
        }
        String name = item.fileName().isEmpty() ? item.url() : item.fileName();
        return metadataReader.read(payload, name).gps();
    }
}
