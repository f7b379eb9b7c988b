package org.daleel.search.lucene;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.daleel.core.ConflictException;
import org.daleel.core.DaleelException;
import org.daleel.core.NotFoundException;
import org.daleel.item.Item;
import org.daleel.search.SearchIndex;
import org.daleel.search.SearchIndexContract;
import org.daleel.search.SearchQuery;
import org.daleel.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTest extends SearchIndexContract {

    @Override
    protected SearchIndex openWritable(Path dir) {
        return LuceneSearchIndex.openWriter(dir);
    }

    @Test
    void a_second_writer_on_the_same_directory_is_refused_naming_the_directory() {
        assertThatThrownBy(() -> LuceneSearchIndex.openWriter(dir))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void a_writer_in_another_process_locks_out_writers_here_while_readers_see_its_commits(@TempDir Path shared)
            throws Exception {
        String id = "01KHANSHAYKHUN0000000000AA";
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        WriterProcess.class.getName(),
                        shared.toString(),
                        id)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");

            assertThatThrownBy(() -> LuceneSearchIndex.openWriter(shared))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining(shared.toString());
            try (SearchIndex reader = LuceneSearchIndex.openReader(shared)) {
                assertThat(ids(reader.search(SearchQuery.of("shaykhun", 10)))).containsExactly(id);
                assertThat(reader.committedSeq()).isEqualTo(9);
            }
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).isZero();
        try (SearchIndex writer = LuceneSearchIndex.openWriter(shared)) {
            assertThat(writer.count()).isEqualTo(1);
        }
    }

    @Test
    void a_writer_can_open_the_directory_again_after_the_first_closed() {
        index.close();
        index = LuceneSearchIndex.openWriter(dir);
        index.index(item("Again", "reopened", "en"));
        index.refresh();
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void reader_sees_commits_and_not_uncommitted_items() {
        Item committed = item("Kept", "Ghouta committed", "en");
        index.index(committed);
        index.commit(5);
        try (SearchIndex reader = LuceneSearchIndex.openReader(dir)) {
            Item pending = item("Pending", "Ghouta pending", "en");
            index.index(pending);
            index.refresh();

            reader.refresh();
            assertThat(ids(reader.search(SearchQuery.of("ghouta", 10)))).containsExactly(committed.id());
            assertThat(reader.committedSeq()).isEqualTo(5);

            index.commit(6);
            assertThat(ids(reader.search(SearchQuery.of("ghouta", 10)))).containsExactly(committed.id());
            reader.refresh();
            assertThat(ids(reader.search(SearchQuery.of("ghouta", 10))))
                    .containsExactlyInAnyOrder(committed.id(), pending.id());
            assertThat(reader.committedSeq()).isEqualTo(6);
            assertThat(reader.count()).isEqualTo(2);
        }
    }

    @Test
    void reader_opens_on_a_new_writers_empty_index() {
        try (SearchIndex reader = LuceneSearchIndex.openReader(dir)) {
            assertThat(reader.count()).isZero();
            assertThat(reader.committedSeq()).isZero();
            assertThat(reader.search(SearchQuery.of("anything", 10)).total()).isZero();
        }
    }

    @Test
    void reader_refuses_writes() {
        try (SearchIndex reader = LuceneSearchIndex.openReader(dir)) {
            Item item = item("X", "x", "en");
            assertThatThrownBy(() -> reader.index(item))
                    .isInstanceOf(DaleelException.class)
                    .hasMessageContaining("read-only")
                    .hasMessageContaining(dir.toString());
            assertThatThrownBy(() -> reader.commit(1)).isInstanceOf(DaleelException.class);
            assertThatThrownBy(() -> reader.delete(item.id())).isInstanceOf(DaleelException.class);
            assertThatThrownBy(reader::clear).isInstanceOf(DaleelException.class);
        }
    }

    @Test
    void reader_on_a_directory_without_an_index_is_not_found(@TempDir Path empty) {
        assertThatThrownBy(() -> LuceneSearchIndex.openReader(empty))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(empty.toString());
        assertThatThrownBy(() -> LuceneSearchIndex.openReader(empty.resolve("missing")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void using_a_closed_index_is_an_error_naming_it() {
        index.close();
        assertThatThrownBy(() -> index.search(SearchQuery.of("x", 10)))
                .isInstanceOf(DaleelException.class)
                .hasMessageContaining("closed");
        index = LuceneSearchIndex.openWriter(dir);
    }

    @Test
    void arabic_word_with_an_attached_preposition_is_found_by_the_bare_word() {
        Item bi = item("خبر", "قصف بداريا صباحا", "ar");
        Item li = item("خبر", "نداء لداريا المحاصرة", "ar");
        Item wabi = item("خبر", "وبداريا اشتباكات", "ar");
        add(bi, li, wabi);

        assertThat(idsFound("داريا")).containsExactlyInAnyOrder(bi.id(), li.id(), wabi.id());
        assertThat(idsFound("داريّا")).containsExactlyInAnyOrder(bi.id(), li.id(), wabi.id());
    }

    @Test
    void arabic_preposition_expansion_leaves_short_words_alone() {
        Item sea = item("خبر", "غرق قارب في البحر بحر", "ar");
        add(sea);

        // حر ("hot") must not find بحر ("sea").
        assertThat(idsFound("حر")).isEmpty();
    }

    @Test
    void arabic_prefixed_match_is_highlighted() {
        add(item("خبر", "أفاد ناشطون بقصف عنيف بداريا صباح اليوم", "ar"));

        String snippet =
                index.search(SearchQuery.of("داريا", 10)).hits().getFirst().snippet();

        assertThat(snippet).contains("<b>بداريا</b>");
    }

    @Test
    void stemmed_english_match_is_highlighted() {
        add(item("News", "Two stations were damaged.", "en"));

        String snippet =
                index.search(SearchQuery.of("station", 10)).hits().getFirst().snippet();

        assertThat(snippet).contains("<b>stations</b>");
    }

    @Test
    void field_prefixes_restrict_the_search_and_unknown_ones_are_text() {
        Item titled = item("Hama report", "Nothing else.", "en");
        Item body = item("Other", "Hama: shelling reported.", "en");
        add(titled, body);

        assertThat(idsFound("title:hama")).containsExactly(titled.id());
        assertThat(idsFound("text:hama")).containsExactly(body.id());
        assertThat(idsFound("hama: shelling")).containsExactly(body.id());
        assertThat(idsFound("-hama")).isEmpty();
        assertThat(idsFound("-shelling")).containsExactly(titled.id());
    }

    @Test
    void prefix_queries_match_word_beginnings() {
        Item item = item("News", "Bombardment of the district.", "en");
        add(item);

        assertThat(idsFound("bombard*")).containsExactly(item.id());
    }

    @Test
    void total_is_exact_beyond_ten_thousand_matches() {
        int n = 10_050;
        for (int i = 0; i < n; i++) {
            index.index(item("Item " + i, "common word " + i, "en"));
        }
        index.refresh();

        SearchResult result = index.search(SearchQuery.of("common", 20));

        assertThat(result.total()).isEqualTo(n);
        assertThat(result.hits()).hasSize(20);
    }

    @Test
    void concurrent_indexing_and_searching_is_safe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        index.index(item("T" + thread, "parallel item " + i, "en"));
                        if (i % 10 == 0) {
                            index.refresh();
                            index.search(SearchQuery.of("parallel", 5));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        index.commit(200);

        assertThat(index.search(SearchQuery.of("parallel", 10)).total()).isEqualTo(200);
    }
}
