package org.daleel.search;

import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;

/**
 * Full-text index over items: ranked search with snippets, Arabic and English analysis.
 *
 * <p>Contract, for every adapter:
 * <ul>
 *   <li>The index is derived from the {@link org.daleel.catalog.Catalog}: it records the highest
 *       catalog seq it has durably committed ({@link #committedSeq()}), and after a crash the caller
 *       re-indexes items with a higher seq. Indexing the same item id again replaces it.
 *   <li>{@link #index} makes the item searchable in this instance no later than the next
 *       {@link #refresh()} or {@link #commit(long)}; other processes see it after {@code commit}.
 *   <li>One writer per index at a time (the adapter holds a lock while open for writing). An index
 *       opened read-only works while another process writes, and sees the last commit.
 *   <li>Arabic text is normalised (hamza and alef forms, taa marbuta, alef maqsura, diacritics,
 *       tatweel) at index and query time, so spelling variants find each other.
 *   <li>Query syntax errors throw {@link org.daleel.core.InvalidInputException} naming the query.
 *   <li>Thread-safe.
 * </ul>
 */
public interface SearchIndex extends AutoCloseable {

    /**
     * Adds or replaces an item's document, with what its analysis found: the places (each also
     * under its first-level division and country, so that a filter on a governorate finds its
     * villages), actors, event types and event dates ({@link EventDates}) become filters and facet
     * counts of {@link #search}.
     */
    void index(Item item, ItemAnalysis analysis);

    /** Adds or replaces an item's document without analysis (it has no places, actors or events). */
    default void index(Item item) {
        index(item, ItemAnalysis.empty("none", item.language()));
    }

    /** Removes an item's document; no-op when absent. */
    void delete(String itemId);

    /** Makes recent changes visible to searches in this instance. */
    void refresh();

    /**
     * Durably commits everything indexed so far and records {@code upToSeq} as the highest catalog
     * seq included.
     */
    void commit(long upToSeq);

    /** Highest catalog seq durably committed, 0 for a new index. */
    long committedSeq();

    /**
     * Runs a ranked search; returns an empty result when nothing matches. The query's
     * {@link SearchFilter} must hold GeoNames ids as places (the archive resolves names first);
     * a place that is not a number throws {@link org.daleel.core.InvalidInputException}. The
     * result's {@link Facets} count every matching item (at most 20 values per dimension, most
     * frequent first, ties by label).
     */
    SearchResult search(SearchQuery query);

    /** Number of indexed documents visible to searches. */
    long count();

    /** Deletes every document (for a rebuild from the catalog). */
    void clear();

    /** Commits nothing further and releases files and locks. Idempotent. */
    @Override
    void close();
}
