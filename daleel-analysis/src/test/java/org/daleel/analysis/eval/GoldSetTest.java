package org.daleel.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class GoldSetTest {
    private static GoldSet parse(String text) throws IOException {
        return GoldSet.read(new StringReader(text), "sample");
    }

    private static final String DOC = """
            # a comment
            ## doc a-1
            lang: en
            published: 2016-08-20
            text: Shelling hit rural Aleppo and Aleppo city; there is hope in Aleppo since June 2016.
            place: rural Aleppo = 170062
            place: Aleppo = 170063
            place: hope = 0
            date: June 2016 = 2016-06
            event: shelling
            actor: civilians
            """;

    @Test
    void every_occurrence_of_a_surface_is_a_mention_and_longer_surfaces_claim_first() throws IOException {
        GoldDocument d = parse(DOC).documents().getFirst();
        assertThat(d.places())
                .extracting(GoldPlace::text, GoldPlace::geonameId, GoldPlace::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rural Aleppo", 170062L, GoldPlace.Kind.PLACE),
                        org.assertj.core.groups.Tuple.tuple("Aleppo", 170063L, GoldPlace.Kind.PLACE),
                        org.assertj.core.groups.Tuple.tuple("hope", 0L, GoldPlace.Kind.TRAP),
                        org.assertj.core.groups.Tuple.tuple("Aleppo", 170063L, GoldPlace.Kind.PLACE));
        GoldPlace second = d.places().get(1);
        assertThat(d.text().substring(second.start(), second.end())).isEqualTo("Aleppo");
        assertThat(second.start()).isEqualTo(d.text().indexOf("Aleppo city"));
        assertThat(d.events()).containsExactly("shelling");
        assertThat(d.actors()).containsExactly("civilians");
        assertThat(d.dates())
                .extracting(GoldDate::text, GoldDate::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("June 2016", "2016-06"));
    }

    @Test
    void arabic_surfaces_match_after_attached_clitics_and_n_th_occurrences_can_be_told_apart() throws IOException {
        GoldSet s = parse("""
                ## doc ar-1
                lang: ar
                published: 2016-08-20
                text: كسروا الباب ثم قصفوا مدينة الباب وبحلب، والحلبيون صامدون.
                place: الباب #1 = 0
                place: الباب = 174018
                place: حلب = 170063
                place: مدينة = ?
                """);
        List<GoldPlace> p = s.documents().getFirst().places();
        assertThat(p)
                .extracting(GoldPlace::kind)
                .containsExactly(
                        GoldPlace.Kind.TRAP, GoldPlace.Kind.UNSCORED, GoldPlace.Kind.PLACE, GoldPlace.Kind.PLACE);
        assertThat(p.get(3).text()).isEqualTo("حلب"); // in "وبحلب", not inside "والحلبيون"
        assertThat(p).hasSize(4);
    }

    @Test
    void rejects_a_surface_that_is_not_in_the_text_naming_the_line() {
        assertThatThrownBy(() -> parse(DOC.replace("place: hope = 0", "place: Homs = 169577")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gold set sample line 8")
                .hasMessageContaining("'Homs' does not occur");
    }

    @Test
    void rejects_unknown_event_types_keys_languages_dates_and_duplicate_ids() {
        assertThatThrownBy(() -> parse(DOC.replace("event: shelling", "event: bombing")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 10")
                .hasMessageContaining("bombing");
        assertThatThrownBy(() -> parse(DOC.replace("actor: civilians", "who: civilians")))
                .hasMessageContaining("unknown key 'who'");
        assertThatThrownBy(() -> parse(DOC.replace("lang: en", "lang: fr")))
                .hasMessageContaining("lang must be en or ar");
        assertThatThrownBy(() -> parse(DOC.replace("date: June 2016 = 2016-06", "date: there = last week")))
                .hasMessageContaining("ISO 8601");
        assertThatThrownBy(() -> parse(DOC + DOC.replace("# a comment", "")))
                .hasMessageContaining("duplicate document id a-1");
        assertThatThrownBy(() -> parse("# nothing\n")).hasMessageContaining("no '## doc ID' block");
    }

    @Test
    void bundled_sets_parse_and_the_test_set_is_at_least_40_documents_half_arabic() {
        GoldSet dev = GoldSet.bundled("dev");
        GoldSet test = GoldSet.bundled("test");
        assertThat(dev.documents()).hasSize(16);
        assertThat(test.documents()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(test.documents().stream().filter(d -> d.lang().equals("ar")).count() * 2)
                .isGreaterThanOrEqualTo(test.documents().size());
        for (GoldDocument d : test.documents()) {
            int words = d.text().split("\\s+").length;
            assertThat(words).as(d.id() + " word count").isBetween(100, 300);
        }
        assertThat(test.documents())
                .extracting(GoldDocument::id)
                .doesNotContainAnyElementsOf(
                        dev.documents().stream().map(GoldDocument::id).toList());
        assertThatThrownBy(() -> GoldSet.bundled("train")).hasMessageContaining("expected one of dev, test");
    }
}
