package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.daleel.analysis.actor.ActorThesaurus;
import org.daleel.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActorTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "The regime shelled the town.|The regime|syrian-government-forces|State forces",
                "Regime forces advanced.|Regime forces|syrian-government-forces|State forces",
                "قصفت قوات النظام البلدة.|قوات النظام|syrian-government-forces|State forces",
                "انتشر الجيش السوري في المدينة.|الجيش السوري|syrian-government-forces|State forces",
                "Russian warplanes struck the market.|Russian warplanes|russian-forces|External/Other forces",
                "Turkish forces entered the town.|Turkish forces|turkish-forces|External/Other forces",
                "The IRGC sent advisers.|IRGC|irgc|External/Other forces",
                "ISIS claimed the attack.|ISIS|islamic-state|Rebel groups",
                "ISIL claimed the attack.|ISIL|islamic-state|Rebel groups",
                "Daesh claimed the attack.|Daesh|islamic-state|Rebel groups",
                "تبنى داعش الهجوم.|داعش|islamic-state|Rebel groups",
                "تبنى تنظيم الدولة الهجوم.|تنظيم الدولة|islamic-state|Rebel groups",
                "The Free Syrian Army withdrew.|The Free Syrian Army|free-syrian-army|Rebel groups",
                "انسحب الجيش السوري الحر.|الجيش السوري الحر|free-syrian-army|Rebel groups",
                "HTS fighters attacked.|HTS|hayat-tahrir-al-sham|Rebel groups",
                "Hay'at Tahrir al-Sham attacked.|Hay'at Tahrir al-Sham|hayat-tahrir-al-sham|Rebel groups",
                "هاجمت هيئة تحرير الشام المواقع.|هيئة تحرير الشام|hayat-tahrir-al-sham|Rebel groups",
                "Jabhat Fateh al-Sham attacked.|Jabhat Fateh al-Sham|jabhat-al-nusra|Rebel groups",
                "هاجمت جبهة النصرة المواقع.|جبهة النصرة|jabhat-al-nusra|Rebel groups",
                "The SDF captured the dam.|SDF|sdf|Rebel groups",
                "سيطرت قسد على السد.|قسد|sdf|Rebel groups",
                "The YPG withdrew.|YPG|ypg|Rebel groups",
                "Hezbollah fighters crossed the border.|Hezbollah fighters|hezbollah|Political militias",
                "قاتل عناصر حزب الله في القصير.|حزب الله|hezbollah|Political militias",
                "The UN Security Council met.|UN Security Council|un-security-council|International bodies",
                "The OPCW confirmed sarin use.|OPCW|opcw|International bodies",
                "The Syrian Arab Red Crescent delivered aid.|Syrian Arab Red Crescent|sarc|Humanitarian bodies",
                "وزع الهلال الأحمر العربي السوري المساعدات.|الهلال الأحمر العربي السوري|sarc|Humanitarian bodies",
                "The White Helmets pulled survivors out.|The White Helmets|white-helmets|Humanitarian bodies",
                "Syria Civil Defence said.|Syria Civil Defence|white-helmets|Humanitarian bodies",
                "قال الدفاع المدني السوري إن.|الدفاع المدني السوري|white-helmets|Humanitarian bodies",
                "Fatemiyoun fighters arrived.|Fatemiyoun|foreign-shia-militias|Identity militias",
            })
    void thesaurus_aliases_in_english_and_arabic(String text, String mention, String id, String type) {
        assertThat(Fixtures.analyze(text).actors()).anySatisfy(a -> {
            assertThat(a.text()).isEqualTo(mention);
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.type()).isEqualTo(type);
        });
    }

    @Test
    void short_acronyms_match_only_in_capitals() {
        assertThat(Fixtures.analyze("This is what it is.").actors()).isEmpty();
        assertThat(Fixtures.analyze("IS fighters attacked the town of Raqqa.").actors())
                .extracting(ActorMention::id)
                .contains("islamic-state");
    }

    @Test
    void government_forces_belong_to_the_country_of_the_report() {
        assertThat(Fixtures.analyze("Government forces shelled Douma, near Damascus, in Syria.")
                        .actors())
                .extracting(ActorMention::id)
                .contains("syrian-government-forces");
        assertThat(Fixtures.analyze("Government forces entered Mosul and Tikrit in Iraq.")
                        .actors())
                .extracting(ActorMention::id)
                .contains("iraqi-security-forces");
        assertThat(Fixtures.analyze("Government forces were deployed.").actors())
                .isEmpty();
    }

    @Test
    void a_named_person_carries_the_role_the_text_gives() {
        assertThat(Fixtures.analyze("Opposition leader Riyad Hijab said talks had failed.")
                        .actors())
                .anySatisfy(a -> {
                    assertThat(a.text()).isEqualTo("Riyad Hijab");
                    assertThat(a.id()).isEqualTo("person:riyad-hijab");
                    assertThat(a.type()).isEqualTo("Person");
                    assertThat(a.role()).isEqualTo("Opposition leader");
                });
        assertThat(Fixtures.analyze("Syrian President Bashar al-Assad spoke.").actors())
                .anySatisfy(a -> {
                    assertThat(a.name()).isEqualTo("Bashar al-Assad");
                    assertThat(a.role()).isEqualTo("Syrian President");
                });
        assertThat(Fixtures.analyze("قال رئيس الوزراء رياض حجاب إن المحادثات فشلت.")
                        .actors())
                .anySatisfy(a -> {
                    assertThat(a.name()).isEqualTo("رياض حجاب");
                    assertThat(a.role()).isEqualTo("رئيس الوزراء");
                });
    }

    @Test
    void users_extend_the_thesaurus_with_their_own_file(@TempDir Path dir) throws IOException {
        Path extra = dir.resolve("my-actors.tsv");
        Files.writeString(
                extra,
                "# local groups\n"
                        + "liwa-al-test\tRebel groups\tSY\tLiwa al-Test\tلواء الاختبار\tTest Brigade|كتيبة الاختبار\n"
                        + "islamic-state\tRebel groups\t\tIslamic State\t\tTanzim\n",
                StandardCharsets.UTF_8);
        ActorThesaurus th = ActorThesaurus.load(List.of(extra));
        TextAnalyzer analyzer = new TextAnalyzer(Fixtures.ANALYZER.gazetteer(), th);
        Analysis a = analyzer.analyze("The Test Brigade clashed with Tanzim near Idlib.", Optional.empty());
        assertThat(a.actors()).extracting(ActorMention::id).containsExactly("liwa-al-test", "islamic-state");
        assertThat(th.find("liwa-al-test"))
                .get()
                .satisfies(e -> assertThat(e.nameAr()).isEqualTo("لواء الاختبار"));
    }

    @Test
    void a_malformed_thesaurus_row_is_reported_with_file_and_line(@TempDir Path dir) throws IOException {
        Path extra = dir.resolve("bad.tsv");
        Files.writeString(extra, "x\tWarlords\tSY\tX\tس\tx\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ActorThesaurus.load(List.of(extra)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.tsv line 1")
                .hasMessageContaining("Warlords")
                .hasMessageContaining("State forces");
    }
}
