package org.daleel.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.daleel.extract.Extraction;
import org.daleel.extract.ExtractionInput;
import org.daleel.extract.content.ContentExtractor;
import org.junit.jupiter.api.Test;

class HtmlSpeedTest {

    @Test
    void extracts_a_10_kb_page_in_well_under_a_millisecond_once_warm() {
        byte[] page = Pages.newsPage().getBytes(StandardCharsets.UTF_8);
        ContentExtractor extractor = new ContentExtractor();
        ExtractionInput input = new ExtractionInput(page, "text/html", "news.html", "https://example.org/news");
        for (int i = 0; i < 1500; i++) {
            extractor.extract(input);
        }
        int runs = 1000;
        long start = System.nanoTime();
        Extraction last = null;
        for (int i = 0; i < runs; i++) {
            last = extractor.extract(input);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / runs;
        System.out.printf("HtmlSpeedTest: %d bytes, %.0f us per extraction%n", page.length, micros);
        assertThat(last).isInstanceOf(Extraction.Extracted.class);
        // the target is < 1 ms on a quiet core; the bound leaves room for a loaded CI machine
        assertThat(micros).isLessThan(5_000);
    }
}
