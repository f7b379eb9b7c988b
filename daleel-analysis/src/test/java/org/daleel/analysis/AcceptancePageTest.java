package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The acceptance report page (shared/acceptance/data/site/report.html), analysed as the CLI would. */
class AcceptancePageTest {
    private static String page() throws IOException {
        try (InputStream in = AcceptancePageTest.class.getResourceAsStream("/org/daleel/fixtures/site/report.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void resolves_darayya_to_its_geonames_record_in_syria() throws IOException {
        Analysis a = Fixtures.analyze(page(), "2016-08-20");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Darayya"))
                .isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.geonameId()).isEqualTo(170892L);
                    assertThat(p.countryCode()).isEqualTo("SY");
                    assertThat(p.admin1()).isEqualTo("08");
                    assertThat(p.lat()).isEqualTo(33.45834);
                });
        assertThat(a.places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("Damascus");
            assertThat(p.geonameId()).isEqualTo(170654L);
        });
    }

    @Test
    void offsets_point_at_the_mentions_in_the_analysed_text() throws IOException {
        String page = page();
        Analysis a = Fixtures.analyze(page, "2016-08-20");
        assertThat(a.places())
                .allSatisfy(p -> assertThat(page.substring(p.start(), p.end())).isEqualTo(p.text()));
        assertThat(a.dates())
                .allSatisfy(d -> assertThat(page.substring(d.start(), d.end())).isEqualTo(d.text()));
        assertThat(a.quantities())
                .allSatisfy(q -> assertThat(page.substring(q.start(), q.end())).isEqualTo(q.text()));
        assertThat(a.actors())
                .allSatisfy(x -> assertThat(page.substring(x.start(), x.end())).isEqualTo(x.text()));
    }

    @Test
    void friday_night_is_the_day_before_a_saturday_publication() throws IOException {
        Analysis a = Fixtures.analyze(page(), "2016-08-20");
        assertThat(a.dates()).anySatisfy(d -> {
            assertThat(d.text()).isEqualTo("Friday night");
            assertThat(d.value()).isEqualTo("2016-08-19");
        });
        assertThat(a.dates()).anySatisfy(d -> assertThat(d.value()).isEqualTo("2016-08-20"));
    }

    @Test
    void counts_two_civilians_wounded() throws IOException {
        Analysis a = Fixtures.analyze(page(), "2016-08-20");
        assertThat(a.quantities()).anySatisfy(q -> {
            assertThat(q.text()).isEqualTo("two civilians were wounded");
            assertThat(q.value()).isEqualTo(2L);
            assertThat(q.unit()).isEqualTo("people");
            assertThat(q.what()).isEqualTo("wounded");
        });
    }

    @Test
    void reports_the_shelling_in_darayya_on_friday_night() throws IOException {
        Analysis a = Fixtures.analyze(page(), "2016-08-20");
        assertThat(a.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("shelling");
            assertThat(e.text()).startsWith("Residents of Darayya");
            assertThat(e.places()).containsExactly(170892L); // Damascus only locates Darayya
            assertThat(e.date()).isEqualTo("2016-08-19");
        });
    }

    @Test
    void reads_the_arabic_paragraph_of_the_page() throws IOException {
        String page = page();
        Analysis a = Fixtures.analyze(page, "2016-08-20");
        int arabic = page.indexOf("في داريا");
        assertThat(a.places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("داريا");
            assertThat(p.start()).isGreaterThan(arabic);
            assertThat(p.geonameId()).isEqualTo(170892L);
        });
        assertThat(a.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("shelling");
            assertThat(e.start()).isGreaterThanOrEqualTo(arabic);
        });
    }

    @Test
    void arabic_sentence_alone_gives_the_place_and_the_shelling() {
        Analysis a = Fixtures.analyze("في داريا، قال سكان إن القذائف أصابت محيط محطة ضخ المياه.");
        assertThat(a.language()).isEqualTo("ar");
        assertThat(a.places())
                .extracting(PlaceMention::text, PlaceMention::geonameId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("داريا", 170892L));
        assertThat(a.events()).extracting(Event::type).containsExactly("shelling");
        assertThat(a.events().get(0).places()).containsExactly(170892L);
    }
}
