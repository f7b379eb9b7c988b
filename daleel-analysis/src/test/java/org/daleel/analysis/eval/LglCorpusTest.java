package org.daleel.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LglCorpusTest {
    static List<LglDocument> sample() throws IOException {
        try (InputStream in = LglCorpusTest.class.getResourceAsStream("lgl-sample.xml")) {
            return LglCorpus.read(in, "lgl-sample.xml");
        }
    }

    @Test
    void reads_articles_toponyms_ids_coordinates_and_untagged_toponyms() throws IOException {
        List<LglDocument> docs = sample();
        assertThat(docs).extracting(LglDocument::id).containsExactly("1001", "1002");
        LglDocument d = docs.getFirst();
        assertThat(d.published()).contains(LocalDate.of(2009, 3, 20));
        assertThat(d.toponyms()).hasSize(3);
        LglToponym first = d.toponyms().getFirst();
        assertThat(first.geonameId()).isEqualTo(4119403L);
        assertThat(first.lat()).isEqualTo(34.74648);
        assertThat(first.lon()).isEqualTo(-92.28959);
        assertThat(d.text().substring(first.start(), first.end())).isEqualTo("Little Rock");
        assertThat(d.toponyms().get(2).tagged()).isFalse();
        assertThat(d.toponyms().get(2).phrase()).isEqualTo("Main Street");
    }

    @Test
    void converts_code_point_offsets_to_utf16_offsets() throws IOException {
        LglDocument d = sample().get(1);
        LglToponym paris = d.toponyms().getFirst();
        assertThat(paris.start()).isEqualTo(18); // 17 code points: the pin emoji is two UTF-16 chars
        assertThat(d.text().substring(paris.start(), paris.end())).isEqualTo("Paris");
    }

    @Test
    void rejects_offsets_that_do_not_point_at_their_phrase_and_files_of_another_shape(@TempDir Path dir)
            throws IOException {
        String bad = new String(
                        LglCorpusTest.class
                                .getResourceAsStream("lgl-sample.xml")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("<start>23</start>", "<start>22</start>");
        assertThatThrownBy(() -> LglCorpus.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("article 1001")
                .hasMessageContaining("does not match the text");
        assertThatThrownBy(() ->
                        LglCorpus.read(new ByteArrayInputStream("<rss/>".getBytes(StandardCharsets.UTF_8)), "feed.xml"))
                .hasMessageContaining("feed.xml: not LGL XML");
        assertThatThrownBy(() -> LglCorpus.read(
                        new ByteArrayInputStream("not xml".getBytes(StandardCharsets.UTF_8)), "notes.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("notes.txt: not LGL XML");
        assertThatThrownBy(() -> LglCorpus.read(dir.resolve("missing.xml"))).hasMessageContaining("no such file");
    }

    @Test
    void does_not_resolve_external_entities(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><articles><article docid=\"1\"><text>&x; in Paris</text></article></articles>";
        Path file = Files.writeString(dir.resolve("xxe.xml"), xxe);
        try {
            List<LglDocument> docs = LglCorpus.read(file);
            assertThat(docs.getFirst().text()).doesNotContain("SECRET");
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).contains("xxe.xml");
        }
    }
}
