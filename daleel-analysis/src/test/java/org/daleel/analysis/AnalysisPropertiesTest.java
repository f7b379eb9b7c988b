package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the analysis does not fail and every offset points at the reported text. */
class AnalysisPropertiesTest {
    private static final String[] FRAGMENTS = {
        "Darayya",
        "Damascus",
        " ",
        " ",
        "\n\n",
        ", ",
        ". ",
        "-",
        "'",
        "rural ",
        "province",
        "the regime",
        "ISIS",
        "shelling",
        "two",
        "civilians",
        "were wounded",
        "87%",
        " of ",
        "Aleppo",
        "on Friday night",
        "20 August 2016",
        "داريا",
        "في ",
        "بداريا",
        "ريف دمشق",
        "قوات النظام",
        "٢٠",
        "آب",
        "مدنيين اثنين",
        "قذائف",
        "ً",
        "ّ",
        "<p>",
        "</b>",
        "&amp;",
        "\uD800",
        "\uDC00",
        "\uD83D\uDE00",
        "\u0000",
        "U.S.",
        "Hope",
        "Union",
        "West",
        "Dr.",
        "1,200",
        "km²",
        "Palmyra",
        "New York",
        "Syria",
        "Opposition leader Riyad Hijab",
        "ـ",
        "\u200F",
        "е",
        "中",
    };

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 200)
    void offsets_always_point_at_the_reported_text(@ForAll("texts") String text) {
        Analysis a = Fixtures.ANALYZER.analyze(text, Optional.of(LocalDate.parse("2016-08-20")));
        assertThat(a.language()).isNotBlank();
        a.places().forEach(p -> assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text()));
        a.actors().forEach(p -> assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text()));
        a.dates().forEach(p -> assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text()));
        a.quantities()
                .forEach(p -> assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text()));
        a.events().forEach(p -> assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text()));
        a.places().forEach(p -> assertThat(p.geonameId()).isPositive());
    }
}
