package org.daleel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.daleel.core.InvalidInputException;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemIds;
import org.daleel.item.ItemKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour every {@link SearchIndex} adapter must show. An adapter's test extends this class and
 * says how to open a writable index; the suite indexes items, refreshes and searches.
 */
public abstract class SearchIndexContract {

    /** A fixed capture time, so filters and stored values are predictable. */
    protected static final Instant T0 = Instant.parse("2016-12-13T10:15:30.123456Z");

    private static final String SHA = "ab".repeat(32);

    @TempDir
    protected Path dir;

    /** The index under test, opened on {@link #dir} before each test and closed after it. */
    protected SearchIndex index;

    /**
     * Opens a writable index whose data lives under {@code dir}; a new, empty index when nothing is
     * there yet, the same index again after the previous instance was closed.
     */
    protected abstract SearchIndex openWritable(Path dir);

    @BeforeEach
    void open_index() {
        index = openWritable(dir);
    }

    @AfterEach
    void close_index() {
        index.close();
    }

    /** An item with the given text, captured at {@link #T0}. */
    protected static Item item(String title, String text, String language) {
        return item(title, text, language, ItemKind.CAPTURE, T0);
    }

    /** An item with every field that the index uses set. */
    protected static Item item(String title, String text, String language, ItemKind kind, Instant capturedAt) {
        String id = ItemIds.next(capturedAt);
        String url = kind == ItemKind.FILE ? "" : "https://news.example.org/" + id.toLowerCase();
        String fileName = kind == ItemKind.FILE ? "report-" + id.toLowerCase() + ".txt" : "";
        return new Item(
                id,
                1,
                kind,
                url,
                url,
                fileName,
                SHA,
                text.length(),
                "text/html",
                capturedAt,
                title,
                text,
                language,
                "",
                "",
                null,
                null);
    }

    /** Indexes the items and refreshes, so they are visible to searches. */
    protected void add(Item... items) {
        for (Item item : items) {
            index.index(item);
        }
        index.refresh();
    }

    /** Ids of the hits for {@code text} (first 100). */
    protected Set<String> idsFound(String text) {
        return ids(index.search(SearchQuery.of(text, 100)));
    }

    protected static Set<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    private static String onlySnippet(SearchResult result) {
        assertThat(result.hits()).hasSize(1);
        return result.hits().getFirst().snippet();
    }

    // ---- indexing, replacing, deleting ----

    @Test
    void new_index_is_empty_and_finds_nothing() {
        assertThat(index.count()).isZero();
        assertThat(index.committedSeq()).isZero();
        SearchResult result = index.search(SearchQuery.of("aleppo", 10));
        assertThat(result.total()).isZero();
        assertThat(result.hits()).isEmpty();
    }

