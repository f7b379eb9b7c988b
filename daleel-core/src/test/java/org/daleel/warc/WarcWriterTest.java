package org.daleel.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.daleel.blob.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

class WarcWriterTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:05.123456Z");
    private static final byte[] BODY = "<html><body>ذكرى حلب</body></html>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private record Written(Path file, List<Long> offsets, List<WarcRecord> records) {}

    private Written writeCapture() throws IOException {
        Path file = dir.resolve("test.warc.gz");
        String infoId = WarcRecord.newRecordId();
        String responseId = WarcRecord.newRecordId();
        byte[] requestHead = ("GET /a?b=1 HTTP/1.1\r\nHost: example.org\r\nUser-Agent: test\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] responseHead = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                        + BODY.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<WarcRecord> records = List.of(
                WarcRecord.builder(WarcType.WARCINFO)
                        .id(infoId)
                        .date(T0)
                        .filename("test.warc.gz")
                        .contentType(WarcFields.MEDIA_TYPE)
                        .block(WarcBlock.of(new WarcFields()
                                .add("software", "Daleel/test")
                                .add("format", "WARC File Format 1.1")
                                .add("operator", "Aleppo desk")
                                .toBytes()))
                        .build(),
                WarcRecord.builder(WarcType.REQUEST)
                        .date(T0)
                        .targetUri("http://example.org/a?b=1")
                        .ipAddress("192.0.2.7")
                        .concurrentTo(responseId)
                        .warcinfoId(infoId)
                        .contentType("application/http;msgtype=request")
                        .block(WarcBlock.of(requestHead))
                        .build(),
                WarcRecord.builder(WarcType.RESPONSE)
                        .id(responseId)
                        .date(T0)
                        .targetUri("http://example.org/a?b=1")
                        .ipAddress("192.0.2.7")
                        .warcinfoId(infoId)
                        .contentType("application/http;msgtype=response")
                        .block(WarcBlock.http(responseHead, BODY))
                        .build(),
                WarcRecord.builder(WarcType.METADATA)
                        .date(T0)
                        .targetUri("http://example.org/a?b=1")
                        .concurrentTo(responseId)
                        .warcinfoId(infoId)
                        .contentType("application/json")
                        .block(WarcBlock.of("{\"tool\":\"Daleel\"}".getBytes(StandardCharsets.UTF_8)))
                        .build(),
                WarcRecord.builder(WarcType.RESOURCE)
                        .date(T0)
                        .targetUri("file:///evidence/photo.jpg")
                        .warcinfoId(infoId)
                        .contentType("image/jpeg")
                        .block(WarcBlock.payload(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2}))
                        .build());
        List<Long> offsets = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            WarcWriter writer = new WarcWriter(ch);
            for (WarcRecord r : records) {
                offsets.add(writer.write(r));
            }
            assertThat(writer.position()).isEqualTo(ch.size());
            ch.force(true);
        }
        return new Written(file, offsets, records);
    }

    @Test
    void writes_records_that_jwarc_reads_back_with_the_same_headers() throws IOException {
        Written w = writeCapture();
        try (WarcReader reader = new WarcReader(w.file())) {
            Warcinfo info = (Warcinfo) reader.next().orElseThrow();
            assertThat(info.version().toString()).isEqualTo("WARC/1.1");
            assertThat(info.id().toString()).isEqualTo(strip(w.records().get(0).id()));
            assertThat(info.filename()).contains("test.warc.gz");
            assertThat(info.fields().first("operator")).contains("Aleppo desk");
            assertThat(info.fields().first("software")).contains("Daleel/test");

            WarcRequest request = (WarcRequest) reader.next().orElseThrow();
            assertThat(request.target()).isEqualTo("http://example.org/a?b=1");
            assertThat(request.http().method()).isEqualTo("GET");
            assertThat(request.http().headers().first("Host")).contains("example.org");
            assertThat(request.headers().first("WARC-Warcinfo-ID"))
                    .contains(w.records().get(0).id());
            assertThat(request.ipAddress().orElseThrow().getHostAddress()).isEqualTo("192.0.2.7");
            var requestConcurrentTo = request.concurrentTo();
            WarcResponse response = (WarcResponse) reader.next().orElseThrow();
            assertThat(requestConcurrentTo).containsExactly(response.id());
            assertThat(response.date()).isEqualTo(Instant.parse("2026-03-01T12:00:05.123Z"));
            assertThat(response.headers().first("WARC-Date")).contains("2026-03-01T12:00:05.123Z");
            assertThat(response.http().status()).isEqualTo(200);
            assertThat(response.http().body().stream().readAllBytes()).isEqualTo(BODY);
            assertThat(response.headers().first("WARC-Payload-Digest")).contains("sha256:" + Digests.sha256Hex(BODY));

            WarcMetadata metadata = (WarcMetadata) reader.next().orElseThrow();
            assertThat(metadata.concurrentTo()).containsExactly(response.id());
            assertThat(metadata.contentType()).isEqualTo(MediaType.parse("application/json"));

            WarcResource resource = (WarcResource) reader.next().orElseThrow();
            assertThat(resource.target()).isEqualTo("file:///evidence/photo.jpg");
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void digests_are_lowercase_hex_sha256_of_block_and_payload() throws IOException {
        Written w = writeCapture();
        try (WarcReader reader = new WarcReader(w.file())) {
            for (org.netpreserve.jwarc.WarcRecord r : reader) {
                byte[] block = r.body().stream().readAllBytes();
                assertThat(r.headers().first("WARC-Block-Digest")).contains("sha256:" + Digests.sha256Hex(block));
                assertThat(r.headers().first("Content-Length")).contains(Long.toString(block.length));
            }
        }
        String response = recordText(w, 2);
        assertThat(response).containsPattern("WARC-Payload-Digest: sha256:[0-9a-f]{64}\r\n");
        assertThat(recordText(w, 1)).doesNotContain("WARC-Payload-Digest");
        assertThat(recordText(w, 4))
                .contains("WARC-Payload-Digest: sha256:"
                        + Digests.sha256Hex(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2}));
    }

    @Test
    void every_record_is_its_own_gzip_member_starting_at_its_offset() throws IOException {
        Written w = writeCapture();
        assertThat(w.offsets().getFirst()).isZero();
        assertThat(w.offsets()).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < w.records().size(); i++) {
            String text = recordText(w, i);
            assertThat(text)
                    .startsWith("WARC/1.1\r\nWARC-Type: "
                            + w.records().get(i).type().token() + "\r\n");
            assertThat(text).contains("WARC-Record-ID: " + w.records().get(i).id() + "\r\n");
            assertThat(text).endsWith("\r\n\r\n");
        }
        try (WarcReader reader = new WarcReader(w.file())) {
            reader.position(w.offsets().get(2));
            assertThat(reader.next().orElseThrow()).isInstanceOf(WarcResponse.class);
        }
    }

    @Test
    void output_passes_the_jwarc_validator_and_strict_header_rules() throws Exception {
        Written w = writeCapture();
        assertThat(JwarcValidation.strictHeaderViolations(w.file())).isEmpty();
        JwarcValidation.assertJwarcValidates(w.file());
    }

    @Test
    void jwarc_validator_catches_a_flipped_byte_so_the_validation_test_can_fail() throws Exception {
        Written w = writeCapture();
        Path plain = dir.resolve("flipped.warc");
        byte[] all;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(w.file()))) {
            all = in.readAllBytes();
        }
        String s = new String(all, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("<html>") + 1;
        all[at] = (byte) 'X';
        Files.write(plain, all);
        assertThatThrownBy(() -> JwarcValidation.assertJwarcValidates(plain)).isInstanceOf(AssertionError.class);
    }

    @Test
    void writes_a_payload_from_a_file_and_offsets_continue_from_the_channel_position() throws IOException {
        Path body = dir.resolve("body.bin");
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Files.write(body, big);
        Path file = dir.resolve("append.warc.gz");
        Files.write(file, new byte[] {1, 2, 3});
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.position(ch.size());
            WarcWriter writer = new WarcWriter(ch);
            long offset = writer.write(WarcRecord.builder(WarcType.RESOURCE)
                    .targetUri("http://example.org/big.bin")
                    .contentType("application/octet-stream")
                    .block(WarcBlock.payload(body))
                    .build());
            assertThat(offset).isEqualTo(3);
        }
        try (FileChannel ch = FileChannel.open(file)) {
            ch.position(3);
            WarcReader reader = new WarcReader(ch);
            WarcResource r = (WarcResource) reader.next().orElseThrow();
            assertThat(r.body().stream().readAllBytes()).isEqualTo(big);
            assertThat(r.payloadDigest().orElseThrow().hex()).isEqualTo(Digests.sha256Hex(big));
        }
    }

    @Test
    void writes_to_a_plain_channel_counting_offsets_from_zero() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WarcWriter writer = new WarcWriter(Channels.newChannel(out));
        long first = writer.write(WarcRecord.builder(WarcType.METADATA)
                .contentType("text/plain")
                .block(WarcBlock.of("a".getBytes(StandardCharsets.US_ASCII)))
                .build());
        long second = writer.write(WarcRecord.builder(WarcType.METADATA).build());
        assertThat(first).isZero();
        assertThat(second).isPositive();
        assertThat(writer.position()).isEqualTo(out.size());
    }

    @Test
    void refuses_fields_that_break_warc_rules_or_inject_lines() {
        assertThatThrownBy(() -> WarcRecord.builder(WarcType.RESPONSE).build()).hasMessageContaining("WARC-Target-URI");
        assertThatThrownBy(() -> WarcRecord.builder(WarcType.WARCINFO)
                        .targetUri("http://example.org/")
                        .build())
                .hasMessageContaining("warcinfo");
        assertThatThrownBy(() -> WarcRecord.builder(WarcType.RESPONSE)
                        .targetUri("http://example.org/")
                        .filename("x.warc.gz")
                        .build())
                .hasMessageContaining("WARC-Filename");
        assertThatThrownBy(() -> WarcRecord.builder(WarcType.RESOURCE)
                        .targetUri("http://example.org/")
                        .block(WarcBlock.payload(new byte[] {1}))
                        .build())
                .hasMessageContaining("Content-Type");
        assertThatThrownBy(() ->
                        WarcRecord.builder(WarcType.REQUEST).targetUri("http://example.org/\r\nWARC-Type: response"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WarcRecord.builder(WarcType.REQUEST).targetUri("http://example.org/a b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WarcRecord.builder(WarcType.REQUEST).concurrentTo("urn:uuid:1"))
                .hasMessageContaining("<uri>");
        assertThatThrownBy(() -> WarcRecord.builder(WarcType.REQUEST).field("Content-Length", "5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarcFields().add("bad name", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_payload_file_that_changes_before_writing_fails_instead_of_writing_a_wrong_length() throws IOException {
        Path body = dir.resolve("changing.bin");
        Files.write(body, new byte[10]);
        WarcRecord record = WarcRecord.builder(WarcType.RESOURCE)
                .targetUri("http://example.org/x")
                .contentType("application/octet-stream")
                .block(WarcBlock.payload(body))
                .build();
        Files.write(body, new byte[11]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new WarcWriter(Channels.newChannel(out)).write(record))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("expected a 10-byte payload, read 11");
    }

    @Test
    void formats_warc_date_in_utc_with_milliseconds() {
        assertThat(WarcRecord.formatDate(Instant.parse("2016-12-13T08:01:02Z"))).isEqualTo("2016-12-13T08:01:02.000Z");
        assertThat(WarcRecord.formatDate(T0)).isEqualTo("2026-03-01T12:00:05.123Z");
    }

    private static String strip(String id) {
        return id.substring(1, id.length() - 1);
    }

    /** The decompressed text of the i-th record, read from its offset alone. */
    private static String recordText(Written w, int i) throws IOException {
        long start = w.offsets().get(i);
        long end = i + 1 < w.offsets().size() ? w.offsets().get(i + 1) : Files.size(w.file());
        byte[] all = Files.readAllBytes(w.file());
        byte[] member = java.util.Arrays.copyOfRange(all, (int) start, (int) end);
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(member))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
