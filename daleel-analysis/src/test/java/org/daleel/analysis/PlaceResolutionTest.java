package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceResolutionTest {
    private static List<Long> ids(String text) {
        return Fixtures.analyze(text).places().stream()
                .map(PlaceMention::geonameId)
                .toList();
    }

    @Test
    void palmyra_in_a_report_on_syria_is_tadmur_in_homs_governorate() {
        Analysis a = Fixtures.analyze(
                "Syrian government forces recaptured Palmyra from Islamic State fighters, state media said. "
                        + "The ancient city in Homs province had been held since May.");
        assertThat(a.places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("Palmyra");
            assertThat(p.geonameId()).isEqualTo(163808L);
            assertThat(p.name()).isEqualTo("Tadmur");
            assertThat(p.admin1()).isEqualTo("11");
        });
    }

    @Test
    void palmyra_in_a_report_on_upstate_new_york_is_palmyra_new_york() {
        Analysis a = Fixtures.analyze(
                "Palmyra, a village in Wayne County in upstate New York, voted on Tuesday to repair the Erie Canal "
                        + "towpath. The mayor of Palmyra said residents of Rochester often visit.");
        assertThat(a.places()).noneMatch(p -> p.geonameId() == 163808L);
        assertThat(a.places()).noneMatch(p -> p.countryCode().equals("SY"));
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Palmyra"))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.geonameId()).isEqualTo(5130441L)); // Palmyra, NY (cities500)
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Rochester"))
                .singleElement()
                .satisfies(p -> assertThat(p.admin1()).isEqualTo("NY"));
    }

    @Test
    void a_demonym_is_reported_as_an_adjective_of_its_country_and_is_no_place_of_an_event() {
        Analysis a = Fixtures.analyze("Georgian troops shelled Tskhinvali on Friday, killing two civilians. "
                + "Sri Lankan officials and New Zealand diplomats said Mexico would help.");
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Georgian"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.form()).isEqualTo(PlaceMention.ADJECTIVE);
                    assertThat(p.adjective()).isTrue();
                    assertThat(p.geonameId()).isEqualTo(614540L); // Georgia, the country
                });
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Sri Lankan"))
                .singleElement()
                .satisfies(p -> assertThat(p.geonameId()).isEqualTo(1227603L));
        assertThat(a.places())
                .filteredOn(p -> !p.adjective())
                .extracting(PlaceMention::text, PlaceMention::geonameId)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("New Zealand", 2186224L),
                        org.assertj.core.groups.Tuple.tuple("Mexico", 3996063L));
        assertThat(a.places())
                .filteredOn(p -> !p.adjective())
                .allMatch(p -> p.form().equals(PlaceMention.NAME));
        assertThat(a.events())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.places()).doesNotContain(614540L));
    }

    @Test
    void a_country_after_a_capitalised_word_is_still_the_country_and_an_ordinary_first_word_names_no_person() {
        Analysis a = Fixtures.analyze("Rethinking Egypt-US relations. Acting U.S. Attorney Jane Doe said talks "
                + "with Egypt went on. A Georgian unit crossed into Georgia. Another Georgian officer spoke.");
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Egypt"))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.geonameId()).isEqualTo(357994L));
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("U.S."))
                .singleElement()
                .satisfies(p -> assertThat(p.geonameId()).isEqualTo(6252001L));
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Georgian"))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.adjective()).isTrue());
    }

    @Test
    void a_town_named_three_times_and_never_as_a_person_is_the_town() {
        Analysis a = Fixtures.analyze("About 55 Gainesville residents marched on Friday. Gainesville voters decide "
                + "next week. The Gainesville commission met on Monday.");
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Gainesville"))
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.countryCode()).isEqualTo("US"));
        assertThat(Fixtures.analyze("Gainesville voters decide next week.").places())
                .isEmpty(); // once, with nothing else: as likely a surname as the town
    }

    @Test
    void common_words_that_are_place_names_stay_words() {
        Analysis a = Fixtures.analyze("There is hope for a deal. Hope remains that the Union will act. West of the "
                + "river, Union officials met. The Justice Minister spoke at the Mosque. May brought more rain.");
        assertThat(a.places()).isEmpty();
    }

    @Test
    void a_common_word_is_a_place_when_the_text_says_so() {
        // "Bar" is a town in Ukraine (GeoNames 712861); "in Bar" in a Ukrainian context is the town
        Analysis a = Fixtures.analyze("Shelling damaged a school in Bar, in Vinnytsia oblast of Ukraine.");
        assertThat(a.places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("Bar");
            assertThat(p.countryCode()).isEqualTo("UA");
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Clashes continued in rural Damascus on Monday.|rural Damascus|170652",
                "Shelling hit eastern Aleppo overnight.|eastern Aleppo|170062",
                "87% of Aleppo province remains out of regime control.|Aleppo province|170062",
                "Airstrikes hit the Idlib countryside.|Idlib countryside|169387",
                "اشتباكات في ريف دمشق الغربي.|ريف دمشق|170652",
                "قصف على محافظة حلب.|محافظة حلب|170062",
                "قصف على ريف إدلب الجنوبي.|ريف إدلب الجنوبي|169387",
                "Rebels shelled Rif Dimashq.|Rif Dimashq|170652",
            })
    void governorate_phrases_resolve_to_the_governorate(String text, String mention, long geonameId) {
        assertThat(Fixtures.analyze(text).places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo(mention);
            assertThat(p.geonameId()).isEqualTo(geonameId);
        });
    }

    @Test
    void a_bare_governorate_capital_is_the_city() {
        assertThat(ids("Residents of Aleppo and Damascus fled.")).containsExactly(170063L, 170654L);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Shelling hit Darayya.|170892",
                "Shelling hit Daraya.|170892",
                "Shelling hit Dārayyā.|170892",
                "Shelling hit Daraa.|170905",
                "Shelling hit Dar'a.|170905",
                "Shelling hit Deraa.|170905",
                "Shelling hit Deir ez-Zor.|170794",
                "Shelling hit Dayr az Zawr.|170794",
                "Shelling hit Khan Sheikhoun.|168325",
                "Shelling hit Maaret al-Noman.|167611",
                "Shelling hit al-Bab.|174018",
                "قصفت الطائرات داريا|170892",
                "قصفت الطائرات بداريا|170892",
                "قصفت الطائرات حلب|170063",
                "سقطت قذائف على والرقة|172955",
                "قصفت الطائرات دير الزور|170794",
            })
    void transliteration_variants_and_arabic_forms_resolve_to_one_place(String text, long geonameId) {
        assertThat(ids(text)).contains(geonameId);
    }

    @Test
    void an_attached_arabic_conjunction_is_left_out_of_the_mention() {
        Analysis a = Fixtures.analyze("سقطت قذائف على حلب والرقة.");
        assertThat(a.places()).extracting(PlaceMention::text).containsExactly("حلب", "الرقة");
    }

    @Test
    void countries_and_foreign_countries_resolve() {
        Analysis a = Fixtures.analyze("Refugees fled Syria for Turkey, Lebanon and Germany.");
        assertThat(a.places()).extracting(PlaceMention::geonameId).containsExactly(163843L, 298795L, 272103L, 2921044L);
        assertThat(a.places())
                .filteredOn(p -> p.geonameId() == 163843L)
                .allSatisfy(p -> assertThat(p.admin1()).isEmpty());
    }

    @Test
    void the_same_name_resolves_the_same_way_throughout_a_document() {
        Analysis a = Fixtures.analyze("Al Qusayr was shelled. Later, residents returned to Al Qusayr near Homs.");
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Al Qusayr"))
                .extracting(PlaceMention::geonameId)
                .containsExactly(173322L, 173322L);
    }

    @Test
    void a_name_shared_with_a_historical_entity_resolves_to_the_village() {
        Analysis a = Fixtures.analyze("قصفت قوات النظام قرية كندة قرب جسر الشغور في ريف إدلب.");
        assertThat(a.places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("كندة");
            assertThat(p.geonameId()).isEqualTo(167820L);
        });
    }

    @Test
    void missing_admin1_codes_are_derived_from_neighbours() {
        // Tayyibat al-Imam (Hama) and Tall Kalakh (Homs) have no admin1 code in the source rows
        assertThat(Fixtures.ANALYZER.gazetteer().find(163270))
                .get()
                .satisfies(p -> assertThat(p.admin1()).isEqualTo("10"));
        assertThat(Fixtures.ANALYZER.gazetteer().find(163533))
                .get()
                .satisfies(p -> assertThat(p.admin1()).isEqualTo("11"));
    }

    @Test
    void a_state_abbreviation_keeps_its_dot_and_a_full_name_does_not() {
        Analysis a =
                Fixtures.analyze("Storms hit Wichita, Kan., and Columbia, S.C., on Monday. Rain fell across Texas. "
                        + "Snow fell in New York.");
        assertThat(a.places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("Kan.");
            assertThat(p.geonameId()).isEqualTo(4273857L); // Kansas
        });
        assertThat(a.places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("S.C.");
            assertThat(p.geonameId()).isEqualTo(4597040L); // South Carolina
        });
        assertThat(a.places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("Texas");
            assertThat(p.geonameId()).isEqualTo(4736286L);
        });
        assertThat(a.places()).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("New York"); // a full name of two words does not take the sentence's dot
            assertThat(p.geonameId()).isEqualTo(5128638L);
        });
    }

    @Test
    void a_state_named_outright_is_the_state_not_a_town_listing_its_name() {
        // towns list "Texas", "Ohio", "Pennsylvania" among their alternate names in cities500
        assertThat(ids("The governor of Texas met the governor of Ohio in Pennsylvania."))
                .contains(4736286L, 5165418L, 6254927L);
    }

    @Test
    void a_town_in_a_state_the_report_names_wins_over_its_larger_namesake() {
        assertThat(ids("Shops in Gainesville reopened on Friday, the Texas chamber of commerce said."))
                .contains(4692746L) // Gainesville, Texas
                .doesNotContain(4156404L); // Gainesville, Florida
    }

    @Test
    void a_town_follows_a_state_that_a_later_pass_reads_right() {
        // the anchors' pass reads "Georgia" as the country; the next pass, as the state, and only the
        // pass after it places "Atlanta" in that state rather than in Texas, which the text also names
        assertThat(ids("Georgia regulators approved the plan on Monday. The utility, based in Atlanta, serves "
                        + "customers in Texas too."))
                .contains(4197000L, 4180439L, 4736286L) // Georgia (state), Atlanta GA, Texas
                .doesNotContain(614540L, 4671576L); // Georgia (country), Atlanta TX
    }

    /** Resolves the spans written in [brackets] as given place mentions; empty where none is resolved. */
    private static List<Long> given(String marked) {
        StringBuilder text = new StringBuilder();
        List<int[]> spans = new java.util.ArrayList<>();
        int start = -1;
        for (char c : marked.toCharArray()) {
            if (c == '[') {
                start = text.length();
            } else if (c == ']') {
                spans.add(new int[] {start, text.length()});
            } else {
                text.append(c);
            }
        }
        return Fixtures.ANALYZER.resolvePlaces(text.toString(), java.util.Optional.empty(), spans).stream()
                .map(p -> p.map(PlaceMention::geonameId).orElse(-1L))
                .toList();
    }

    @Test
    void a_county_is_never_a_town_named_like_it() {
        // no county records in the default gazetteer: the county stays unresolved, not Laurel, Maryland
        assertThat(given("Volunteers from [Laurel County] cleaned the road to [London], [Kentucky], on Saturday."))
                .containsExactly(-1L, 4298960L, 6254925L);
        assertThat(given("Deputies of [Licking Co.] met in [Newark], [Ohio]."))
                .containsExactly(-1L, 5164466L, 5165418L);
        // cities500 lists "Orange County" among a town's alternate names; "Palm Beach" is a town
        assertThat(texts("Deputies in Palm Beach County and Orange County, Florida, searched the lake near Orlando."))
                .contains("Florida", "Orlando")
                .doesNotContain("Palm Beach", "Palm Beach County", "Orange County");
    }

    @Test
    void a_county_seat_listing_a_name_among_its_alternates_does_not_take_it() {
        // cities500 lists "Maryville" among the alternate names of Beeville, Texas
        assertThat(ids("Church members in Maryville mourned their pastor on Sunday. A preacher from Fort Worth, "
                        + "Texas, spoke to the congregation in Maryville."))
                .contains(4691930L, 4736286L) // Fort Worth, Texas
                .doesNotContain(4673258L); // Beeville
    }

    @Test
    void a_name_qualified_by_two_states_means_two_places_in_one_document() {
        Analysis a = Fixtures.analyze("Residents of Paris, Texas, met on Monday. Paris, Tennessee, held a similar "
                + "vote. Paris officials said nothing.");
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("Paris"))
                .extracting(PlaceMention::geonameId)
                .containsExactly(4717560L, 4647963L, 4717560L); // Texas, Tennessee; the bare one by context
    }

    @Test
    void a_state_initial_written_with_a_space_is_still_the_state() {
        Analysis a = Fixtures.analyze("Flood crews reached Charleston, W. Va., on Tuesday.");
        assertThat(a.places())
                .extracting(PlaceMention::text, PlaceMention::geonameId)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Charleston", 4801859L), // Charleston, WV
                        org.assertj.core.groups.Tuple.tuple("W. Va.", 4826850L)) // West Virginia, not Virginia
                .noneMatch(p -> p.toList().contains(6254928L));
        assertThat(given("Crews reached [Charleston], [W. Va.], on Tuesday.")).containsExactly(4801859L, 4826850L);
    }

    @Test
    void a_given_mention_is_read_from_a_capitalised_word() {
        // "of" is also a Turkish town's name (Of, 741240): a lowercase word starts no name
        assertThat(given("Voters in the [Town of Groton], Connecticut, approved the budget."))
                .singleElement()
                .isNotIn(741240L, -1L);
    }

    @Test
    void st_and_saint_forms_both_bring_their_places() {
        // "St Clair" names places in Australia; "Saint Clair" the towns in Michigan, Pennsylvania...
        assertThat(ids("Boaters left St. Clair on Sunday and crossed the river to Port Huron, Michigan."))
                .contains(5010977L, 5006233L, 5001836L); // Saint Clair MI, Port Huron, Michigan
    }

    private static List<String> texts(String text) {
        return Fixtures.analyze(text).places().stream().map(PlaceMention::text).toList();
    }

    @Test
    void a_vehicle_named_by_its_maker_or_model_is_no_place() {
        assertThat(texts("A 1992 Toyota Corolla collided with a Dodge Durango near Dallas, Texas. "
                        + "In the Toyota, the driver was hurt."))
                .contains("Dallas", "Texas")
                .doesNotContain("Toyota", "Durango");
    }

    @Test
    void a_name_joined_to_another_by_an_ampersand_is_a_firm() {
        assertThat(texts("A judge in Columbia, South Carolina, ruled that the city owes the design firm "
                        + "Stevens & Wilkinson money. Stevens & Wilkinson sued in 2008."))
                .contains("South Carolina")
                .doesNotContain("Stevens");
    }

    @Test
    void a_name_before_an_apostrophe_s_day_is_a_holiday() {
        assertThat(texts("Police in Dublin, Ohio, stressed safety on St. Patrick's Day."))
                .doesNotContain("Patrick");
    }

    @Test
    void the_names_of_a_list_of_counties_are_not_reported_as_towns() {
        assertThat(texts("Prosecutors of Navarro, Henderson and Ellis counties in Texas joined the search."))
                .contains("Texas")
                .doesNotContain("Henderson", "Ellis", "Navarro");
        assertThat(texts("Volunteers from Camden and Charlton counties in Georgia and Nassau and Baker counties "
                        + "in Florida cleaned the river."))
                .contains("Georgia", "Florida");
    }

    @Test
    void a_state_named_outright_beats_a_small_town_of_that_name_but_not_a_first_name() {
        assertThat(ids("Alexandria police found the body in December. The suspect awaits a transfer to Virginia, "
                        + "where he will stand trial. The transfer to Virginia may take 60 days."))
                .contains(6254928L) // Virginia, the state
                .doesNotContain(4252071L); // Virginia, Illinois
        assertThat(texts("Cakes and pies will be auctioned by Virginia Chapin in Peoria, Illinois."))
                .doesNotContain("Virginia");
    }

    @Test
    void the_surname_of_a_person_a_role_introduces_is_no_place_later() {
        assertThat(texts("Police in Huntsville, Texas, called in Sgt. David Collins to assist. Collins, a "
                        + "trained negotiator, talked to the man for hours."))
                .contains("Huntsville")
                .doesNotContain("Collins");
    }

    private static List<String> found(String text) {
        return Fixtures.analyze(text).places().stream()
                .map(p -> p.text() + "=" + p.countryCode() + "/" + p.admin1())
                .toList();
    }

    @Test
    void st_louis_with_a_full_stop_is_one_name_and_the_city_in_missouri() {
        String text = "Police in St. Louis said two men were shot on Tuesday. The mayor of Chicago spoke.";
        Analysis a = Fixtures.analyze(text);
        assertThat(a.places())
                .filteredOn(p -> p.text().equals("St. Louis"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.geonameId()).isEqualTo(4407066L);
                    assertThat(text.substring(p.start(), p.end())).isEqualTo("St. Louis");
                });
        assertThat(found("Officials in Washington said protests in St Louis and Chicago were peaceful."))
                .contains("St Louis=US/MO")
                .noneMatch(s -> s.contains("=SN/"));
    }

    @Test
    void st_petersburg_florida_is_the_city_in_florida_and_florida_the_us_state() {
        assertThat(found("A man was arrested in St. Petersburg, Florida, on Monday."))
                .containsExactly("St. Petersburg=US/FL", "Florida=US/FL");
    }

    @Test
    void a_state_or_country_after_a_comma_picks_the_place_inside_it() {
        assertThat(found("He moved to St. John's, Newfoundland, last year."))
                .containsExactly("St. John's=CA/05", "Newfoundland=CA/05");
        assertThat(found("The school in Mt. Lebanon, Pennsylvania, closed."))
                .containsExactly("Mt. Lebanon=US/PA", "Pennsylvania=US/PA");
        assertThat(found("Soldiers from Ft. Worth, Texas, were killed."))
                .containsExactly("Ft. Worth=US/TX", "Texas=US/TX");
        assertThat(found("Protesters gathered in Sault Ste. Marie, Ontario."))
                .containsExactly("Sault Ste. Marie=CA/08", "Ontario=CA/08");
        assertThat(found("Police said he was shot in Paris, Texas, on Friday."))
                .containsExactly("Paris=US/TX", "Texas=US/TX");
    }

    @Test
    void a_list_of_places_is_no_place_and_its_state() {
        assertThat(found("Shelling hit Damascus, Homs and Aleppo on Monday."))
                .containsExactly("Damascus=SY/13", "Homs=SY/11", "Aleppo=SY/09");
    }

    @Test
    void st_after_a_name_is_a_street_and_no_place() {
        assertThat(found("The shop at 12 Main St. in Springfield, Illinois, was robbed."))
                .containsExactly("Springfield=US/IL", "Illinois=US/IL");
        assertThat(found("The shop at 12 Main St Louis Vuitton opened was robbed in Springfield, Illinois."))
                .noneMatch(s -> s.startsWith("St") || s.startsWith("Louis"));
    }

    @Test
    void a_full_stop_after_st_ends_no_sentence_and_saint_matches_st() {
        Analysis a = Fixtures.analyze("A fire in Saint Louis, Missouri, killed two. Another hit St. Paul, Minnesota.");
        assertThat(a.places())
                .extracting(p -> p.text() + "=" + p.geonameId())
                .contains("Saint Louis=4407066", "St. Paul=5045360");
    }
}
