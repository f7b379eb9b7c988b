package org.daleel.extract.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daleel.extract.warc.WarcFixtures.crawl;
import static org.daleel.extract.warc.WarcFixtures.file;
import static org.daleel.extract.warc.WarcFixtures.ok;
import static org.daleel.extract.warc.WarcFixtures.response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.daleel.core.InvalidInputException;
import org.daleel.extract.WarcRecords;
import org.daleel.extract.WarcRecords.ArchivedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwarcRecordsTest {
    private static final long MAX = 1024 * 1024;

    @TempDir
    Path dir;

    private final JwarcRecords warcs = new JwarcRecords();

    /** Records and skips seen by a visitor. */
    static class Seen implements WarcRecords.Visitor {
        final List<ArchivedRecord> records = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        @Override
        public void record(ArchivedRecord record) {
            records.add(record);
        }

        @Override
        public void skipped(long offset, String url, String reason) {
            skipped.add(offset + " " + url + " " + reason);
        }

        List<String> urls() {
            return records.stream().map(ArchivedRecord::url).toList();
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static String text(ArchivedRecord r) {
        return new String(r.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void yields_successful_responses_and_resources_in_file_order() throws IOException {
        WarcFixtures.Warc warc = crawl(false);
        Seen seen = new Seen();

        warcs.read(write("crawl.warc", warc.bytes()), MAX, seen);

        assertThat(seen.urls())
                .containsExactly(
                        "https://example.org/report.html", "https://example.org/data.txt", "file:///evidence/note.txt");
        ArchivedRecord page = seen.records.get(0);
        assertThat(page.offset()).isEqualTo(warc.offsets().get(2));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.mediaType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.date()).isEqualTo(Instant.parse("2016-08-20T10:00:00Z"));
        assertThat(text(page)).contains("pumping station");
        ArchivedRecord decoded = seen.records.get(1);
        assertThat(decoded.offset()).isEqualTo(warc.offsets().get(4));
        assertThat(text(decoded)).isEqualTo("compressed body text");
        ArchivedRecord resource = seen.records.get(2);
        assertThat(resource.offset()).isEqualTo(warc.offsets().get(6));
        assertThat(resource.status()).isZero();
        assertThat(resource.mediaType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(text(resource)).isEqualTo("a note about the convoy");
        assertThat(seen.skipped).isEmpty();
    }

    @Test
    void reads_a_gzipped_warc_with_compressed_offsets() throws IOException {
        WarcFixtures.Warc warc = crawl(true);
        Seen seen = new Seen();

        warcs.read(write("crawl.warc.gz", warc.bytes()), MAX, seen);

        assertThat(seen.urls()).hasSize(3);
        assertThat(seen.records.stream().map(ArchivedRecord::offset).toList())
                .containsExactly(
                        warc.offsets().get(2),
                        warc.offsets().get(4),
                        warc.offsets().get(6));
        assertThat(text(seen.records.get(1))).isEqualTo("compressed body text");
    }

    @Test
    void skips_and_reports_payloads_larger_than_the_bound() throws IOException {
        WarcFixtures.Warc warc = file(
                false,
                ok("https://example.org/big", "text/plain", "x".repeat(100)),
                ok("https://example.org/small", "text/plain", "tiny"));
        Seen seen = new Seen();

        warcs.read(write("big.warc", warc.bytes()), 50, seen);

        assertThat(seen.urls()).containsExactly("https://example.org/small");
        assertThat(seen.skipped).containsExactly("0 https://example.org/big payload larger than 50 bytes");
    }

    @Test
    void offers_a_payload_larger_than_the_bound_as_a_stream_and_reports_it_skipped_when_not_taken() throws IOException {
        byte[] video = new byte[300];
        Arrays.fill(video, (byte) 7);
        byte[] bomb = WarcFixtures.gzip(new byte[2000]);
        WarcFixtures.Warc warc = file(
                false,
                response(
                        "https://example.org/whole.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Type: video/mp4\nContent-Range: bytes 0-299/300\n"
                                + "Content-Length: 300\n",
                        video),
                response(
                        "https://example.org/zipped",
                        "HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: " + bomb.length + "\n",
                        bomb),
                ok("https://example.org/declined", "text/plain", "y".repeat(100)),
                ok("https://example.org/small", "text/plain", "tiny"));
        List<String> offered = new ArrayList<>();
        Seen seen = new Seen() {
            @Override
            public boolean large(WarcRecords.LargeRecord record, java.io.InputStream payload) throws IOException {
                if (record.url().endsWith("declined")) {
                    return false;
                }
                byte[] bytes = payload.readAllBytes();
                offered.add(record.url() + " " + record.status() + " " + record.mediaType() + " ["
                        + record.contentRange() + "] size " + record.size() + " read " + bytes.length + " whole "
                        + record.whole(bytes.length));
                return true;
            }
        };

        warcs.read(write("large.warc", warc.bytes()), 50, seen);

        assertThat(offered)
                .containsExactly(
                        "https://example.org/whole.mp4 206 video/mp4 [bytes 0-299/300] size 300 read 300 whole true",
                        "https://example.org/zipped 200  [] size -1 read 2000 whole true");
        assertThat(seen.urls()).containsExactly("https://example.org/small");
        assertThat(seen.skipped)
                .containsExactly(warc.offsets().get(2) + " https://example.org/declined payload larger than 50 bytes");
    }

    @Test
    void a_partial_response_is_whole_only_when_its_content_range_covers_every_byte() throws IOException {
        WarcFixtures.Warc warc = file(
                false,
                response(
                        "https://example.org/a.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-9/10\nContent-Length: 10\n",
                        new byte[10]),
                response(
                        "https://example.org/b.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-9/20\nContent-Length: 10\n",
                        new byte[10]),
                response(
                        "https://example.org/c.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Range: bytes 10-19/20\nContent-Length: 10\n",
                        new byte[10]),
                response(
                        "https://example.org/d.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-9/*\nContent-Length: 10\n",
                        new byte[10]),
                response(
                        "https://example.org/e.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Length: 10\n",
                        new byte[10]),
                response("https://example.org/f.mp4", "HTTP/1.1 200 OK\nContent-Length: 10\n", new byte[10]));
        Seen seen = new Seen();

        warcs.read(write("ranges.warc", warc.bytes()), MAX, seen);

        assertThat(seen.records)
                .extracting(r -> r.url().substring(20) + " " + r.contentRange() + " " + r.whole())
                .containsExactly(
                        "a.mp4 bytes 0-9/10 true",
                        "b.mp4 bytes 0-9/20 false",
                        "c.mp4 bytes 10-19/20 false",
                        "d.mp4 bytes 0-9/* false",
                        "e.mp4  false",
                        "f.mp4  true");
    }

    @Test
    void rejects_a_large_payload_cut_short_naming_the_file_and_the_offset() throws IOException {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 1000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] block = Arrays.copyOf(head, head.length + 400);
        // the record says its block is longer than the file holds
        String header =
                "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427>\r\n"
                        + "WARC-Date: 2016-08-20T10:00:00Z\r\nWARC-Target-URI: https://example.org/cut.mp4\r\n"
                        + "Content-Type: application/http;msgtype=response\r\nContent-Length: " + (head.length + 1000)
                        + "\r\n\r\n";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(header.getBytes(StandardCharsets.US_ASCII));
        bytes.write(block);
        Path file = write("cut-large.warc", bytes.toByteArray());
        Seen seen = new Seen() {
            @Override
            public boolean large(WarcRecords.LargeRecord record, java.io.InputStream payload) throws IOException {
                payload.readAllBytes();
                return true;
            }
        };

        assertThatThrownBy(() -> warcs.read(file, 50, seen))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("offset 0");
    }

    @Test
    void bounds_the_decoded_size_of_a_compressed_payload() throws IOException {
        byte[] bomb = WarcFixtures.gzip(new byte[10_000]);
        WarcFixtures.Warc warc = file(
                false,
                response(
                        "https://example.org/bomb",
                        "HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: " + bomb.length + "\n",
                        bomb));
        Seen seen = new Seen();

        warcs.read(write("bomb.warc", warc.bytes()), 1000, seen);

        assertThat(seen.records).isEmpty();
        assertThat(seen.skipped).containsExactly("0 https://example.org/bomb payload larger than 1000 bytes");
    }

    @Test
    void skips_and_reports_a_content_encoding_it_cannot_decode() throws IOException {
        WarcFixtures.Warc warc = file(
                false,
                response(
                        "https://example.org/br",
                        "HTTP/1.1 200 OK\nContent-Encoding: br\nContent-Length: 3\n",
                        new byte[] {1, 2, 3}),
                ok("https://example.org/next", "text/plain", "next"));
        Seen seen = new Seen();

        warcs.read(write("br.warc", warc.bytes()), MAX, seen);

        assertThat(seen.urls()).containsExactly("https://example.org/next");
        assertThat(seen.skipped).containsExactly("0 https://example.org/br content encoding br is not supported");
    }

    @Test
    void rejects_a_truncated_warc_naming_the_file_and_the_offset_of_the_cut_record() throws IOException {
        WarcFixtures.Warc warc = crawl(false);
        long cutRecord = warc.offsets().get(6);
        Path file = write("cut.warc", Arrays.copyOf(warc.bytes(), (int) cutRecord + 150));
        Seen seen = new Seen();

        assertThatThrownBy(() -> warcs.read(file, MAX, seen))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("offset " + cutRecord)
                .hasMessageContaining("truncated");
        assertThat(seen.urls()).containsExactly("https://example.org/report.html", "https://example.org/data.txt");
    }

    @Test
    void rejects_a_truncated_gzipped_warc() throws IOException {
        WarcFixtures.Warc warc = crawl(true);
        long cutRecord = warc.offsets().get(6);
        Path file = write("cut.warc.gz", Arrays.copyOf(warc.bytes(), (int) cutRecord + 20));

        assertThatThrownBy(() -> warcs.read(file, MAX, new Seen()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cut.warc.gz")
                .hasMessageContaining("offset " + cutRecord);
    }

    @Test
    void rejects_garbage_at_offset_zero() throws IOException {
        byte[] garbage = new byte[500];
        new java.util.Random(1).nextBytes(garbage);
        garbage[0] = 'X';
        Path file = write("garbage.warc", garbage);

        assertThatThrownBy(() -> warcs.read(file, MAX, new Seen()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("WARC " + file + ": record at offset 0: ");
    }

    @Test
    void stops_at_a_corrupt_record_header_and_yields_nothing_after_it() throws IOException {
        byte[] first = ok("https://example.org/a", "text/plain", "first");
        byte[] bad = "WARC/1.1\r\nWARC-Type response\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] third = ok("https://example.org/c", "text/plain", "third");
        WarcFixtures.Warc warc = file(false, first, bad, third);
        Seen seen = new Seen();

        assertThatThrownBy(() -> warcs.read(write("bad.warc", warc.bytes()), MAX, seen))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("offset " + warc.offsets().get(1));
        assertThat(seen.urls()).containsExactly("https://example.org/a");
    }

    @Test
    void rejects_a_record_whose_content_length_overruns_the_next_record() throws IOException {
        byte[] first = ok("https://example.org/a", "text/plain", "first");
        String s = new String(first, StandardCharsets.ISO_8859_1);
        s = s.replaceFirst(
                "Content-Length: (\\d+)\r\n\r\nHTTP", "Content-Length: " + (first.length / 2) + "\r\n\r\nHTTP");
        byte[] longer = s.getBytes(StandardCharsets.ISO_8859_1);
        WarcFixtures.Warc warc = file(
                false,
                ok("https://example.org/0", "text/plain", "zero"),
                longer,
                ok("https://example.org/c", "text/plain", "third"));

        assertThatThrownBy(() -> warcs.read(write("overrun.warc", warc.bytes()), MAX, new Seen()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("overrun.warc");
    }

    @Test
    void rejects_a_record_not_followed_by_its_crlf_crlf_trailer() throws IOException {
        byte[] first = ok("https://example.org/a", "text/plain", "first");
        byte[] broken = Arrays.copyOf(first, first.length);
        System.arraycopy("abcd".getBytes(StandardCharsets.US_ASCII), 0, broken, broken.length - 4, 4);
        WarcFixtures.Warc warc = file(false, broken, ok("https://example.org/b", "text/plain", "second"));

        assertThatThrownBy(() -> warcs.read(write("trailer.warc", warc.bytes()), MAX, new Seen()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("record at offset 0")
                .hasMessageContaining("trailer");
    }

    @Test
    void skips_and_reports_a_response_whose_http_message_cannot_be_parsed() throws IOException {
        byte[] notHttp = WarcFixtures.record(
                "response",
                "https://example.org/odd",
                "application/http;msgtype=response",
                "\u0001\u0002 not an HTTP message at all".getBytes(StandardCharsets.ISO_8859_1));
        WarcFixtures.Warc warc = file(false, notHttp, ok("https://example.org/b", "text/plain", "second"));
        Seen seen = new Seen();

        warcs.read(write("odd.warc", warc.bytes()), MAX, seen);

        assertThat(seen.urls()).containsExactly("https://example.org/b");
        assertThat(seen.skipped)
                .singleElement()
                .asString()
                .startsWith("0 https://example.org/odd unparseable HTTP response");
    }

    @Test
    void reads_an_empty_file_as_no_records() throws IOException {
        Seen seen = new Seen();

        warcs.read(write("empty.warc", new byte[0]), MAX, seen);

        assertThat(seen.records).isEmpty();
    }

    @Test
    void passes_exceptions_of_the_visitor_through_unchanged() throws IOException {
        Path file = write("crawl.warc", crawl(false).bytes());

        assertThatThrownBy(() -> warcs.read(file, MAX, r -> {
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
    }
}