    @Test
    void finds_an_indexed_item_and_returns_its_stored_fields() {
        Item item = item("Convoy attacked near Aleppo", "The evacuation convoy was attacked at dawn.", "en");
        add(item);

        SearchResult result = index.search(SearchQuery.of("convoy", 10));

        assertThat(result.total()).isEqualTo(1);
        SearchHit hit = result.hits().getFirst();
        assertThat(hit.id()).isEqualTo(item.id());
        assertThat(hit.title()).isEqualTo(item.title());
        assertThat(hit.url()).isEqualTo(item.url());
        assertThat(hit.fileName()).isEmpty();
        assertThat(hit.language()).isEqualTo("en");
        assertThat(hit.capturedAt()).isEqualTo(T0);
        assertThat(hit.score()).isPositive();
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void returns_the_file_name_of_file_items() {
        Item file = item("Witness statement", "Statement of a witness from Douma.", "en", ItemKind.FILE, T0);
        add(file);

        SearchHit hit = index.search(SearchQuery.of("douma", 10)).hits().getFirst();

        assertThat(hit.fileName()).isEqualTo(file.fileName());
        assertThat(hit.url()).isEmpty();
    }

    @Test
    void finds_nothing_for_a_word_no_item_contains() {
        add(item("Aleppo", "Shelling in Aleppo.", "en"));

        SearchResult result = index.search(SearchQuery.of("raqqa", 10));

        assertThat(result.total()).isZero();
        assertThat(result.hits()).isEmpty();
    }

    @Test
    void ranks_a_title_match_above_a_body_only_match() {
        Item bodyOnly = item(
                "Weekly situation report",
                "Humanitarian access remained limited across the north; in Idlib markets reopened.",
                "en");
        Item titled = item("Idlib market struck", "A crowded market was struck on Tuesday morning.", "en");
        add(bodyOnly, titled);

        List<SearchHit> hits = index.search(SearchQuery.of("idlib", 10)).hits();

        assertThat(hits).extracting(SearchHit::id).containsExactly(titled.id(), bodyOnly.id());
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }

    @Test
    void indexing_the_same_id_again_replaces_the_document() {
        Item first = item("Draft", "Early report mentions Qusayr.", "en");
        add(first);
        Item replaced = new Item(
                first.id(),
                2,
                first.kind(),
                first.url(),
                first.requestedUrl(),
                first.fileName(),
                first.sha256(),
                first.size(),
                first.mediaType(),
                first.capturedAt(),
                "Final",
                "Corrected report mentions Yabroud.",
                "en",
                "",
                "",
                null,
                null);
        add(replaced);

        assertThat(index.count()).isEqualTo(1);
        assertThat(idsFound("qusayr")).isEmpty();
        SearchResult result = index.search(SearchQuery.of("yabroud", 10));
        assertThat(ids(result)).containsExactly(first.id());
        assertThat(result.hits().getFirst().title()).isEqualTo("Final");
    }

    @Test
    void deleted_item_is_no_longer_found_and_deleting_an_absent_id_is_a_noop() {
        Item kept = item("Homs", "Displacement from Homs.", "en");
        Item deleted = item("Homs again", "More displacement from Homs.", "en");
        add(kept, deleted);

        index.delete(deleted.id());
        index.delete("01ZZZZZZZZZZZZZZZZZZZZZZZZ");
        index.refresh();

        assertThat(idsFound("homs")).containsExactly(kept.id());
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void clear_deletes_every_document() {
        add(item("One", "Darayya", "en"), item("Two", "Darayya", "en"));

        index.clear();
        index.refresh();

        assertThat(index.count()).isZero();
        assertThat(idsFound("darayya")).isEmpty();
    }

    @Test
    void commit_makes_items_visible_and_committed_seq_survives_reopening() {
        Item item = item("Madaya", "Siege of Madaya.", "en");
        index.index(item);
        index.commit(42);

        assertThat(index.committedSeq()).isEqualTo(42);
        assertThat(idsFound("madaya")).containsExactly(item.id());

        index.close();
        index = openWritable(dir);

        assertThat(index.committedSeq()).isEqualTo(42);
        assertThat(idsFound("madaya")).containsExactly(item.id());
    }

    @Test
    void uncommitted_items_are_lost_on_close_and_the_last_commit_stays() {
        Item committed = item("Kept", "Zabadani committed.", "en");
        index.index(committed);
        index.commit(7);
        index.index(item("Lost", "Zabadani uncommitted.", "en"));
        index.refresh();
        assertThat(idsFound("zabadani")).hasSize(2);

        index.close();
        index = openWritable(dir);

        assertThat(idsFound("zabadani")).containsExactly(committed.id());
        assertThat(index.committedSeq()).isEqualTo(7);
    }

    @Test
    void close_is_idempotent() {
        index.close();
        index.close();
        index = openWritable(dir);
        assertThat(index.count()).isZero();
    }

    // ---- query syntax ----

    @Test
    void every_word_must_appear_by_default() {
        Item both = item("Report", "Airstrike on a hospital in Aleppo.", "en");
        Item one = item("Report", "Airstrike on a bakery in Idlib.", "en");
        add(both, one);

        assertThat(idsFound("airstrike aleppo")).containsExactly(both.id());
        assertThat(idsFound("airstrike")).containsExactlyInAnyOrder(both.id(), one.id());
    }

    @Test
    void supports_or_not_minus_and_quoted_phrases() {
        Item aleppo = item("A", "Barrel bombs fell on Aleppo.", "en");
        Item idlib = item("B", "Bombs and barrels were seen in Idlib.", "en");
        Item homs = item("C", "Quiet day in Homs.", "en");
        add(aleppo, idlib, homs);

        assertThat(idsFound("aleppo OR homs")).containsExactlyInAnyOrder(aleppo.id(), homs.id());
        assertThat(idsFound("bombs -idlib")).containsExactly(aleppo.id());
        assertThat(idsFound("bombs AND NOT aleppo")).containsExactly(idlib.id());
        assertThat(idsFound("\"barrel bombs\"")).containsExactly(aleppo.id());
        assertThat(idsFound("barrel bombs")).containsExactlyInAnyOrder(aleppo.id(), idlib.id());
    }

    @Test
    void a_query_of_stop_words_only_still_searches() {
        Item item = item("Band", "The Who played in London.", "en");
        add(item);

        assertThat(idsFound("\"the who\"")).containsExactly(item.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(aleppo", "\"aleppo", "aleppo AND", "[a TO"})
    void a_query_with_a_syntax_error_is_invalid_input_naming_the_query(String bad) {
        add(item("Aleppo", "Aleppo", "en"));

        assertThatThrownBy(() -> index.search(SearchQuery.of(bad, 10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(bad);
    }

    // ---- snippets ----

    @Test
    void snippet_wraps_matched_words_in_bold() {
        add(item("Report", "Witnesses said the convoy was shelled near the bridge before noon.", "en"));

        String snippet = onlySnippet(index.search(SearchQuery.of("convoy", 10)));

        assertThat(snippet).contains("<b>convoy</b>").contains("shelled near the bridge");
    }

    @Test
    void snippet_escapes_markup_of_the_text() {
        String hostile = "<script>alert('x')</script> the checkpoint & <img src=x onerror=alert(1)> area";
        add(item("Hostile page", hostile, "en"));

        String snippet = onlySnippet(index.search(SearchQuery.of("checkpoint", 10)));

        assertThat(snippet)
                .contains("<b>checkpoint</b>")
                .contains("&lt;script&gt;")
                .contains("&amp;")
                .doesNotContain("<script")
                .doesNotContain("<img");
        assertThat(snippet.replace("<b>", "").replace("</b>", ""))
                .doesNotContain("<")
                .doesNotContain(">");
    }

    @Test
    void snippet_is_a_passage_around_the_match_in_a_long_text() {
        String filler = "Nothing of note happened on this day in the district. ".repeat(40);
        add(item("Long", filler + "Then a chlorine attack was reported by medics. " + filler, "en"));

        String snippet = onlySnippet(index.search(SearchQuery.of("chlorine", 10)));

        assertThat(snippet).contains("<b>chlorine</b>");
        assertThat(snippet.length()).isBetween(40, 400);
    }

    @Test
    void snippet_is_the_escaped_start_of_the_text_when_only_the_title_matches() {
        String text = "<p> Residents fled westward. " + "More words follow here. ".repeat(30);
        add(item("Raqqa offensive", text, "en"));

        String snippet = onlySnippet(index.search(SearchQuery.of("raqqa", 10)));

        assertThat(snippet).startsWith("&lt;p&gt; Residents fled westward.").doesNotContain("<b>");
        assertThat(snippet.length()).isBetween(100, 300);
    }

    // ---- Arabic ----

    @ParameterizedTest
    @ValueSource(strings = {"داريا", "داريّا", "دارَيّا"})
    void each_spelling_of_darayya_finds_items_with_every_spelling(String query) {
        Item plain = item("تقرير", "قصف في داريا اليوم", "ar");
        Item shadda = item("تقرير", "قصف في داريّا اليوم", "ar");
        Item vowelled = item("تقرير", "قصف في دارَيّا اليوم", "ar");
        add(plain, shadda, vowelled);

        assertThat(idsFound(query)).containsExactlyInAnyOrder(plain.id(), shadda.id(), vowelled.id());
    }

    @ParameterizedTest
    @CsvSource({
        "أحمد, احمد",
        "احمد, إحمد",
        "إحمد, أحمد",
        "آمنة, امنة",
        "مدينة, مدينه",
        "مدينه, مدينة",
        "حـلـب, حلب",
        "حلب, حـلـب",
        "مستشفى, مستشفي",
        "مستشفي, مستشفى"
    })
    void arabic_spelling_variants_find_each_other(String indexed, String query) {
        Item item = item("خبر", "ذكر الشاهد " + indexed + " في شهادته", "ar");
        add(item);

        assertThat(idsFound(query)).containsExactly(item.id());
    }

    @Test
    void arabic_definite_article_is_removed_so_the_bare_word_matches() {
        Item item = item("خبر", "قصفت المدينة ليلا", "ar");
        add(item);

        assertThat(idsFound("مدينة")).containsExactly(item.id());
        assertThat(idsFound("المدينة")).containsExactly(item.id());
    }

    @Test
    void arabic_indic_digits_match_latin_digits() {
        Item item = item("خبر", "سقط ٢٢٠ قرية في عام ٢٠١٦", "ar");
        add(item);

        assertThat(idsFound("2016")).containsExactly(item.id());
        assertThat(idsFound("٢٢٠")).containsExactly(item.id());
    }

    @Test
    void arabic_match_is_highlighted_in_the_snippet_across_spellings() {
        add(item("تقرير", "أفاد ناشطون بقصف داريا صباح اليوم", "ar"));

        String snippet = onlySnippet(index.search(SearchQuery.of("داريّا", 10)));

        assertThat(snippet).contains("<b>داريا</b>");
    }

    @Test
    void arabic_words_in_an_english_item_are_found() {
        Item mixed = item("Report", "Residents of Aleppo (حلب) described the siege.", "en");
        add(mixed);

        assertThat(idsFound("حلب")).containsExactly(mixed.id());
        assertThat(idsFound("حـلـب siege")).containsExactly(mixed.id());
    }

    @Test
    void items_of_unknown_language_are_found() {
        Item arabic = item("", "مستشفى ميداني في الغوطة", "");
        Item english = item("", "A field hospital in Ghouta", "");
        add(arabic, english);

        assertThat(idsFound("الغوطة")).containsExactly(arabic.id());
        assertThat(idsFound("ghouta hospital")).containsExactly(english.id());
    }

    // ---- English and Latin script ----

    @ParameterizedTest
    @CsvSource({
        "stations, station",
        "station, stations",
        "shelling, shelled",
        "shelled, shelling",
        "hospitals, hospital"
    })
    void english_words_are_stemmed(String indexed, String query) {
        Item item = item("News", "Reports about " + indexed + " today.", "en");
        add(item);

        assertThat(idsFound(query)).containsExactly(item.id());
    }

    @Test
    void latin_diacritics_are_folded() {
        Item item = item("Transliteration", "Forced displacement from Dārayyā and Ḥimṣ.", "en");
        add(item);

        assertThat(idsFound("darayya")).containsExactly(item.id());
        assertThat(idsFound("Hims")).containsExactly(item.id());
    }

    // ---- filters, totals, paging ----

    @Test
    void filters_by_language_kind_and_capture_time() {
        Instant t1 = T0.plusSeconds(3600);
        Instant t2 = T0.plusSeconds(7200);
        Item en = item("Aleppo", "Aleppo convoy", "en", ItemKind.CAPTURE, T0);
        Item ar = item("Aleppo", "Aleppo قافلة", "ar", ItemKind.FILE, t1);
        Item warc = item("Aleppo", "Aleppo archive", "en", ItemKind.WARC_RECORD, t2);
        add(en, ar, warc);

        assertThat(ids(search("aleppo", "en", "", null, null))).containsExactlyInAnyOrder(en.id(), warc.id());
        assertThat(ids(search("aleppo", "ar", "", null, null))).containsExactly(ar.id());
        assertThat(ids(search("aleppo", "", "file", null, null))).containsExactly(ar.id());
        assertThat(ids(search("aleppo", "", "warc-record", null, null))).containsExactly(warc.id());
        assertThat(ids(search("aleppo", "", "", t1, null))).containsExactlyInAnyOrder(ar.id(), warc.id());
        assertThat(ids(search("aleppo", "", "", null, t1))).containsExactly(en.id());
        assertThat(ids(search("aleppo", "", "", t1, t2))).containsExactly(ar.id());
        assertThat(ids(search("aleppo", "en", "capture", T0, t2))).containsExactly(en.id());
        assertThat(search("aleppo", "fr", "", null, null).total()).isZero();
    }

    @Test
    void an_unknown_kind_filter_is_invalid_input() {
        assertThatThrownBy(() -> search("aleppo", "", "tweet", null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tweet");
    }

    @Test
    void total_counts_every_match_and_offset_pages_through_them() {
        for (int i = 0; i < 25; i++) {
            index.index(item("Item " + i, "siege report number " + i, "en"));
        }
        index.refresh();

        SearchResult first = index.search(new SearchQuery("siege", "", "", null, null, 0, 10));
        SearchResult last = index.search(new SearchQuery("siege", "", "", null, null, 20, 10));
        SearchResult beyond = index.search(new SearchQuery("siege", "", "", null, null, 100, 10));

        assertThat(first.total()).isEqualTo(25);
        assertThat(first.hits()).hasSize(10);
        assertThat(last.total()).isEqualTo(25);
        assertThat(last.hits()).hasSize(5);
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(last));
        assertThat(beyond.total()).isEqualTo(25);
        assertThat(beyond.hits()).isEmpty();
    }

    // ---- analysis: filters and facets ----

    private static final ItemAnalysis.Area ALEPPO_GOV =
            new ItemAnalysis.Area(170062, "Aleppo", ItemAnalysis.AreaLevel.ADMIN1);
    private static final ItemAnalysis.Area RIF_DIMASHQ =
            new ItemAnalysis.Area(170652, "Rif Dimashq", ItemAnalysis.AreaLevel.ADMIN1);
    private static final ItemAnalysis.Area SYRIA =
            new ItemAnalysis.Area(163843, "Syria", ItemAnalysis.AreaLevel.COUNTRY);

    /** A place mentioned at the start of the text. */
    protected static ItemAnalysis.Place place(long id, String name, ItemAnalysis.Area... within) {
        return new ItemAnalysis.Place(
                id,
                name,
                "",
                "SY",
                "09",
                "PPL",
                36.5,
                37.1,
                List.of(within),
                new ItemAnalysis.PlaceSource.InText(name, 0, name.length()));
    }

    /** An analysis with these places, actors (ids) and dated events ("type@date"). */
    protected static ItemAnalysis analysis(List<ItemAnalysis.Place> places, List<String> actors, String... events) {
        return new ItemAnalysis(
                "test",
                "en",
                places,
                actors.stream()
                        .map(a -> new ItemAnalysis.Actor(a, 0, 1, a, "Actor " + a, "State forces", ""))
                        .toList(),
                List.of(),
                java.util.Arrays.stream(events)
                        .map(e -> new ItemAnalysis.Event(
                                e.split("@")[0],
                                "Label " + e.split("@")[0],
                                "s",
                                0,
                                1,
                                List.of(),
                                List.of(),
                                e.contains("@") ? e.split("@")[1] : ""))
                        .toList());
    }

    private SearchResult filtered(String text, SearchFilter filter) {
        return index.search(new SearchQuery(text, "", "", null, null, 0, 100, filter));
    }

    private static SearchFilter places(String... ids) {
        return new SearchFilter(List.of(ids), List.of(), List.of(), null, null);
    }

    private Item[] facetFixture() {
        Item village = item("Shelling of Tall Rifat", "Shelling hit the village of Tall Rifat.", "en");
        Item manbij = item("Strike on Manbij", "An airstrike hit Manbij.", "en");
        Item darayya = item("Darayya siege", "The siege of Darayya went on.", "en");
        index.index(
                village,
                analysis(
                        List.of(place(163476, "Tall Rifat", ALEPPO_GOV, SYRIA)),
                        List.of("islamic-state"),
                        "shelling@2016-03-03"));
        index.index(
                manbij,
                analysis(
                        List.of(place(167357, "Manbij", ALEPPO_GOV, SYRIA)),
                        List.of("syrian-government-forces"),
                        "air_drone_strike@2016-06"));
        index.index(
                darayya,
                analysis(
                        List.of(place(170892, "Darayya", RIF_DIMASHQ, SYRIA)),
                        List.of("syrian-government-forces"),
                        "siege@2016"));
        index.refresh();
        return new Item[] {village, manbij, darayya};
    }

    @Test
    void a_place_filter_finds_the_place_and_everything_inside_a_governorate_or_country() {
        Item[] items = facetFixture();

        assertThat(ids(filtered("", places("163476")))).containsExactly(items[0].id());
        assertThat(ids(filtered("", places("170062")))).containsExactlyInAnyOrder(items[0].id(), items[1].id());
        assertThat(ids(filtered("", places("163843")))).hasSize(3);
        assertThat(ids(filtered("", places("163476", "170892"))))
                .as("values of one filter are alternatives")
                .containsExactlyInAnyOrder(items[0].id(), items[2].id());
        assertThat(ids(filtered("airstrike", places("170062")))).containsExactly(items[1].id());
        assertThat(filtered("", places("1")).total()).isZero();
    }

    @Test
    void a_place_filter_that_is_not_a_geonames_id_is_invalid_input() {
        facetFixture();

        assertThatThrownBy(() -> filtered("", places("Aleppo")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Aleppo");
    }

    @Test
    void filters_by_actor_and_event_type_and_combines_filters_with_and() {
        Item[] items = facetFixture();

        assertThat(ids(filtered(
                        "", new SearchFilter(List.of(), List.of("syrian-government-forces"), List.of(), null, null))))
                .containsExactlyInAnyOrder(items[1].id(), items[2].id());
        assertThat(ids(filtered("", new SearchFilter(List.of(), List.of(), List.of("shelling", "siege"), null, null))))
                .containsExactlyInAnyOrder(items[0].id(), items[2].id());
        assertThat(ids(filtered(
                        "",
                        new SearchFilter(
                                List.of("170062"), List.of("syrian-government-forces"), List.of(), null, null))))
                .containsExactly(items[1].id());
    }

    @Test
    void an_event_date_range_matches_items_whose_event_dates_overlap_it_at_their_precision() {
        Item[] items = facetFixture();

        var june = new SearchFilter(
                List.of(),
                List.of(),
                List.of(),
                java.time.LocalDate.of(2016, 6, 15),
                java.time.LocalDate.of(2016, 6, 15));
        assertThat(ids(filtered("", june)))
                .as("June 2016 and the year 2016 overlap 15 June; 3 March does not")
                .containsExactlyInAnyOrder(items[1].id(), items[2].id());
        var march = new SearchFilter(List.of(), List.of(), List.of(), null, java.time.LocalDate.of(2016, 3, 3));
        assertThat(ids(filtered("", march))).containsExactlyInAnyOrder(items[0].id(), items[2].id());
        var later = new SearchFilter(List.of(), List.of(), List.of(), java.time.LocalDate.of(2017, 1, 1), null);
        assertThat(filtered("", later).total()).isZero();
    }

    @Test
    void an_item_without_dated_events_is_dated_by_its_stated_publication_date() {
        Item published = new Item(
                ItemIds.next(T0),
                1,
                ItemKind.FILE,
                "",
                "",
                "r.txt",
                SHA,
                10,
                "text/plain",
                T0,
                "Report",
                "Nothing dated here.",
                "en",
                "2015-02-10",
                "",
                null,
                null);
        index.index(published, analysis(List.of(), List.of(), "protest"));
        index.refresh();

        var feb = new SearchFilter(
                List.of(),
                List.of(),
                List.of(),
                java.time.LocalDate.of(2015, 2, 1),
                java.time.LocalDate.of(2015, 2, 28));
        assertThat(ids(filtered("", feb))).containsExactly(published.id());
        var capture = new SearchFilter(
                List.of(),
                List.of(),
                List.of(),
                java.time.LocalDate.of(2016, 12, 13),
                java.time.LocalDate.of(2016, 12, 13));
        assertThat(filtered("", capture).total())
                .as("capture time is not an event date")
                .isZero();
    }

    @Test
    void facets_count_every_matching_item_with_labels_and_ancestors() {
        facetFixture();

        SearchResult all = filtered("", places("163843"));
        assertThat(all.facets().of(Facets.COUNTRY)).containsExactly(new Facets.FacetValue("163843", "Syria", 3));
        assertThat(all.facets().of(Facets.REGION))
                .containsExactly(
                        new Facets.FacetValue("170062", "Aleppo", 2),
                        new Facets.FacetValue("170652", "Rif Dimashq", 1));
        assertThat(all.facets().of(Facets.PLACE))
                .extracting(Facets.FacetValue::value)
                .containsExactlyInAnyOrder("163476", "167357", "170892");
        assertThat(all.facets().of(Facets.ACTOR).getFirst())
                .isEqualTo(new Facets.FacetValue("syrian-government-forces", "Actor syrian-government-forces", 2));
        assertThat(all.facets().of(Facets.EVENT_TYPE))
                .extracting(Facets.FacetValue::value)
                .containsExactlyInAnyOrder("shelling", "air_drone_strike", "siege");
        assertThat(all.facets().of(Facets.YEAR)).containsExactly(new Facets.FacetValue("2016", "2016", 3));

        SearchResult one = index.search(new SearchQuery("airstrike", "", "", null, null, 0, 1, SearchFilter.NONE));
        assertThat(one.facets().of(Facets.PLACE)).containsExactly(new Facets.FacetValue("167357", "Manbij", 1));
    }

    @Test
    void timeline_counts_every_match_by_event_month_and_capture_month_in_time_order() {
        Item early = item("Early", "Shelling in March.", "en", ItemKind.CAPTURE, Instant.parse("2024-12-31T23:30:00Z"));
        Item late = item("Late", "Shelling in June.", "en", ItemKind.FILE, Instant.parse("2025-01-02T10:00:00Z"));
        Item twice = item(
                "Twice", "Shelling in March and June.", "en", ItemKind.FILE, Instant.parse("2025-01-03T10:00:00Z"));
        Item year = item("Year", "Shelling that year.", "en", ItemKind.FILE, Instant.parse("2025-01-04T10:00:00Z"));
        index.index(early, analysis(List.of(), List.of(), "shelling@2016-03-03"));
        index.index(late, analysis(List.of(), List.of(), "shelling@2016-06"));
        index.index(twice, analysis(List.of(), List.of(), "shelling@2016-03-20", "shelling@2016-06-01"));
        index.index(year, analysis(List.of(), List.of(), "shelling@2016"));
        index.refresh();

        SearchResult all = filtered("shelling", SearchFilter.NONE);
        assertThat(all.facets().of(Facets.EVENT_MONTH))
                .as("a year date counts in no month; an item counts once per month")
                .containsExactly(
                        new Facets.FacetValue("2016-03", "2016-03", 2), new Facets.FacetValue("2016-06", "2016-06", 2));
        assertThat(all.facets().of(Facets.CAPTURE_MONTH))
                .as("months in UTC, oldest first")
                .containsExactly(
                        new Facets.FacetValue("2024-12", "2024-12", 1), new Facets.FacetValue("2025-01", "2025-01", 3));
        SearchResult june = index.search(new SearchQuery(
                "shelling",
                "",
                "",
                null,
                null,
                0,
                1,
                new SearchFilter(List.of(), List.of(), List.of(), java.time.LocalDate.parse("2016-06-01"), null)));
        assertThat(june.facets().of(Facets.EVENT_MONTH))
                .as("over all matches of the filtered search, not the page")
                .extracting(Facets.FacetValue::value)
                .contains("2016-06");
        assertThat(june.facets().of(Facets.CAPTURE_MONTH).stream()
                        .mapToLong(Facets.FacetValue::count)
                        .sum())
                .isEqualTo(3);
    }

    @Test
    void facets_cover_all_matches_not_only_the_page() {
        facetFixture();

        SearchResult page = index.search(new SearchQuery("", "", "", null, null, 0, 1, places("163843")));
        assertThat(page.hits()).hasSize(1);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.facets().of(Facets.COUNTRY).getFirst().count()).isEqualTo(3);
    }

    @Test
    void hits_carry_their_places_with_positions_and_a_picture_gps_place_its_exact_position() {
        Item photo = item("Photo", "A photo.", "en");
        var exif = new ItemAnalysis.Place(
                167357,
                "Manbij",
                "",
                "SY",
                "09",
                "PPLA2",
                36.5281,
                37.9549,
                List.of(ALEPPO_GOV, SYRIA),
                new ItemAnalysis.PlaceSource.Exif(36.53, 37.96, 0.8));
        index.index(photo, new ItemAnalysis("test", "en", List.of(exif), List.of(), List.of(), List.of()));
        index.refresh();

        SearchHit hit = filtered("", places("170062")).hits().getFirst();
        assertThat(hit.places()).containsExactly(new SearchHit.MappedPlace(167357, "Manbij", 36.53, 37.96, "exif"));
    }

    @Test
    void an_item_indexed_without_analysis_has_no_facets_and_matches_no_analysis_filter() {
        Item plain = item("Plain", "Shelling hit the town.", "en");
        add(plain);

        SearchResult r = index.search(SearchQuery.of("shelling", 10));
        assertThat(r.total()).isEqualTo(1);
        assertThat(r.facets().dimensions().keySet())
                .as("only its capture month, for the timeline")
                .containsExactly(Facets.CAPTURE_MONTH);
        assertThat(r.hits().getFirst().places()).isEmpty();
        assertThat(filtered("shelling", places("163843")).total()).isZero();
    }

    @Test
    void reindexing_an_item_with_a_new_analysis_replaces_its_filters() {
        Item[] items = facetFixture();
        index.index(items[0], analysis(List.of(place(170892, "Darayya", RIF_DIMASHQ, SYRIA)), List.of()));
        index.refresh();

        assertThat(ids(filtered("", places("170062")))).containsExactly(items[1].id());
        assertThat(ids(filtered("", places("170652")))).containsExactlyInAnyOrder(items[0].id(), items[2].id());
    }

    private SearchResult search(String text, String language, String kind, Instant from, Instant to) {
        return index.search(new SearchQuery(text, language, kind, from, to, 0, 100));
    }
}
