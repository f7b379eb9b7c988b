package org.daleel.item;

import java.time.Instant;
import java.util.Objects;

/**
 * One evidence item: an original payload (stored content-addressed) and what Daleel knows about it.
 *
 * <p>Absent text values are empty strings, never {@code null}. {@code seq} is the catalog's
 * insertion order (0 before the catalog has stored the item) and lets derived stores such as the
 * search index catch up after a crash.
 *
 * @param id stable item id (a ULID, see {@link ItemIds})
 * @param seq catalog insertion sequence, 0 when not yet stored
 * @param kind how the item entered the archive
 * @param url source URL (final URL after redirects for captures), or "" for files
 * @param requestedUrl URL the user asked for (may differ from {@code url} after redirects), or ""
 * @param fileName original file name for imports, or ""
 * @param sha256 lowercase hex SHA-256 of the original payload
 * @param size payload size in bytes
 * @param mediaType detected media type of the payload (e.g. {@code text/html})
 * @param capturedAt when Daleel captured or imported the payload (UTC)
 * @param title extracted title, or ""
 * @param text extracted main text (boilerplate removed), or ""
 * @param language ISO 639-1 code of the main text ("en", "ar"), or "" when unknown
 * @param published publication date stated by the source, ISO-8601 at the precision known, or ""
 * @param extractionNote "" when extraction succeeded, otherwise why it did not ("could not extract text: ...")
 * @param warc the WARC file holding the capture, or {@link WarcRef#NONE}
 * @param provenance who or what asked for it and with which claims
 */
public record Item(
        String id,
        long seq,
        ItemKind kind,
        String url,
        String requestedUrl,
        String fileName,
        String sha256,
        long size,
        String mediaType,
        Instant capturedAt,
        String title,
        String text,
        String language,
        String published,
        String extractionNote,
        WarcRef warc,
        Provenance provenance) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(capturedAt, "capturedAt");
        url = Objects.requireNonNullElse(url, "");
        requestedUrl = Objects.requireNonNullElse(requestedUrl, "");
        fileName = Objects.requireNonNullElse(fileName, "");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("item " + id + ": sha256 must be 64 lowercase hex chars, got " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("item " + id + ": negative size " + size);
        }
        mediaType = Objects.requireNonNullElse(mediaType, "application/octet-stream");
        title = Objects.requireNonNullElse(title, "");
        text = Objects.requireNonNullElse(text, "");
        language = Objects.requireNonNullElse(language, "");
        published = Objects.requireNonNullElse(published, "");
        extractionNote = Objects.requireNonNullElse(extractionNote, "");
        warc = Objects.requireNonNullElse(warc, WarcRef.NONE);
        provenance = Objects.requireNonNullElse(provenance, Provenance.NONE);
    }

    /** The same item with the catalog sequence set. */
    public Item withSeq(long newSeq) {
        return new Item(
                id,
                newSeq,
                kind,
                url,
                requestedUrl,
                fileName,
                sha256,
                size,
                mediaType,
                capturedAt,
                title,
                text,
                language,
                published,
                extractionNote,
                warc,
                provenance);
    }

    /** True when the item has a WARC file of its own. */
    public boolean hasWarc() {
        return !warc.fileName().isEmpty();
    }
}
