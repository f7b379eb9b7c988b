package org.daleel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.daleel.core.ConflictException;
import org.daleel.core.InvalidInputException;
import org.daleel.core.NotFoundException;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemIds;
import org.daleel.item.ItemKind;
import org.daleel.item.Provenance;
import org.daleel.item.Resource;
import org.daleel.item.WarcRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link Catalog} adapter must have. An adapter's test extends this class and
 * implements {@link #newCatalog(Path)}; embedded and server back ends pass the same suite.
 *
 * <p>Times are compared at millisecond precision, the precision every back end keeps.
 */
public abstract class CatalogContract {

    /** Where the catalog under test keeps its data; the same directory for a reopen. */
    @TempDir
    protected Path dir;

    /** The catalog under test, opened before each test and closed after it. */
    protected Catalog catalog;

    /**
     * Opens the catalog stored in {@code dir}, creating it when absent. Called again with the same
     * directory after {@link Catalog#close()}, it must open the same stored data.
     */
    protected abstract Catalog newCatalog(Path dir);

    @BeforeEach
    protected void openCatalog() {
        catalog = newCatalog(dir);
    }

    @AfterEach
    protected void closeCatalog() {
        catalog.close();
    }

    // ---- fixtures, also for adapter-specific tests -------------------------------------------

    /** A deterministic, valid lowercase hex SHA-256 for {@code n}. */
    protected static String sha(long n) {
        return String.format("%064x", n);
    }

    /** A minimal item of {@code kind} with payload digest {@code sha256} and a fresh id. */
    protected static Item item(ItemKind kind, String sha256) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Item(
                ItemIds.next(now),
                0,
                kind,
                "",
                "",
                "",
                sha256,
                10,
                "text/plain",
                now,
                "",
                "",
                "",
                "",
                "",
                WarcRef.NONE,
                Provenance.NONE);
    }

    /** A capture with every field set, Arabic text included. */
    protected static Item fullCapture() {
        Instant at = Instant.parse("2016-12-13T09:15:30.123Z");
        return new Item(
                ItemIds.next(at),
                0,
                ItemKind.CAPTURE,
                "https://example.org/%D8%AD%D9%84%D8%A8/evacuation?id=7",
                "http://example.org/aleppo",
                "",
                sha(0xa1e99011L),
                5321,
                "text/html; charset=utf-8",
                at,
                "حلب: إجلاء المدنيين من الأحياء الشرقية",
                "أفادت مصادر محلية بأن قافلة الإجلاء تعرضت لإطلاق نار قرب حي الراموسة.\n"
                        + "Local sources said the evacuation convoy came under fire near Ramouseh. 🚑",
                "ar",
                "2016-12-13",
                "",
                new WarcRef("DALEEL-20161213091530-01JD00000000000000000000.warc.gz", sha(0xfeedL), 1_234_567, 89),
                new Provenance(
                        "investigator-7", "ملاحظة: نُشر المقطع بعد ساعتين من الحادث", "حلب الشرقية", "2016-12-12"));
    }

    /** Embedded resources with every field set, offsets beyond 32 bits included. */
    protected static List<Resource> resourcesOf(int count) {
        List<Resource> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Resource(
                    "https://cdn.example.org/صور/" + i + ".jpg?size=large",
                    i == 1 ? 404 : 200,
                    i % 2 == 0 ? "image/jpeg" : "text/css",
                    sha(1000 + i),
                    1000L * i,
                    5_000_000_000L + i));
        }
        return out;
    }

    // ---- round trip ------------------------------------------------------------------------

    @Test
    void round_trips_every_field_of_a_capture_including_arabic_text_and_resources() {
        Item original = fullCapture();
        List<Resource> resources = resourcesOf(3);

        Item stored = catalog.add(original, resources);

        assertThat(stored.seq()).isPositive();
        assertThat(stored).isEqualTo(original.withSeq(stored.seq()));
        assertThat(catalog.get(original.id())).isEqualTo(stored);
        assertThat(catalog.find(original.id())).contains(stored);
        assertThat(catalog.resources(original.id())).containsExactlyElementsOf(resources);
    }

    @Test
    void round_trips_a_file_item_with_extraction_note_and_no_warc() {
        Instant at = Instant.parse("2024-02-29T23:59:59.999Z");
        Item original = new Item(
                ItemIds.next(at),
                0,
                ItemKind.FILE,
                "",
                "",
                "تقرير (نسخة نهائية).pdf",
                sha(42),
                0,
                "application/pdf",
                at,
                "",
                "",
                "",
                "",
                "could not extract text: encrypted PDF",
                WarcRef.NONE,
                new Provenance("", "", "Darayya", ""));

        Item stored = catalog.add(original, List.of());

        assertThat(catalog.get(original.id())).isEqualTo(original.withSeq(stored.seq()));
        assertThat(catalog.resources(original.id())).isEmpty();
    }

    @Test
    void keeps_capture_time_to_the_millisecond_and_in_utc() {
        Item original = item(ItemKind.FILE, sha(1));
        Instant at = Instant.parse("1999-12-31T23:00:00.001Z");
        Item withTime = new Item(
                original.id(),
                0,
                original.kind(),
                "",
                "",
                "",
                original.sha256(),
                1,
                "text/plain",
                at,
                "",
                "",
                "",
                "",
                "",
                WarcRef.NONE,
                Provenance.NONE);

        catalog.add(withTime, List.of());

        assertThat(catalog.get(original.id()).capturedAt()).isEqualTo(at);
    }

    // ---- lookups ----------------------------------------------------------------------------

    @Test
    void find_of_an_absent_id_is_empty_and_get_throws_not_found_naming_the_id() {
        String absent = ItemIds.next(Instant.now());

        assertThat(catalog.find(absent)).isEmpty();
        assertThatThrownBy(() -> catalog.get(absent))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(absent);
    }

    @Test
    void finds_the_oldest_file_item_by_digest_and_lists_every_kind_by_digest_oldest_first() {
        String digest = sha(7);
        Item capture = catalog.add(item(ItemKind.CAPTURE, digest), List.of());
        Item firstFile = catalog.add(item(ItemKind.FILE, digest), List.of());
        Item record = catalog.add(item(ItemKind.WARC_RECORD, digest), List.of());
        Item secondFile = catalog.add(item(ItemKind.FILE, digest), List.of());
        catalog.add(item(ItemKind.FILE, sha(8)), List.of());

        assertThat(catalog.findFileBySha256(digest)).contains(firstFile);
        assertThat(catalog.listBySha256(digest)).containsExactly(capture, firstFile, record, secondFile);
        assertThat(catalog.findFileBySha256(sha(9))).isEmpty();
        assertThat(catalog.listBySha256(sha(9))).isEmpty();
    }

    @Test
    void find_file_by_digest_ignores_captures_and_warc_records() {
        catalog.add(item(ItemKind.CAPTURE, sha(3)), List.of());
        catalog.add(item(ItemKind.WARC_RECORD, sha(3)), List.of());

        assertThat(catalog.findFileBySha256(sha(3))).isEmpty();
    }

    @Test
    void resources_are_kept_per_item_in_capture_order() {
        Item a = catalog.add(item(ItemKind.CAPTURE, sha(1)), resourcesOf(4));
        Item b = catalog.add(item(ItemKind.CAPTURE, sha(2)), resourcesOf(2).reversed());
        Item c = catalog.add(item(ItemKind.CAPTURE, sha(3)), List.of());

        assertThat(catalog.resources(a.id())).containsExactlyElementsOf(resourcesOf(4));
        assertThat(catalog.resources(b.id()))
                .containsExactlyElementsOf(resourcesOf(2).reversed());
        assertThat(catalog.resources(c.id())).isEmpty();
    }

    // ---- sequence and listing -----------------------------------------------------------------

    @Test
    void an_empty_catalog_has_count_and_max_seq_zero_and_lists_nothing() {
        assertThat(catalog.count()).isZero();
        assertThat(catalog.maxSeq()).isZero();
        assertThat(catalog.listAfter(0, 10)).isEmpty();
        assertThat(catalog.listRecent(10)).isEmpty();
    }

    @Test
    void assigns_strictly_increasing_seqs_and_ignores_a_seq_set_by_the_caller() {
        List<Item> stored = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Item candidate = item(ItemKind.FILE, sha(i));
            stored.add(catalog.add(i % 3 == 0 ? candidate.withSeq(999_999) : candidate, List.of()));
        }

        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).seq()).isGreaterThan(stored.get(i - 1).seq());
        }
        assertThat(stored.getFirst().seq()).isPositive().isLessThan(999_999);
        assertThat(catalog.maxSeq()).isEqualTo(stored.getLast().seq());
        assertThat(catalog.count()).isEqualTo(20);
        for (Item item : stored) {
            assertThat(catalog.get(item.id()).seq()).isEqualTo(item.seq());
        }
    }

    @Test
    void list_after_pages_through_every_item_in_seq_order() {
        List<Item> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(catalog.add(item(ItemKind.FILE, sha(i)), List.of()));
        }

        List<Item> paged = new ArrayList<>();
        long after = 0;
        List<Item> page;
        while (!(page = catalog.listAfter(after, 3)).isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            paged.addAll(page);
            after = page.getLast().seq();
        }

        assertThat(paged).containsExactlyElementsOf(stored);
        assertThat(catalog.listAfter(stored.get(4).seq(), 100)).containsExactlyElementsOf(stored.subList(5, 7));
        assertThat(catalog.listAfter(catalog.maxSeq(), 100)).isEmpty();
        assertThat(catalog.listAfter(0, 0)).isEmpty();
    }

    @Test
    void list_recent_returns_newest_first_up_to_the_limit() {
        List<Item> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(catalog.add(item(ItemKind.FILE, sha(i)), List.of()));
        }

        assertThat(catalog.listRecent(3)).containsExactly(stored.get(4), stored.get(3), stored.get(2));
        assertThat(catalog.listRecent(100)).containsExactlyElementsOf(stored.reversed());
    }

    @Test
    void rejects_a_negative_limit() {
        assertThatThrownBy(() -> catalog.listRecent(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> catalog.listAfter(0, -1)).isInstanceOf(InvalidInputException.class);
    }

    // ---- conflicts and deduplication ------------------------------------------------------------

    @Test
    void adding_an_existing_id_throws_conflict_naming_the_id_and_changes_nothing() {
        Item first = catalog.add(fullCapture(), resourcesOf(2));
        Item sameId = new Item(
                first.id(),
                0,
                ItemKind.FILE,
                "",
                "",
                "other.txt",
                sha(5),
                3,
                "text/plain",
                Instant.now(),
                "other",
                "",
                "",
                "",
                "",
                WarcRef.NONE,
                Provenance.NONE);

        assertThatThrownBy(() -> catalog.add(sameId, resourcesOf(5)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(first.id());

        assertThat(catalog.count()).isEqualTo(1);
        assertThat(catalog.get(first.id())).isEqualTo(first);
        assertThat(catalog.resources(first.id())).containsExactlyElementsOf(resourcesOf(2));
        assertThat(catalog.add(item(ItemKind.FILE, sha(6)), List.of()).seq()).isGreaterThan(first.seq());
    }

    @Test
    void add_if_absent_creates_one_file_item_per_digest_and_returns_the_existing_one() {
        Item first = item(ItemKind.FILE, sha(11));
        Item sameBytes = item(ItemKind.FILE, sha(11));

        Catalog.AddResult created = catalog.addIfAbsent(first);
        Catalog.AddResult again = catalog.addIfAbsent(sameBytes);

        assertThat(created.created()).isTrue();
        assertThat(created.item()).isEqualTo(first.withSeq(created.item().seq()));
        assertThat(created.item().seq()).isPositive();
        assertThat(again.created()).isFalse();
        assertThat(again.item()).isEqualTo(created.item());
        assertThat(catalog.find(sameBytes.id())).isEmpty();
        assertThat(catalog.count()).isEqualTo(1);
    }

    @Test
    void add_if_absent_is_not_fooled_by_a_capture_with_the_same_digest() {
        catalog.add(item(ItemKind.CAPTURE, sha(12)), List.of());

        Catalog.AddResult result = catalog.addIfAbsent(item(ItemKind.FILE, sha(12)));

        assertThat(result.created()).isTrue();
        assertThat(catalog.count()).isEqualTo(2);
    }

    @Test
    void add_if_absent_rejects_an_item_that_is_not_a_file() {
        assertThatThrownBy(() -> catalog.addIfAbsent(item(ItemKind.CAPTURE, sha(13))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(catalog.count()).isZero();
    }

    @Test
    void add_if_absent_with_an_existing_id_but_new_bytes_throws_conflict() {
        Item first = catalog.add(item(ItemKind.FILE, sha(14)), List.of());
        Item sameIdOtherBytes = new Item(
                first.id(),
                0,
                ItemKind.FILE,
                "",
                "",
                "",
                sha(15),
                1,
                "text/plain",
                Instant.now(),
                "",
                "",
                "",
                "",
                "",
                WarcRef.NONE,
                Provenance.NONE);

        assertThatThrownBy(() -> catalog.addIfAbsent(sameIdOtherBytes))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(first.id());
    }

    // ---- durability and lifecycle -------------------------------------------------------------

    // ---- analyses ---------------------------------------------------------------------------

    /**
     * An analysis with one place of each source, an actor, a date, an event and two quantities (one
     * approximate and tied to the event, one fractional and untied), in Arabic text.
     */
    protected static ItemAnalysis fullAnalysis(String version) {
        var syria = new ItemAnalysis.Area(163843, "Syria", ItemAnalysis.AreaLevel.COUNTRY);
        var aleppo = new ItemAnalysis.Area(170062, "Aleppo", ItemAnalysis.AreaLevel.ADMIN1);
        return new ItemAnalysis(
                version,
                "ar",
                List.of(
                        new ItemAnalysis.Place(
                                167357,
                                "Manbij",
                                "منبج",
                                "SY",
                                "09",
                                "PPLA2",
                                36.5281,
                                37.9549,
                                List.of(aleppo, syria),
                                new ItemAnalysis.PlaceSource.InText("منبج", 15, 19)),
                        new ItemAnalysis.Place(
                                163843,
                                "Syria",
                                "سوريا",
                                "SY",
                                "",
                                "PCLI",
                                35.0,
                                38.0,
                                List.of(),
                                new ItemAnalysis.PlaceSource.Exif(36.1, 37.2, 12.5))),
                List.of(new ItemAnalysis.Actor(
                        "النظام", 5, 11, "syrian-government-forces", "Syrian government forces", "State forces", "")),
                List.of(new ItemAnalysis.DateMention("12 حزيران 2016", 30, 44, "2016-06-12")),
                List.of(new ItemAnalysis.Event(
                        "shelling",
                        "Shelling",
                        "قصفت طائرات النظام مدينة منبج",
                        0,
                        29,
                        List.of("syrian-government-forces"),
                        List.of(167357L),
                        "2016-06-12")),
                List.of(
                        new ItemAnalysis.Quantity(
                                "مقتل عشرات المدنيين",
                                20,
                                29,
                                12,
                                true,
                                "people",
                                "killed",
                                0,
                                List.of(167357L),
                                List.of("syrian-government-forces"),
                                "2016-06-12"),
                        new ItemAnalysis.Quantity(
                                "12.5 كم²", 50, 58, 12.5, false, "km²", "area", -1, List.of(), List.of(), "")));
    }

    @Test
    void stores_an_analysis_with_its_item_in_one_add_and_reads_it_back_equal() {
        Item added = catalog.add(item(ItemKind.CAPTURE, sha(1)), List.of(), fullAnalysis("v1"));
        var file = catalog.addIfAbsent(item(ItemKind.FILE, sha(2)), fullAnalysis("v2"));

        assertThat(catalog.analysis(added.id())).contains(fullAnalysis("v1"));
        assertThat(catalog.analysis(file.item().id())).contains(fullAnalysis("v2"));
        assertThat(catalog.listUnanalysed("", 0, 10)).isEmpty();
    }

    @Test
    void an_item_added_without_analysis_has_none_and_is_listed_as_unanalysed() {
        Item plain = catalog.add(item(ItemKind.FILE, sha(1)), List.of());
        catalog.add(item(ItemKind.FILE, sha(2)), List.of(), fullAnalysis("v1"));

        assertThat(catalog.analysis(plain.id())).isEmpty();
        assertThat(catalog.analysis("01ARZ3NDEKTSV4RRFFQ69G5FAV"))
                .as("absent item")
                .isEmpty();
        assertThat(catalog.listUnanalysed("", 0, 10)).extracting(Item::id).containsExactly(plain.id());
        assertThat(catalog.countUnanalysed("")).isEqualTo(1);
    }

    @Test
    void put_analysis_replaces_the_earlier_one_whole() {
        Item added = catalog.add(item(ItemKind.CAPTURE, sha(1)), List.of(), fullAnalysis("v1"));
        ItemAnalysis empty = ItemAnalysis.empty("v2", "en");

        catalog.putAnalysis(added.id(), empty);

        assertThat(catalog.analysis(added.id())).contains(empty);
    }

    @Test
    void put_analysis_of_an_absent_item_throws_not_found() {
        assertThatThrownBy(() -> catalog.putAnalysis("01ARZ3NDEKTSV4RRFFQ69G5FAV", fullAnalysis("v1")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    }

    @Test
    void lists_items_analysed_by_another_version_in_seq_order_after_a_seq() {
        Item a = catalog.add(item(ItemKind.FILE, sha(1)), List.of(), fullAnalysis("old"));
        Item b = catalog.add(item(ItemKind.FILE, sha(2)), List.of(), fullAnalysis("new"));
        Item c = catalog.add(item(ItemKind.FILE, sha(3)), List.of());
        Item d = catalog.add(item(ItemKind.FILE, sha(4)), List.of(), fullAnalysis("old"));

        assertThat(catalog.listUnanalysed("new", 0, 10)).extracting(Item::id).containsExactly(a.id(), c.id(), d.id());
        assertThat(catalog.listUnanalysed("new", a.seq(), 1))
                .extracting(Item::id)
                .containsExactly(c.id());
        assertThat(catalog.countUnanalysed("new")).isEqualTo(3);
        assertThat(catalog.countUnanalysed("")).isEqualTo(1);
        assertThat(catalog.listUnanalysed("", 0, 10)).extracting(Item::id).containsExactly(c.id());
        assertThat(b.seq()).isLessThan(c.seq());
    }

    @Test
    void analyses_survive_reopening() {
        Item added = catalog.add(item(ItemKind.CAPTURE, sha(1)), List.of(), fullAnalysis("v1"));
        catalog.close();
        catalog = newCatalog(dir);

        assertThat(catalog.analysis(added.id())).contains(fullAnalysis("v1"));
    }

    @Test
    void reopening_after_close_keeps_every_item_resource_and_the_sequence() {
        Item capture = catalog.add(fullCapture(), resourcesOf(3));
        Item file = catalog.addIfAbsent(item(ItemKind.FILE, sha(20))).item();
        catalog.close();

        catalog = newCatalog(dir);

        assertThat(catalog.count()).isEqualTo(2);
        assertThat(catalog.maxSeq()).isEqualTo(file.seq());
        assertThat(catalog.get(capture.id())).isEqualTo(capture);
        assertThat(catalog.resources(capture.id())).containsExactlyElementsOf(resourcesOf(3));
        assertThat(catalog.addIfAbsent(item(ItemKind.FILE, sha(20))).created()).isFalse();
        assertThat(catalog.add(item(ItemKind.FILE, sha(21)), List.of()).seq()).isGreaterThan(file.seq());
    }

    @Test
    void close_is_idempotent() {
        catalog.close();
        catalog.close();
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @Test
    @Timeout(60)
    void concurrent_adds_from_several_threads_lose_nothing_and_get_distinct_seqs() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Item>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * 1000;
            futures.add(pool.submit(() -> {
                List<Item> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(catalog.add(item(ItemKind.FILE, sha(base + i)), resourcesOf(i % 3)));
                }
                return mine;
            }));
        }
        List<Item> all = new ArrayList<>();
        for (Future<List<Item>> f : futures) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Set<Long> seqs = new HashSet<>();
        for (Item item : all) {
            seqs.add(item.seq());
            assertThat(catalog.get(item.id())).isEqualTo(item);
        }
        assertThat(seqs).hasSize(threads * perThread);
        assertThat(catalog.count()).isEqualTo(threads * perThread);
        assertThat(catalog.listAfter(0, 1000)).extracting(Item::seq).isSorted().hasSize(threads * perThread);
    }

    @Test
    @Timeout(60)
    void concurrent_add_if_absent_of_the_same_bytes_creates_exactly_one_item_per_digest() throws Exception {
        int threads = 4;
        int digests = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int created = 0;
                for (int i = 0; i < digests; i++) {
                    if (catalog.addIfAbsent(item(ItemKind.FILE, sha(500 + i))).created()) {
                        created++;
                    }
                }
                return created;
            }));
        }
        int created = 0;
        for (Future<Integer> f : futures) {
            created += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(created).isEqualTo(digests);
        assertThat(catalog.count()).isEqualTo(digests);
        for (int i = 0; i < digests; i++) {
            assertThat(catalog.listBySha256(sha(500 + i))).hasSize(1);
        }
    }

    @Test
    @Timeout(60)
    void a_reader_never_sees_an_item_without_all_its_resources() throws Exception {
        assertReadersSeeWholeItems(catalog, catalog, 60);
    }

    /**
     * Adds {@code items} items (item i with i % 5 + 1 resources) through {@code writer} while a
     * thread reads through {@code reader}; fails when the reader sees an item with fewer resources
     * than it was added with.
     */
    protected static void assertReadersSeeWholeItems(Catalog writer, Catalog reader, int items) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> checks = pool.submit(() -> {
            int checked = 0;
            do {
                for (Item seen : reader.listRecent(5)) {
                    int expected = Integer.parseInt(seen.title());
                    assertThat(reader.resources(seen.id()))
                            .as("resources of item %s seen by a reader", seen.id())
                            .hasSize(expected);
                    checked++;
                }
            } while (!done.get());
            return checked;
        });
        try {
            for (int i = 0; i < items; i++) {
                Item base = item(ItemKind.CAPTURE, sha(9000 + i));
                int resources = i % 5 + 1;
                Item titled = new Item(
                        base.id(),
                        0,
                        base.kind(),
                        "https://example.org/" + i,
                        "",
                        "",
                        base.sha256(),
                        1,
                        "text/html",
                        base.capturedAt(),
                        Integer.toString(resources),
                        "",
                        "",
                        "",
                        "",
                        WarcRef.NONE,
                        Provenance.NONE);
                writer.add(titled, resourcesOf(resources));
            }
        } finally {
            done.set(true);
        }
        assertThat(checks.get(30, TimeUnit.SECONDS)).isPositive();
        pool.shutdown();
    }
}
