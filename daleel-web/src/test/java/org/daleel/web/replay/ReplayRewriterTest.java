package org.daleel.web.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplayRewriterTest {
    static final String ID = "01JD0000000000000000000000";
    static final String P = "/replay/" + ID + "/";
    final ReplayRewriter rewriter = new ReplayRewriter(ID);

    private String html(String body) throws IOException {
        return new String(
                rewriter.html(body.getBytes(StandardCharsets.UTF_8), "", "https://news.example/a/page.html"),
                StandardCharsets.UTF_8);
    }

    @Test
    void rewrites_absolute_relative_and_root_relative_urls_into_the_replay_path() throws IOException {
        String out = html("<img src=\"https://cdn.example/x.png\"><img src=\"y.png\"><img src=\"/z.png\">"
                + "<a href=\"//other.example/p\">o</a><form action=\"/post\"></form>");
        assertThat(out)
                .contains("src=\"" + P + "https://cdn.example/x.png\"")
                .contains("src=\"" + P + "https://news.example/a/y.png\"")
                .contains("src=\"" + P + "https://news.example/z.png\"")
                .contains("href=\"" + P + "https://other.example/p\"")
                .contains("action=\"" + P + "https://news.example/post\"");
    }

    @Test
    void rewrites_srcset_style_attributes_style_elements_and_meta_refresh() throws IOException {
        String out = html("<img srcset=\"a.png 1x, https://cdn.example/b.png 2x\">"
                + "<div style=\"background: url('bg.png')\"></div>"
                + "<style>@import 'print.css'; body { background: url(/body.png) }</style>"
                + "<meta http-equiv=\"refresh\" content=\"5; url=https://news.example/next\">");
        assertThat(out)
                .contains("srcset=\"" + P + "https://news.example/a/a.png 1x, " + P + "https://cdn.example/b.png 2x\"")
                .contains("url(&quot;" + P + "https://news.example/a/bg.png&quot;)")
                .contains("@import \"" + P + "https://news.example/a/print.css\"")
                .contains("url(\"" + P + "https://news.example/body.png\")")
                .contains("content=\"5; url=" + P + "https://news.example/next\"");
    }

    @Test
    void honours_base_href_and_rewrites_it_too() throws IOException {
        String out =
                html("<head><base href=\"https://static.example/assets/\"></head><body><img src=\"i.png\"></body>");
        assertThat(out)
                .contains("<base href=\"" + P + "https://static.example/assets/\">")
                .contains("src=\"" + P + "https://static.example/assets/i.png\"");
    }

    @Test
    void leaves_data_urls_anchors_and_javascript_alone_and_drops_ping() throws IOException {
        String out =
                html("<img src=\"data:image/png;base64,AAAA\"><a href=\"#top\" ping=\"https://track.example/\">t</a>"
                        + "<a href=\"javascript:void(0)\">j</a>");
        assertThat(out)
                .contains("src=\"data:image/png;base64,AAAA\"")
                .contains("href=\"#top\"")
                .contains("href=\"javascript:void(0)\"")
                .doesNotContain("ping")
                .doesNotContain("track.example");
    }

    @Test
    void adds_nothing_to_the_archived_page_and_outputs_utf8() throws IOException {
        byte[] arabic =
                "<html><head><meta charset=\"windows-1256\"><title>تقرير</title></head><body><p>القافلة</p></body></html>"
                        .getBytes(Charset.forName("windows-1256"));
        String out = new String(rewriter.html(arabic, "", "https://news.example/"), StandardCharsets.UTF_8);
        assertThat(out)
                .contains("<title>تقرير</title>")
                .contains("<p>القافلة</p>")
                .containsIgnoringCase("charset=\"UTF-8\"")
                .doesNotContain("<script")
                .doesNotContain("Daleel");
    }

    @Test
    void keeps_fragments_after_the_replay_path() {
        assertThat(rewriter.rewrite("https://news.example/p#section-2", "https://news.example/"))
                .isEqualTo(P + "https://news.example/p#section-2");
    }

    @Test
    void encodes_spaces_quotes_and_non_ascii_in_replay_paths() {
        assertThat(ReplayPaths.path(ID, "https://news.example/a b/\"q\"/حلب.png"))
                .isEqualTo(P + "https://news.example/a%20b/%22q%22/%D8%AD%D9%84%D8%A8.png");
    }

    @Test
    void url_keys_ignore_case_of_scheme_and_host_default_ports_escapes_and_fragments() {
        String key = ReplayPaths.key("https://news.example/حلب?x=1");
        assertThat(ReplayPaths.key("HTTPS://NEWS.example:443/%D8%AD%D9%84%D8%A8?x=1#frag"))
                .isEqualTo(key);
        assertThat(ReplayPaths.key("https://news.example/%D8%AD%D9%84%D8%A8?x=2"))
                .isNotEqualTo(key);
        assertThat(ReplayPaths.key("http://h.example")).isEqualTo(ReplayPaths.key("http://h.example:80/"));
        assertThat(ReplayPaths.key("http://h.example/Path")).isNotEqualTo(ReplayPaths.key("http://h.example/path"));
    }
}
