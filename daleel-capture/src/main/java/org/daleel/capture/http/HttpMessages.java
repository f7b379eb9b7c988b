package org.daleel.capture.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Request;

/**
 * Rebuilds the HTTP/1.1 request and response heads for WARC request and response records from what
 * OkHttp sent and received.
 *
 * <p>The request head is exact: OkHttp writes the request line and the network request's headers in
 * this order (RFC 9112 s3). The response head keeps the status line and every header field in the
 * order and spelling received (OkHttp trims surrounding whitespace of values), with one change so
 * that the record is self-consistent: OkHttp hands over the body de-chunked, so the archived body is
 * the entity body as sent without transfer coding. Therefore
 * <ul>
 *   <li>{@code Transfer-Encoding} is written as {@code X-Archive-Orig-Transfer-Encoding};
 *   <li>a {@code Content-Length} that does not equal the archived body's length is written as
 *       {@code X-Archive-Orig-Content-Length};
 *   <li>when no correct {@code Content-Length} remains, {@code Content-Length: <archived length>} is
 *       appended after the received fields.
 * </ul>
 * {@code Content-Encoding} is kept: capture asks for {@code Accept-Encoding: identity}, and a server
 * that compresses anyway is archived with its compressed bytes, as sent. The {@code X-Archive-Orig-}
 * prefix is the one replay tools (pywb, OpenWayback) use for rewritten headers.
 */
final class HttpMessages {
    static final String ORIGINAL_PREFIX = "X-Archive-Orig-";

    private HttpMessages() {}

    /** Request line, header fields and the empty line, as OkHttp wrote them. */
    static byte[] requestHead(Request sent) {
        HttpUrl url = sent.url();
        StringBuilder sb = new StringBuilder(512);
        sb.append(sent.method()).append(' ').append(url.encodedPath());
        if (url.encodedQuery() != null) {
            sb.append('?').append(url.encodedQuery());
        }
        sb.append(" HTTP/1.1\r\n");
        appendFields(sb, sent.headers());
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Status line, header fields (Transfer-Encoding and Content-Length adjusted) and the empty line. */
    static byte[] responseHead(Protocol protocol, int code, String reason, Headers headers, long bodyLength) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append(protocol == Protocol.HTTP_1_0 ? "HTTP/1.0" : "HTTP/1.1")
                .append(' ')
                .append(code)
                .append(' ')
                .append(reason)
                .append("\r\n");
        boolean lengthWritten = false;
        String archivedLength = Long.toString(bodyLength);
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = headers.value(i);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("transfer-encoding")) {
                sb.append(ORIGINAL_PREFIX)
                        .append(name)
                        .append(": ")
                        .append(value)
                        .append("\r\n");
            } else if (lower.equals("content-length")) {
                if (value.strip().equals(archivedLength) && !lengthWritten) {
                    sb.append(name).append(": ").append(value).append("\r\n");
                    lengthWritten = true;
                } else {
                    sb.append(ORIGINAL_PREFIX)
                            .append(name)
                            .append(": ")
                            .append(value)
                            .append("\r\n");
                }
            } else {
                sb.append(name).append(": ").append(value).append("\r\n");
            }
        }
        if (!lengthWritten) {
            sb.append("Content-Length: ").append(archivedLength).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendFields(StringBuilder sb, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            sb.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
        }
    }
}
