package org.daleel.capture.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageVideosTest {
    private static final HttpUrl PAGE = HttpUrl.get("https://news.example/2016/12/aleppo.html");

    @TempDir
    Path dir;

    private PageVideos.Found found(String html) throws IOException {
        Path f = dir.resolve("page.html");
        Files.writeString(f, html, StandardCharsets.UTF_8);
        return PageVideos.fromHtml(f, "utf-8", PAGE);
    }

    @Test
    void finds_video_files_in_elements_and_meta_tags_in_document_order() throws IOException {
        PageVideos.Found f = found("""
            <html><head>
            <meta property="og:video" content="https://cdn.example/og.mp4">
            <meta property="og:video:secure_url" content="https://cdn.example/og.mp4">
            <meta name="twitter:player:stream" content="/tw.mp4">
            <link rel="preload" as="video" href="pre.webm">
            </head><body>
            <video src="clip.mp4#t=3" poster="/poster.jpg"></video>
            <video controls><source src="/v.webm" type="video/webm"><source src="/v.mp4"></video>
            <video src="data:video/mp4;base64,AAAA"></video>
            </body></html>
            """);
        assertThat(f.files())
                .extracting(HttpUrl::toString)
                .containsExactly(
                        "https://news.example/2016/12/clip.mp4",
                        "https://news.example/v.webm",
                        "https://news.example/v.mp4",
                        "https://news.example/2016/12/pre.webm",
                        "https://cdn.example/og.mp4",
                        "https://news.example/tw.mp4");
        assertThat(f.streams()).isEmpty();
    }

    @Test
    void reports_streams_and_players_without_a_source_instead_of_fetching_them() throws IOException {
        PageVideos.Found f = found("""
            <video src="/live/index.m3u8"></video>
            <video><source src="/dash/manifest.mpd?x=1"></video>
            <video><source src="/hls/playlist" type="application/x-mpegURL"></video>
            <video id="player"></video>
            <meta property="og:video" content="https://player.example/embed/123">
            <meta property="og:video:type" content="text/html">
            """);
        assertThat(f.files()).isEmpty();
        assertThat(f.streams())
                .containsExactly(
                        "video served as a stream: not archived (HLS https://news.example/live/index.m3u8)",
                        "video served as a stream: not archived (DASH https://news.example/dash/manifest.mpd?x=1)",
                        "video served as a stream: not archived (HLS https://news.example/hls/playlist)",
                        "video served as a stream: not archived (a video player without a source in the page's"
                                + " HTML: a script sets it)");
    }

    @Test
    void the_resource_finder_leaves_videos_to_the_video_fetch() throws IOException {
        Path f = dir.resolve("p.html");
        Files.writeString(
                f,
                "<video src=/a.mp4 poster=/p.jpg><source src=/b.webm></video><picture><source srcset=/c.webp></picture>"
                        + "<link rel=preload as=video href=/d.mp4>",
                StandardCharsets.UTF_8);
        assertThat(EmbeddedResources.fromHtml(f, "", PAGE))
                .extracting(l -> l.url().toString())
                .containsExactly("https://news.example/p.jpg", "https://news.example/c.webp");
    }
}
