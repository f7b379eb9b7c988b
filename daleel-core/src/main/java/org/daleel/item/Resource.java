package org.daleel.item;

import java.util.Objects;

/**
 * An embedded resource captured with a page (image, stylesheet, script), stored content-addressed
 * and recorded in the page's WARC.
 *
 * @param url absolute URL of the resource
 * @param status HTTP status the server answered
 * @param mediaType media type from the response
 * @param sha256 lowercase hex SHA-256 of the payload
 * @param size payload size in bytes
 * @param warcOffset byte offset of its response record in the page's WARC
 */
public record Resource(String url, int status, String mediaType, String sha256, long size, long warcOffset) {
    public Resource {
        Objects.requireNonNull(url, "url");
        mediaType = Objects.requireNonNullElse(mediaType, "application/octet-stream");
        Objects.requireNonNull(sha256, "sha256");
    }
}
