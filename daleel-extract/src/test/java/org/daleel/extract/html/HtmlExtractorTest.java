package org.daleel.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.daleel.extract.Extraction.Extracted;
import org.daleel.extract.lang.LanguageIdentifier;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
    private static final HtmlExtractor HTML = new HtmlExtractor(new LanguageIdentifier());

    private static Extracted extract(String html) {
        return HTML.extract(html.getBytes(StandardCharsets.UTF_8), "text/html", "", "https://example.org/");
    }

    private static String page(String head, String body) {
        return "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>";
    }

    private static final String PROSE =
            "<p>Residents said the shelling started before dawn and lasted for several hours, "
                    + "damaging homes, a bakery and the water network that serves the southern districts of the town.</p>";

    @Test
    void removes_navigation_cookie_banners_related_links_comments_share_bars_and_footers() {
        Extracted e = extract(Pages.newsPage());

        assertThat(e.title()).isEqualTo("Convoy hit on the road out of Aleppo");
        assertThat(e.text())
                .startsWith("Convoy hit on the road out of Aleppo")
                .contains("checkpoint near Ramouseh")
                .doesNotContain("cookies")
                .doesNotContain("Section 3")
                .doesNotContain("Related story")
                .doesNotContain("First comment")
                .doesNotContain("Share on Facebook")
                .doesNotContain("Subscribe")
                .doesNotContain("tracking");
        assertThat(e.published()).isEqualTo("2016-12-15T07:30:00Z");
        assertThat(e.language()).isEqualTo("en");
    }

    @Test
    void finds_the_main_block_by_text_density_when_the_page_has_no_article_element() {
        StringBuilder links = new StringBuilder("<div class=\"col\">");
        for (int i = 0; i < 30; i++) {
            links.append("<div><a href=\"/x")
                    .append(i)
                    .append("\">Another headline about the region, number ")
                    .append(i)
                    .append("</a></div>");
        }
        links.append("</div>");
        String body = links + "<div class=\"col\"><div>" + PROSE.repeat(4) + "</div></div>"
                + "<div class=\"col\"><p>Short teaser with <a href=\"/y\">a link that is long and says a lot about nothing</a></p></div>";

        Extracted e = extract(page("<title>Town shelled</title>", body));

        assertThat(e.text())
                .startsWith("Residents said the shelling")
                .doesNotContain("Another headline")
                .doesNotContain("teaser");
        assertThat(e.text().split("\n\n")).hasSize(4);
    }

    @Test
    void prefers_the_element_marked_as_article_body() {
        String body = "<div><h2>Most read</h2>" + PROSE.replace("Residents", "Readers") + "</div>"
                + "<div itemprop=\"articleBody\"><p>Marked body text of the story.</p></div>";

        Extracted e = extract(page("", body));

        assertThat(e.text()).isEqualTo("Marked body text of the story.");
    }

    @Test
    void keeps_a_page_wrapped_in_one_form_and_a_header_inside_the_article() {
        String body =
                "<form id=\"aspnetForm\"><div class=\"main-wrapper\"><article><header><h1>Headline of the day</h1></header>"
                        + PROSE + "</article></div><form><input name=\"q\"><p>Search the site</p></form></form>";

        Extracted e = extract(page("", body));

        assertThat(e.text()).startsWith("Headline of the day\n\nResidents said").doesNotContain("Search the site");
    }

    @Test
    void renders_line_breaks_lists_and_preformatted_text() {
        Extracted e = extract(page(
                "",
                "<article><p>one<br>two</p><ul><li>a</li><li>b</li></ul><pre>x  y\n z</pre>" + PROSE + "</article>"));

        assertThat(e.text()).startsWith("one\ntwo\n\na\nb\n\nx y\nz\n\nResidents");
    }

    @Test
    void takes_og_title_first_then_title_without_site_name_then_h1() {
        assertThat(extract(page(
                                "<meta property=\"og:title\" content=\" Open  graph title \"><title>T | Site</title>",
                                PROSE))
                        .title())
                .isEqualTo("Open graph title");
        assertThat(extract(page("<title>Siege of Madaya enters its sixth month - Example News</title>", PROSE))
                        .title())
                .isEqualTo("Siege of Madaya enters its sixth month");
        assertThat(extract(page("<title>Example News | Siege of Madaya enters its sixth month</title>", PROSE))
                        .title())
                .isEqualTo("Siege of Madaya enters its sixth month");
        assertThat(extract(page("", "<h1>Only a heading</h1>" + PROSE)).title()).isEqualTo("Only a heading");
        assertThat(extract(page("", PROSE)).title()).isEmpty();
    }

    @Test
    void reads_the_publication_date_from_meta_tags_json_ld_time_elements_and_bylines() {
        assertThat(extract(page("<meta name=\"DC.date.issued\" content=\"2016-08-20\">", PROSE))
                        .published())
                .isEqualTo("2016-08-20");
        assertThat(extract(page("<meta name=\"dcterms.created\" content=\"2016-08\">", PROSE))
                        .published())
                .isEqualTo("2016-08");
        assertThat(extract(page("<meta property=\"og:published_time\" content=\"2016-08-20T10:00:00Z\">", PROSE))
                        .published())
                .isEqualTo("2016-08-20T10:00:00Z");
        assertThat(extract(page("<meta name=\"pubdate\" content=\"20160820\">", PROSE))
                        .published())
                .isEqualTo("2016-08-20");
        assertThat(extract(page(
                                "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                                        + "\"@type\":\"NewsArticle\",\"datePublished\": \"2016-08-20T13:00:00+03:00\"}</script>",
                                PROSE))
                        .published())
                .isEqualTo("2016-08-20T10:00:00Z");
        assertThat(extract(page(
                                "",
                                "<article><span itemprop=\"datePublished\" content=\"2016-08-21\">Aug 21</span>" + PROSE
                                        + "</article>"))
                        .published())
                .isEqualTo("2016-08-21");
        assertThat(extract(page(
                                "",
                                "<article><time datetime=\"2016-08-22\" pubdate>Monday</time>" + PROSE + "</article>"))
                        .published())
                .isEqualTo("2016-08-22");
        assertThat(extract(page(
                                "",
                                "<article><p class=\"byline\">Posted August 23, 2016 by staff</p>" + PROSE
                                        + "</article>"))
                        .published())
                .isEqualTo("2016-08-23");
        assertThat(extract(page("", "<article><div class=\"date\">٢٤ آب ٢٠١٦</div>" + PROSE + "</article>"))
                        .published())
                .isEqualTo("2016-08-24");
    }

    @Test
    void leaves_the_date_empty_when_the_page_states_none() {
        Extracted e = extract(page(
                "<meta name=\"date\" content=\"not a date\">",
                "<article><p>On 20 August 2016 the shelling started.</p>" + PROSE + "</article>"));

        assertThat(e.published()).isEmpty();
    }

    @Test
    void decodes_a_legacy_arabic_page_by_its_meta_charset() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"
                + "<title>قصف داريا</title></head><body><article><p>قال سكان إن القذائف أصابت محيط محطة ضخ المياه في داريا.</p>"
                + "</article></body></html>";

        Extracted e = HTML.extract(html.getBytes(Charset.forName("windows-1256")), "text/html", "", "");

        assertThat(e.title()).isEqualTo("قصف داريا");
        assertThat(e.text()).isEqualTo("قال سكان إن القذائف أصابت محيط محطة ضخ المياه في داريا.");
        assertThat(e.language()).isEqualTo("ar");
    }

    @Test
    void decodes_an_unlabelled_legacy_arabic_page_as_windows_1256() {
        String html = "<html><body><p>قال سكان إن القذائف أصابت محيط محطة ضخ المياه في داريا.</p></body></html>";

        Extracted e = HTML.extract(html.getBytes(Charset.forName("windows-1256")), "text/html", "", "");

        assertThat(e.text()).isEqualTo("قال سكان إن القذائف أصابت محيط محطة ضخ المياه في داريا.");
    }

    @Test
    void honours_the_http_charset_over_the_meta_charset_and_a_bom_over_both() {
        String html = "<html><head><meta charset=\"utf-8\"></head><body><p>café à Alep</p></body></html>";
        byte[] latin = html.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(HTML.extract(latin, "text/html", "iso-8859-1", "").text()).isEqualTo("café à Alep");

        byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertThat(HTML.extract(withBom, "text/html", "windows-1256", "").text())
                .isEqualTo("café à Alep");
    }

    @Test
    void identifies_an_arabic_page_even_when_it_declares_english() {
        Extracted e = extract("<html lang=\"en\"><body><article><p>أفاد ناشطون بأن قوات النظام قصفت أحياء المدينة "
                + "بالبراميل المتفجرة، ما أدى إلى سقوط قتلى وجرحى بين المدنيين.</p></article></body></html>");

        assertThat(e.language()).isEqualTo("ar");
    }

    @Test
    void takes_linear_time_on_deeply_nested_elements() {
        String text = "Some words, with commas, and enough of them to count as a paragraph. ";
        byte[] html = ("<html><body>" + ("<span>" + text).repeat(40_000)).getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        Extracted e = HTML.extract(html, "text/html", "", "");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.text()).startsWith("Some words");
        // quadratic scoring took 18 s here at half this depth (so > 70 s now); linear takes about a second
        assertThat(millis).isLessThan(30_000);
    }

    @Test
    void extracts_text_and_title_from_xml() {
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><title>Feed title</title>"
                        + "<item><title>First item</title><description>Shelling near the water station.</description></item>"
                        + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8);

        Extracted e = HTML.extractXml(rss, "application/rss+xml", "");

        assertThat(e.title()).isEqualTo("Feed title");
        assertThat(e.text()).isEqualTo("Feed title\nFirst item\nShelling near the water station.");
    }
}
