package org.daleel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.daleel.archive.ArchiveConfig;
import org.daleel.archive.DataDir;
import org.daleel.archive.ItemOptions;
import org.daleel.archive.LocalArchive;
import org.daleel.capture.CapturePolicy;
import org.daleel.core.Version;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalyzer;
import org.daleel.item.Resource;
import org.daleel.match.MediaPart;
import org.daleel.match.TestVideos;
import org.daleel.match.VideoAnalyser;
import org.daleel.match.VideoAnalysis;
import org.daleel.media.PdqMediaIndex;
import org.daleel.meta.MediaMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The videos of imported WARCs, with Debian's ffmpeg counting its work: a video that is its own
 * record and a page's resource is analysed once; records over the extraction bound are streamed,
 * stored and analysed up to the video bound; a 206 whose range covers the whole file is the video;
 * a page whose videos give no frames is not analysed again when the writer reopens.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PageVideoImportTest {
    private static final String SITE = "https://news.example";

    @TempDir
    Path tmp;

    /** Debian's ffmpeg, noting the name of each video it is asked to analyse. */
    static final class CountingAnalyser implements VideoAnalyser {
        private final VideoAnalyser real = Wiring.videoAnalyser();
        final List<String> analysed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public VideoAnalysis analyse(Path file, String name) {
            analysed.add(name);
            return real.analyse(file, name);
        }

        @Override
        public MediaMetadata probe(Path file, String name) {
            return real.probe(file, name);
        }
    }

    private final CountingAnalyser video = new CountingAnalyser();

    private LocalArchive open(ArchiveConfig config) throws IOException {
        return Wiring.openWriter(
                DataDir.at(tmp.resolve("data")),
                ItemAnalyzer.none(),
                LocalArchive.Progress.NONE,
                video,
                config,
                CapturePolicy.defaults(Version.current()));
    }

    private static byte[] page(String title, String... videos) {
        StringBuilder s = new StringBuilder("<!doctype html><html><head><title>" + title + "</title></head><body><h1>"
                + title + "</h1><p>Residents filmed the strike on the market.</p>");
        for (String v : videos) {
            s.append("<video controls src=\"").append(v).append("\"></video>");
        }
        return s.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Item byUrl(LocalArchive archive, String url) {
        return archive.recent(100).stream()
                .filter(i -> i.url().equals(url))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item for " + url));
    }

    private byte[] clip(String name, double seconds) throws Exception {
        return Files.readAllBytes(MediaFixtures.testPattern(tmp.resolve(name), seconds));
    }

    @Test
    void a_video_that_is_its_own_record_and_shown_by_two_pages_is_analysed_once() throws Exception {
        byte[] clip = clip("clip.mp4", 2);
        Path warc = new MediaFixtures.Warc()
                .ok(SITE + "/aleppo.html", "text/html; charset=utf-8", page("Aleppo", "/v/clip.mp4"))
                .ok(SITE + "/homs.html", "text/html; charset=utf-8", page("Homs", SITE + "/v/clip.mp4"))
                .ok(SITE + "/v/clip.mp4", "video/mp4", clip)
                .write(tmp.resolve("pages.warc"));

        try (LocalArchive archive = open(ArchiveConfig.defaults())) {
            archive.importFile(warc, ItemOptions.of("test"));

            assertThat(video.analysed)
                    .as("one analysis for the video and both pages")
                    .hasSize(1);
            Item own = byUrl(archive, SITE + "/v/clip.mp4");
            assertThat(own.extractionNote()).contains("video: 2.0 s").contains("frames hashed");
            List<MediaPart> frames = archive.mediaParts(own.id());
            assertThat(frames).isNotEmpty();
            for (String url : List.of(SITE + "/aleppo.html", SITE + "/homs.html")) {
                Item page = byUrl(archive, url);
                assertThat(page.extractionNote()).contains("page video " + SITE + "/v/clip.mp4: video: 2.0 s");
                assertThat(archive.mediaParts(page.id()))
                        .extracting(MediaPart::pdq)
                        .containsExactlyElementsOf(
                                frames.stream().map(MediaPart::pdq).toList());
                assertThat(archive.mediaParts(page.id()))
                        .extracting(MediaPart::imageUrl)
                        .containsOnly(SITE + "/v/clip.mp4");
            }
        }
    }

    @Test
    void a_partial_response_covering_the_whole_file_is_analysed_as_the_video_and_a_fragment_is_noted()
            throws Exception {
        byte[] clip = clip("clip.mp4", 2);
        String n = Integer.toString(clip.length);
        Path warc = new MediaFixtures.Warc()
                .ok(SITE + "/idlib.html", "text/html; charset=utf-8", page("Idlib", "/v/whole.mp4", "/v/part.mp4"))
                .response(
                        SITE + "/v/whole.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Type: video/mp4\nContent-Range: bytes 0-"
                                + (clip.length - 1) + "/" + n,
                        clip)
                .response(
                        SITE + "/v/part.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Type: video/mp4\nContent-Range: bytes 0-999/" + n,
                        Arrays.copyOf(clip, 1000))
                .write(tmp.resolve("ranges.warc"));

        try (LocalArchive archive = open(ArchiveConfig.defaults())) {
            archive.importFile(warc, ItemOptions.of("test"));

            Item page = byUrl(archive, SITE + "/idlib.html");
            assertThat(archive.resources(page.id()))
                    .extracting(Resource::url, Resource::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(SITE + "/v/whole.mp4", 206));
            assertThat(page.extractionNote())
                    .contains("page video " + SITE + "/v/whole.mp4: video: 2.0 s")
                    .contains("page video " + SITE + "/v/part.mp4 not analysed: the WARC holds only partial (206)");
            assertThat(archive.mediaParts(page.id()))
                    .isNotEmpty()
                    .extracting(MediaPart::imageUrl)
                    .containsOnly(SITE + "/v/whole.mp4");
        }
    }

    @Test
    void video_records_over_the_extraction_bound_are_streamed_stored_and_analysed_up_to_the_video_bound()
            throws Exception {
        byte[] large = clip("large.mp4", 2);
        byte[] whole = clip("whole.mp4", 3);
        // a valid MP4 made larger by a trailing 'free' box (ISO/IEC 14496-12 s8.1.2)
        byte[] padded = Arrays.copyOf(large, large.length + 200_000);
        int box = 200_000;
        padded[large.length] = (byte) (box >>> 24);
        padded[large.length + 1] = (byte) (box >>> 16);
        padded[large.length + 2] = (byte) (box >>> 8);
        padded[large.length + 3] = (byte) box;
        System.arraycopy("free".getBytes(StandardCharsets.ISO_8859_1), 0, padded, large.length + 4, 4);
        long bound = Math.max(large.length, whole.length) + 1000L;
        assertThat(padded.length).isGreaterThan((int) bound);
        Path warc = new MediaFixtures.Warc()
                .ok(
                        SITE + "/raqqa.html",
                        "text/html; charset=utf-8",
                        page("Raqqa", "/v/large.mp4", "/v/whole.mp4", "/v/huge.mp4", "/v/frag.mp4"))
                // declared as a download: its first bytes show the video
                .ok(SITE + "/v/large.mp4", "application/octet-stream", large)
                .response(
                        SITE + "/v/whole.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Type: video/mp4\nContent-Range: bytes 0-"
                                + (whole.length - 1) + "/" + whole.length,
                        whole)
                .ok(SITE + "/v/huge.mp4", "video/mp4", padded)
                .response(
                        SITE + "/v/frag.mp4",
                        "HTTP/1.1 206 Partial Content\nContent-Type: video/mp4\nContent-Range: bytes 0-19999/"
                                + whole.length,
                        Arrays.copyOf(whole, 20_000))
                .write(tmp.resolve("large.warc"));
        ArchiveConfig config =
                ArchiveConfig.defaults().withMaxExtractBytes(16 * 1024).withMaxVideoBytes(bound);

        try (LocalArchive archive = open(config)) {
            archive.importFile(warc, ItemOptions.of("test"));

            assertThat(video.analysed)
                    .as("each stored video analysed once")
                    .containsExactlyInAnyOrder(SITE + "/v/large.mp4", SITE + "/v/whole.mp4");
            Item largeItem = byUrl(archive, SITE + "/v/large.mp4");
            assertThat(largeItem.mediaType()).isEqualTo("video/mp4");
            assertThat(largeItem.size()).isEqualTo(large.length);
            try (InputStream in = archive.openBlob(largeItem.sha256())) {
                assertThat(in.readAllBytes()).isEqualTo(large);
            }
            assertThat(largeItem.extractionNote()).contains("video: 2.0 s").contains("frames hashed");
            assertThat(archive.mediaParts(largeItem.id())).isNotEmpty();
            assertThat(byUrl(archive, SITE + "/v/whole.mp4").extractionNote()).contains("video: 3.0 s");

            Item page = byUrl(archive, SITE + "/raqqa.html");
            assertThat(archive.resources(page.id()))
                    .extracting(Resource::url)
                    .containsExactly(SITE + "/v/large.mp4", SITE + "/v/whole.mp4");
            assertThat(page.extractionNote())
                    .contains("page video " + SITE + "/v/large.mp4: video: 2.0 s")
                    .contains("page video " + SITE + "/v/whole.mp4: video: 3.0 s")
                    .contains("page resource " + SITE + "/v/huge.mp4 not analysed: its record in the WARC was skipped"
                            + " (video larger than the " + bound + " bytes video size bound"
                            + " (capture.video.max-bytes))")
                    .contains("page video " + SITE + "/v/frag.mp4 not analysed: the WARC holds only partial (206)");
            assertThat(archive.mediaParts(page.id()))
                    .extracting(MediaPart::imageUrl)
                    .contains(SITE + "/v/large.mp4", SITE + "/v/whole.mp4");
        }
    }

    @Test
    void a_video_file_over_the_extraction_bound_is_typed_by_its_first_bytes_and_analysed() throws Exception {
        // no extension to go by
        Path file = Files.move(
                MediaFixtures.testPattern(tmp.resolve("long-recording.mp4"), 2), tmp.resolve("long-recording"));
        ArchiveConfig config = ArchiveConfig.defaults().withMaxExtractBytes(16 * 1024);
        assertThat(Files.size(file)).isGreaterThan(config.maxExtractBytes());

        try (LocalArchive archive = open(config)) {
            Item item = archive.importFile(file, ItemOptions.of("test")).item();

            assertThat(item.mediaType()).isEqualTo("video/mp4");
            assertThat(item.extractionNote()).contains("video: 2.0 s").contains("frames hashed");
            assertThat(archive.mediaParts(item.id())).isNotEmpty();
            assertThat(video.analysed).containsExactly("long-recording");
        }
    }

    @Test
    void a_page_whose_videos_give_no_frames_is_not_analysed_again_when_the_writer_reopens() throws Exception {
        TestVideos.ffmpeg();
        Path audio = TestVideos.make(
                tmp.resolve("audio.mp4"), "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac");
        byte[] broken = Arrays.copyOf(clip("clip.mp4", 2), 3000); // the index (moov box) is cut off
        Path warc = new MediaFixtures.Warc()
                .ok(
                        SITE + "/deir.html",
                        "text/html; charset=utf-8",
                        page("Deir ez-Zor", "/v/broken.mp4", "/v/audio.mp4"))
                .ok(SITE + "/v/broken.mp4", "video/mp4", broken)
                .ok(SITE + "/v/audio.mp4", "video/mp4", Files.readAllBytes(audio))
                .write(tmp.resolve("silent.warc"));
        long pageSeq;
        try (LocalArchive archive = open(ArchiveConfig.defaults())) {
            archive.importFile(warc, ItemOptions.of("test"));
            Item page = byUrl(archive, SITE + "/deir.html");
            pageSeq = page.seq();
            assertThat(archive.mediaParts(page.id())).isEmpty();
            assertThat(page.extractionNote()).contains("page video " + SITE + "/v/broken.mp4: video not analysed");
        }
        assertThat(video.analysed).hasSize(2);

        for (int reopen = 0; reopen < 2; reopen++) {
            open(ArchiveConfig.defaults()).close();
        }
        assertThat(video.analysed).as("nothing analysed again on reopening").hasSize(2);
        try (PdqMediaIndex media = PdqMediaIndex.open(tmp.resolve("data/media"))) {
            assertThat(media.noPartsResult(pageSeq).orElseThrow())
                    .contains("page video " + SITE + "/v/broken.mp4: video not analysed")
                    .contains("page video " + SITE + "/v/audio.mp4: ");
        }

        // daleel reindex --media rebuilds the media index from nothing: then the videos are tried again
        Trees.delete(tmp.resolve("data/media"));
        open(ArchiveConfig.defaults()).close();
        assertThat(video.analysed).hasSizeGreaterThan(2);
    }
}
