package org.daleel.capture.http;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Request;

/**
 * One HTTP request and its response as fetched, before it is written to the WARC.
 *
 * @param url the URL requested (without fragment)
 * @param sent the request exactly as OkHttp sent it (network request)
 * @param protocol the response's HTTP version
 * @param status status code
 * @param reason reason phrase as received ("" when none)
 * @param headers response header fields as received
 * @param body temporary file holding the entity body as received (de-chunked); the caller deletes it
 * @param bodySize body length in bytes
 * @param sha256 lowercase hex SHA-256 of the body
 * @param ip the IP address connected to
 * @param started when the fetch began
 * @param sentAt when the request was sent (WARC-Date of the request record)
 * @param receivedAt when the response headers arrived (WARC-Date of the response record)
 * @param durationMillis from start until the body was read
 */
record Exchange(
        HttpUrl url,
        Request sent,
        Protocol protocol,
        int status,
        String reason,
        Headers headers,
        Path body,
        long bodySize,
        String sha256,
        String ip,
        Instant started,
        Instant sentAt,
        Instant receivedAt,
        long durationMillis) {

    /** Media type without parameters, lowercase; application/octet-stream when absent. */
    String mediaType() {
        String ct = headers.get("Content-Type");
        if (ct == null || ct.isBlank()) {
            return "application/octet-stream";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of Content-Type, or "". */
    String charset() {
        String ct = headers.get("Content-Type");
        if (ct == null) {
            return "";
        }
        for (String p : ct.split(";")) {
            String t = p.strip();
            if (t.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return t.substring(8).replace("\"", "").strip();
            }
        }
        return "";
    }

    boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                && headers.get("Location") != null;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isHtml() {
        String t = mediaType();
        return t.equals("text/html") || t.equals("application/xhtml+xml");
    }

    /** "404 Not Found". */
    String statusText() {
        return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }
}
