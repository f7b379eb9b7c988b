package org.daleel.extract.html;

/** HTML fixtures written for the tests. */
final class Pages {
    private Pages() {}

    /** A news page of about 10 KB: navigation, a long article, related links, comments, footer. */
    static String newsPage() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Convoy hit on the road out of Aleppo | Example News</title>")
                .append("<meta property=\"article:published_time\" content=\"2016-12-15T09:30:00+02:00\">")
                .append("<script>var tracking = {page: 'x'};</script><style>body{}</style></head><body>")
                .append("<div id=\"cookie-banner\">We use cookies. Accept all cookies</div>")
                .append("<header class=\"site-header\"><a href=\"/\">Example News</a><ul class=\"menu\">");
        for (int i = 0; i < 12; i++) {
            b.append("<li><a href=\"/s")
                    .append(i)
                    .append("\">Section ")
                    .append(i)
                    .append("</a></li>");
        }
        b.append("</ul></header><div class=\"layout\"><div class=\"story-body\">")
                .append("<h1>Convoy hit on the road out of Aleppo</h1>")
                .append("<div class=\"byline\">By a correspondent, 15 December 2016</div>");
        String[] sentences = {
            "Buses carrying civilians out of the eastern districts were stopped at a checkpoint near Ramouseh, witnesses said.",
            "Several vehicles were set on fire, according to two volunteers of the civil defence, who asked not to be named.",
            "The evacuation, agreed the previous evening, had been suspended twice during the day, leaving families waiting in the cold.",
            "Medical workers said the wounded were taken to a field hospital in the western countryside of the province.",
        };
        for (int p = 0; p < 22; p++) {
            b.append("<p>");
            for (int s = 0; s < 3; s++) {
                b.append(sentences[(p + s) % sentences.length]).append(' ');
            }
            b.append("</p>\n");
        }
        b.append("</div><div class=\"related-links\"><h3>Related</h3><ul>");
        for (int i = 0; i < 8; i++) {
            b.append("<li><a href=\"/r")
                    .append(i)
                    .append("\">Related story number ")
                    .append(i)
                    .append("</a></li>");
        }
        b.append(
                        "</ul></div><div id=\"comments\"><p>First comment: this is a terrible tragedy, shame on everyone involved.</p></div>")
                .append("<div class=\"share-tools\">Share on Facebook Share on Twitter</div></div>")
                .append("<footer>Copyright Example News. Subscribe to our newsletter</footer></body></html>");
        return b.toString();
    }
}
