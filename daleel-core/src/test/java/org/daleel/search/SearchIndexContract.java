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

    private SearchResult search(String text, String language, String kind, Instant from, Instant to) {
        return index.search(new SearchQuery(text, language, kind, from, to, 0, 100));
    }
}
