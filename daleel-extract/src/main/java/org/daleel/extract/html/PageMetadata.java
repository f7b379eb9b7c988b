package org.daleel.extract.html;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daleel.extract.date.StatedDates;
import org.daleel.extract.text.CleanText;
import org.jsoup.nodes.Element;

/** Title and publication date that a page states about itself. */
final class PageMetadata {
    private static final int MAX_TITLE = 300;
    private static final int MAX_CANDIDATES = 20;

    /** Meta names and properties that state publication, most specific first. */
    private static final List<String> PUBLISHED_META = List.of(
            "article:published_time",
            "og:published_time",
            "og:article:published_time",
            "datepublished",
            "dc.date.issued",
            "dcterms.issued",
            "dcterms.created",
            "dc.date.created",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "publication_date",
            "citation_publication_date",
            "citation_date",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "dc.date",
            "dcterms.date");

    private static final Pattern JSON_LD_PUBLISHED = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{4,60})\"");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—»·]{1,2}\\s+|\\s+::\\s+");

    private PageMetadata() {}

    /** og:title, else the {@code <title>} without the site name, else the first h1. */
    static String title(String titleElement, PageScan scan) {
        String og = meta(scan, "og:title");
        if (!og.isBlank()) {
            return clean(og);
        }
        String title = clean(titleElement);
        if (!title.isEmpty()) {
            String h1 = clean(scan.firstH1);
            if (h1.length() >= 10 && title.contains(h1)) {
                return h1;
            }
            return withoutSiteName(title);
        }
        return clean(scan.firstH1);
    }

    /** Publication date: meta tags, JSON-LD, time elements, then a date in a byline. */
    static String published(PageScan scan) {
        for (String name : PUBLISHED_META) {
            String value = meta(scan, name);
            if (!value.isBlank()) {
                Optional<String> date = StatedDates.normalise(value);
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        for (String json : scan.jsonLd) {
            Matcher m = JSON_LD_PUBLISHED.matcher(json);
            if (m.find()) {
                Optional<String> date = StatedDates.normalise(m.group(1));
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        for (Element e : first(scan.datePublishedElements)) {
            Optional<String> date = dateOf(e);
            if (date.isPresent()) {
                return date.get();
            }
        }
        for (Element time : scan.times) {
            if (time.hasAttr("pubdate")) {
                Optional<String> date = dateOf(time);
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        for (Element byline : first(scan.bylines)) {
            for (Element time : byline.getElementsByTag("time")) {
                Optional<String> date = dateOf(time);
                if (date.isPresent()) {
                    return date.get();
                }
            }
            String text = byline.text();
            if (text.length() <= 200) {
                Optional<String> date = StatedDates.inProse(text);
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        return "";
    }

    /** The first few candidates: enough for any real page, and nested ones cannot make it quadratic. */
    private static List<Element> first(List<Element> candidates) {
        return candidates.size() <= MAX_CANDIDATES ? candidates : candidates.subList(0, MAX_CANDIDATES);
    }

    private static Optional<String> dateOf(Element e) {
        for (String attribute : new String[] {"datetime", "content"}) {
            String value = e.attr(attribute);
            if (!value.isBlank()) {
                Optional<String> date = StatedDates.normalise(value);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        String text = e.text();
        return text.length() <= 200 ? StatedDates.normalise(text) : Optional.empty();
    }

    /** Content of the first meta whose property, name or itemprop is {@code key} (case-insensitive). */
    static String meta(PageScan scan, String key) {
        for (Element meta : scan.metas) {
            var a = meta.attributes();
            if (a.getIgnoreCase("property").equalsIgnoreCase(key)
                    || a.getIgnoreCase("name").equalsIgnoreCase(key)
                    || a.getIgnoreCase("itemprop").equalsIgnoreCase(key)) {
                String content = a.getIgnoreCase("content");
                if (!content.isBlank()) {
                    return content;
                }
            }
        }
        return "";
    }

    /** The language a page declares, {@code <html lang>}, as a two-letter code, or "". */
    static String declaredLanguage(Element html) {
        if (html == null) {
            return "";
        }
        String lang = html.attr("lang").strip().toLowerCase(Locale.ROOT);
        if (lang.length() >= 2 && (lang.length() == 2 || lang.charAt(2) == '-' || lang.charAt(2) == '_')) {
            String code = lang.substring(0, 2);
            return Character.isLetter(code.charAt(0)) && Character.isLetter(code.charAt(1)) ? code : "";
        }
        return "";
    }

    private static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        return CleanText.cut(CleanText.of(raw).replace('\n', ' '), MAX_TITLE);
    }

    /** "Headline - Site" or "Site | Headline" gives the longest part, if it has two words or more. */
    static String withoutSiteName(String title) {
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        String longest = "";
        for (String part : parts) {
            if (part.strip().length() > longest.length()) {
                longest = part.strip();
            }
        }
        return longest.indexOf(' ') > 0 && longest.length() * 2 >= title.length() * 0.8 ? longest : title;
    }
}
