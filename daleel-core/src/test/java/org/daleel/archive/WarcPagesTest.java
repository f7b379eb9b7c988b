package org.daleel.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.daleel.blob.BlobRef;
import org.daleel.extract.WarcRecords.ArchivedRecord;
import org.daleel.item.Resource;
import org.junit.jupiter.api.Test;

class WarcPagesTest {
    private static final String PAGE = "https://news.example/2016/aleppo.html";

    private static ArchivedRecord record(long offset, String url, int status, byte[] payload) {
        return new ArchivedRecord(offset, url, Instant.parse("2016-12-13T10:00:00Z"), status, "", payload);
    }

    private static BlobRef blob(char c, long size) {
        return new BlobRef(String.valueOf(c).repeat(64), size, true);
    }

    @Test
    void a_page_lists_the_whole_videos_it_shows_and_notes_the_ones_held_only_as_partial_responses() {
        WarcPages pages = new WarcPages();
        byte[] html = ("<html><body><video src=\"/v/whole.mp4\"></video><video src=\"/v/partial.mp4\"></video>"
                        + "<img src=\"/img/a.jpg\"></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        pages.see("page", record(0, PAGE, 200, html), "text/html", blob('a', html.length));
        pages.see(
                "whole",
                record(100, "https://news.example/v/whole.mp4", 200, new byte[10]),
                "video/mp4",
                blob('b', 10));
        pages.see(
                "part1",
                record(200, "https://news.example/v/partial.mp4", 206, new byte[10]),
                "video/mp4",
                blob('c', 10));
        pages.see(
                "part2",
                record(300, "https://news.example/v/partial.mp4", 206, new byte[10]),
                "video/mp4",
                blob('d', 10));
        pages.see("img", record(400, "https://news.example/img/a.jpg", 200, new byte[10]), "image/jpeg", blob('e', 10));
        pages.see(
                "other",
                record(500, "https://elsewhere.example/v/unrelated.mp4", 206, new byte[10]),
                "video/mp4",
                blob('f', 10));

        assertThat(pages.resources("page"))
                .extracting(Resource::url, Resource::mediaType, Resource::warcOffset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("https://news.example/v/whole.mp4", "video/mp4", 100L),
                        org.assertj.core.groups.Tuple.tuple("https://news.example/img/a.jpg", "image/jpeg", 400L));
        assertThat(pages.notes("page"))
                .isEqualTo("page video https://news.example/v/partial.mp4 not analysed: the WARC holds only partial"
                        + " (206) responses for it, not the whole video");
        assertThat(pages.notes("whole")).isEmpty();
    }

    @Test
    void a_partial_response_whose_range_covers_the_whole_file_is_the_whole_video() {
        WarcPages pages = new WarcPages();
        byte[] html = "<video src=\"/v/all.mp4\"></video><video src=\"/v/half.mp4\"></video>"
                .getBytes(StandardCharsets.UTF_8);
        pages.see("page", record(0, PAGE, 200, html), "text/html", blob('a', html.length));
        pages.see(
                "all",
                new ArchivedRecord(
                        100,
                        "https://news.example/v/all.mp4",
                        Instant.parse("2016-12-13T10:00:00Z"),
                        206,
                        "video/mp4",
                        new byte[10],
                        "bytes 0-9/10"),
                "video/mp4",
                blob('b', 10));
        pages.see(
                "half",
                new ArchivedRecord(
                        200,
                        "https://news.example/v/half.mp4",
                        Instant.parse("2016-12-13T10:00:00Z"),
                        206,
                        "video/mp4",
                        new byte[10],
                        "bytes 0-9/20"),
                "video/mp4",
                blob('c', 10));

        assertThat(pages.resources("page"))
                .extracting(Resource::url, Resource::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("https://news.example/v/all.mp4", 206));
        assertThat(pages.notes("page"))
                .isEqualTo("page video https://news.example/v/half.mp4 not analysed: the WARC holds only partial"
                        + " (206) responses for it, not the whole video");
    }

    @Test
    void a_page_notes_the_records_it_refers_to_that_the_reader_skipped() throws Exception {
        WarcPages pages = new WarcPages();
        java.util.List<String> passedOn = new java.util.ArrayList<>();
        var visitor = pages.noting(new org.daleel.extract.WarcRecords.Visitor() {
            @Override
            public void record(ArchivedRecord record) {}

            @Override
            public void skipped(long offset, String url, String reason) {
                passedOn.add(url);
            }
        });
        byte[] html = "<video src=\"https://news.example/v/long.mp4\"></video>".getBytes(StandardCharsets.UTF_8);
        visitor.skipped(10, "https://news.example/v/long.mp4", "payload larger than 67108864 bytes");
        visitor.skipped(20, "https://news.example/v/unrelated.mp4", "payload larger than 67108864 bytes");
        pages.see("page", record(0, PAGE, 200, html), "text/html", blob('a', html.length));

        assertThat(passedOn).hasSize(2);
        assertThat(pages.notes("page"))
                .isEqualTo("page resource https://news.example/v/long.mp4 not analysed: its record in the WARC was"
                        + " skipped (payload larger than 67108864 bytes)");
    }
}
