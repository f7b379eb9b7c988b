package org.daleel.capture;

import java.time.Instant;
import java.util.List;
import org.daleel.item.Resource;

/**
 * A finished capture.
 *
 * @param requestedUrl URL as requested
 * @param finalUrl URL of the page after redirects
 * @param redirects URLs visited before {@code finalUrl}, in order (empty when none)
 * @param status HTTP status of the page
 * @param mediaType media type of the page
 * @param sha256 lowercase hex SHA-256 of the page payload (stored in the blob store)
 * @param size page payload size
 * @param resolvedIp IP address the page was fetched from
 * @param capturedAt time the page's response began (WARC-Date of its response record)
 * @param pageRecordOffset byte offset of the page's response record in the WARC file
 * @param resources embedded resources captured with the page
 * @param warcSha256 lowercase hex SHA-256 of the finished WARC file
 * @param warcSize size of the finished WARC file
 * @param notes sentences for the item about what the capture left out and why (a video too large,
 *     a video served as a stream), empty when nothing
 */
public record CaptureResult(
        String requestedUrl,
        String finalUrl,
        List<String> redirects,
        int status,
        String mediaType,
        String sha256,
        long size,
        String resolvedIp,
        Instant capturedAt,
        long pageRecordOffset,
        List<Resource> resources,
        String warcSha256,
        long warcSize,
        List<String> notes) {
    public CaptureResult {
        redirects = List.copyOf(redirects);
        resources = List.copyOf(resources);
        notes = List.copyOf(notes);
    }
}
