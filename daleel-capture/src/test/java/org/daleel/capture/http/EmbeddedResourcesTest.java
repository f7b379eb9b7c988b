package org.daleel.capture.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedResourcesTest {
    private static final HttpUrl PAGE = HttpUrl.get("https://news.example/2016/12/aleppo.html?lang=ar");

    @TempDir
    Path dir;

    private List<String> urls(String html) throws IOException {
        Path f = dir.resolve("page.html");
        Files.writeString(f, html, StandardCharsets.UTF_8);
        return EmbeddedResources.fromHtml(f, "utf-8", PAGE).stream()
                .map(l -> l.url().toString())
                .toList();
    }

    @Test
    void finds_embedded_resources_in_document_order_resolved_and_deduplicated() throws IOException {
        List<String> found = urls("""
            <html><head>
            <link rel="stylesheet" href="/css/a.css">
            <link rel="shortcut icon" href="favicon.ico">
            <link rel="preload" as="font" href="/f.woff2">
            <link rel="alternate" href="/feed.xml">
            <link rel="canonical" href="/canonical">
            <script src="js/app.js"></script>
            <script>var inline = 1;</script>
            <style>@import "print.css"; .x { background: url( 'img/x.png' ) } /* url(/commented.png) */</style>
            </head><body>
            <a href="/other.html">not embedded</a>
            <img src="img/photo.jpg#frag" srcset="img/photo-480.jpg 480w, img/photo-800.jpg 800w">
            <img data-src="/lazy.jpg">
            <img src="data:image/png;base64,AAAA">
            <img src="javascript:alert(1)">
            <picture><source srcset="/a.webp 1x,/b.webp 2x" type="image/webp"><img src="img/photo.jpg"></picture>
            <video src="/v.mp4" poster="/poster.jpg"><source src="/v.webm"></video>
            <audio src="//cdn.example/a.mp3"></audio>
            <div style="background-image:url(&quot;/div.png&quot;)"></div>
            <iframe src="/frame.html"></iframe>
            </body></html>
            """);
        assertThat(found)
                .containsExactly(
                        "https://news.example/css/a.css",
                        "https://news.example/2016/12/favicon.ico",
                        "https://news.example/f.woff2",
                        "https://news.example/2016/12/js/app.js",
                        "https://news.example/2016/12/print.css",
                        "https://news.example/2016/12/img/x.png",
                        "https://news.example/2016/12/img/photo.jpg",
                        "https://news.example/2016/12/img/photo-480.jpg",
                        "https://news.example/2016/12/img/photo-800.jpg",
                        "https://news.example/lazy.jpg",
                        "https://news.example/a.webp",
                        "https://news.example/b.webp",
                        "https://news.example/poster.jpg",
                        "https://cdn.example/a.mp3",
                        "https://news.example/div.png");
    }

    @Test
    void marks_style_sheets_so_they_are_read_for_their_own_resources() throws IOException {
        Path f = dir.resolve("p.html");
        Files.writeString(f, "<link rel=stylesheet href=/a.css><link rel=icon href=/i.ico>", StandardCharsets.UTF_8);
        assertThat(EmbeddedResources.fromHtml(f, "", PAGE))
                .extracting(EmbeddedResources.Link::stylesheet)
                .containsExactly(true, false);
    }

    @Test
    void honours_base_href() throws IOException {
        assertThat(urls("<html><head><base href=\"https://static.example/assets/\"></head>"
                        + "<body><img src=\"p.png\"></body></html>"))
                .containsExactly("https://static.example/assets/p.png");
    }

    @Test
    void never_lists_the_page_itself() throws IOException {
        assertThat(urls("<img src=\"/2016/12/aleppo.html?lang=ar#top\"><img src=/x.png>"))
                .containsExactly("https://news.example/x.png");
    }

    @Test
    void finds_url_and_import_references_in_css() {
        HttpUrl css = HttpUrl.get("https://news.example/css/site.css");
        List<HttpUrl> found = EmbeddedResources.fromCss(
                "@import url(base.css);\n@import 'theme.css';\n"
                        + "body{background:url(../img/bg.png)} .a{background:URL(\"/img/a.png\")}"
                        + ".b{background:url(data:image/gif;base64,R0lGOD==)} .c{background:url(../img/bg.png)}",
                css);
        assertThat(found)
                .extracting(HttpUrl::toString)
                .containsExactly(
                        "https://news.example/css/base.css",
                        "https://news.example/css/theme.css",
                        "https://news.example/img/bg.png",
                        "https://news.example/img/a.png");
    }
}
