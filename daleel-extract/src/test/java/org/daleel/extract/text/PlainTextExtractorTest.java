package org.daleel.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.daleel.extract.Extraction.Extracted;
import org.daleel.extract.lang.LanguageIdentifier;
import org.junit.jupiter.api.Test;

class PlainTextExtractorTest {
    private static final PlainTextExtractor TEXT = new PlainTextExtractor(new LanguageIdentifier());

    @Test
    void takes_the_first_non_empty_line_as_title_and_identifies_the_language() {
        String body =
                "\n\n  Witness statement, Darayya  \n\nI saw the shells fall near the water station on Friday night, "
                        + "and the families who had been waiting for the convoy ran back into the basements.";

        Extracted e = TEXT.extract(body.getBytes(StandardCharsets.UTF_8), "text/plain", "");

        assertThat(e.title()).isEqualTo("Witness statement, Darayya");
        assertThat(e.text()).startsWith("Witness statement, Darayya\n\nI saw");
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.published()).isEmpty();
    }

    @Test
    void cuts_a_long_first_line_to_200_characters() {
        Extracted e = TEXT.extract("word ".repeat(100).getBytes(StandardCharsets.UTF_8), "text/plain", "");

        assertThat(e.title())
                .hasSizeLessThanOrEqualTo(PlainTextExtractor.MAX_TITLE)
                .startsWith("word word");
    }

    @Test
    void notes_a_file_of_white_space() {
        Extracted e = TEXT.extract(" \n\t \n".getBytes(StandardCharsets.UTF_8), "text/plain", "");

        assertThat(e.text()).isEmpty();
        assertThat(e.note()).contains("no text");
    }
}
