package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Russian warplanes carried out airstrikes on Saraqib.|air_drone_strike",
                "Helicopters dropped barrel bombs on Daraa.|air_drone_strike",
                "Artillery shells struck the market in Douma.|shelling",
                "Rebels fired mortars at Damascus.|shelling",
                "Clashes broke out between the SDF and Turkish forces near Manbij.|armed_clash",
                "Government forces recaptured Palmyra.|government_regains_territory",
                "Syrian government forces captured 220 villages.|government_regains_territory",
                "Islamic State fighters seized Palmyra.|non_state_overtakes_territory",
                "The town has been under siege for four years.|siege",
                "Buses evacuated the last fighters and civilians from Darayya.|evacuation",
                "Thousands were forcibly displaced from Qusayr.|forced_displacement",
                "Airstrikes hit a hospital in Aleppo.|attack_on_medical_aid",
                "Witnesses described a chlorine attack on Douma.|chemical_attack",
                "Security forces arrested 20 activists in Hama.|arrest_detention",
                "Militants executed five men in Raqqa.|execution",
                "Fighters looted homes in Afrin.|looting",
                "A car bomb exploded in Azaz.|remote_explosive",
                "A suicide bomber struck a checkpoint.|suicide_bomb",
                "A ceasefire took effect on Monday.|agreement",
                "Protesters gathered in Suwayda.|protest",
                "شن الطيران الحربي غارات على سراقب.|air_drone_strike",
                "سقطت قذائف هاون على دمشق.|shelling",
                "قصفت قوات النظام بلدة داريا.|shelling",
                "اندلعت اشتباكات بين قسد والجيش التركي.|armed_clash",
                "استعادت قوات النظام السيطرة على تدمر.|government_regains_territory",
                "تعيش المدينة تحت الحصار منذ أربع سنوات.|siege",
                "بدأ إجلاء المدنيين من داريا.|evacuation",
                "استهدفت غارة مشفى في إدلب.|attack_on_medical_aid",
                "قصف بغاز الكلور على دوما.|chemical_attack",
                "شنت قوات الأمن حملة اعتقالات في حماة.|arrest_detention",
            })
    void sentences_are_classified(String text, String type) {
        assertThat(Fixtures.analyze(text).events()).extracting(Event::type).contains(type);
    }

    @Test
    void a_sentence_without_an_event_gives_none() {
        assertThat(Fixtures.analyze("The council published its annual budget in Damascus.")
                        .events())
                .isEmpty();
    }

    @Test
    void an_event_carries_its_actors_places_and_date() {
        Analysis a = Fixtures.analyze(
                "Russian warplanes struck Saraqib in Idlib province on Friday. Two civilians were killed.",
                "2016-08-20");
        assertThat(a.events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("air_drone_strike");
            assertThat(e.actors()).containsExactly("russian-forces");
            assertThat(e.places()).contains(164816L, 169387L);
            assertThat(e.date()).isEqualTo("2016-08-19");
        });
    }

    @Test
    void event_types_parse_their_codes_and_name_the_valid_ones_on_error() {
        assertThat(Arrays.stream(EventType.values()).map(t -> EventType.parse(t.code())))
                .containsExactly(EventType.values());
        assertThat(EventType.parse("AIR_DRONE_STRIKE")).isEqualTo(EventType.AIR_DRONE_STRIKE);
        assertThat(EventType.SHELLING.acledSubEventType()).isEqualTo("Shelling/artillery/missile attack");
        assertThatThrownBy(() -> EventType.parse("bombing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bombing'")
                .hasMessageContaining("shelling")
                .hasMessageContaining("air_drone_strike");
        assertThatThrownBy(() -> ActorType.parse("Warlords")).hasMessageContaining("Rebel groups");
    }
}
