package org.daleel.capture.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.Protocol;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class HttpMessagesTest {

    @Test
    void request_head_is_the_request_line_and_headers_in_sending_order() {
        Request r = new Request.Builder()
                .url("http://example.org/a%20b/c?q=%D8%AD%D9%84%D8%A8&x=1#frag")
                .header("User-Agent", "Daleel/test")
                .header("Accept-Encoding", "identity")
                .header("Host", "example.org")
                .build();
        String head = new String(HttpMessages.requestHead(r), StandardCharsets.UTF_8);
        assertThat(head)
                .isEqualTo("GET /a%20b/c?q=%D8%AD%D9%84%D8%A8&x=1 HTTP/1.1\r\n"
                        + "User-Agent: Daleel/test\r\nAccept-Encoding: identity\r\nHost: example.org\r\n\r\n");
    }

    @Test
    void chunked_response_gets_its_archived_length_and_keeps_the_original_coding_under_a_prefix() {
        Headers h = new Headers.Builder()
                .add("Date", "Tue, 13 Dec 2016 10:00:00 GMT")
                .add("Transfer-Encoding", "chunked")
                .add("Content-Type", "text/html")
                .build();
        String head =
                new String(HttpMessages.responseHead(Protocol.HTTP_1_1, 200, "OK", h, 1234), StandardCharsets.UTF_8);
        assertThat(head)
                .isEqualTo("HTTP/1.1 200 OK\r\n"
                        + "Date: Tue, 13 Dec 2016 10:00:00 GMT\r\n"
                        + "X-Archive-Orig-Transfer-Encoding: chunked\r\n"
                        + "Content-Type: text/html\r\n"
                        + "Content-Length: 1234\r\n\r\n");
    }

    @Test
    void a_correct_content_length_is_kept_as_received() {
        Headers h = new Headers.Builder()
                .add("Content-length", "5")
                .add("Server", "x")
                .build();
        String head = new String(
                HttpMessages.responseHead(Protocol.HTTP_1_0, 404, "Not Found", h, 5), StandardCharsets.UTF_8);
        assertThat(head).isEqualTo("HTTP/1.0 404 Not Found\r\nContent-length: 5\r\nServer: x\r\n\r\n");
    }

    @Test
    void a_wrong_or_repeated_content_length_is_kept_only_under_a_prefix() {
        Headers h = new Headers.Builder()
                .add("Content-Length", "9")
                .add("Content-Length", "5")
                .add("Content-Length", "5")
                .build();
        String head = new String(HttpMessages.responseHead(Protocol.HTTP_1_1, 200, "", h, 5), StandardCharsets.UTF_8);
        assertThat(head)
                .isEqualTo("HTTP/1.1 200 \r\nX-Archive-Orig-Content-Length: 9\r\nContent-Length: 5\r\n"
                        + "X-Archive-Orig-Content-Length: 5\r\n\r\n");
    }

    @Test
    void a_response_without_length_gets_one() {
        String head = new String(
                HttpMessages.responseHead(Protocol.HTTP_1_1, 200, "OK", Headers.of("Connection", "close"), 0),
                StandardCharsets.UTF_8);
        assertThat(head).isEqualTo("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    }
}
