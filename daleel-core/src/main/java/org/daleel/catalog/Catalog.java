package org.daleel.catalog;

import java.util.List;
import java.util.Optional;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.Resource;

/**
 * The catalog of items: the source of truth for what the archive holds. Payload bytes live in the
 * {@link org.daleel.blob.BlobStore}; the search index is derived from the catalog and can be rebuilt
 * from it.
 *
 * <p>Contract, for every adapter:
 * <ul>
 *   <li>Thread-safe. Several processes may open the same catalog; writes are serialised by the
 *       adapter (for SQLite, one write transaction at a time, waiting up to a bounded time).
 *   <li>{@link #add} is atomic and durable: when it returns, the item and its resources are
 *       committed together; a reader (in any process) sees all of it or nothing.
 *   <li>{@code find} returns empty for an absent id; {@code get} throws
 *       {@link org.daleel.core.NotFoundException} naming the id.
 *   <li>Adding an id that exists throws {@link org.daleel.core.ConflictException}.
 *   <li>Storage failures surface as {@link org.daleel.core.DaleelException} with the catalog's
 *       location in the message, never as driver exceptions.
 * </ul>
 */
public interface Catalog extends AutoCloseable {

    /**
     * Stores a new item with its embedded resources in one transaction and assigns its sequence.
     *
     * @return the stored item, with {@link Item#seq()} set (strictly increasing across adds)
     */
    Item add(Item item, List<Resource> resources);

    /**
     * Stores a new FILE item unless an item of kind FILE with the same payload digest exists; the
     * check and the insert are one transaction, so two concurrent imports of the same bytes create
     * one item.
     *
     * @return the new item (with seq) or the existing one
     */
    AddResult addIfAbsent(Item item);

    /**
     * Like {@link #add(Item, List)}, storing the item's analysis in the same transaction, so that
     * no reader ever sees the item without it.
     */
    Item add(Item item, List<Resource> resources, ItemAnalysis analysis);

    /** Like {@link #addIfAbsent(Item)}, storing the new item's analysis in the same transaction. */
    AddResult addIfAbsent(Item item, ItemAnalysis analysis);

    /** The item with this id, or empty. */
    Optional<Item> find(String id);

    /** The item with this id; {@link org.daleel.core.NotFoundException} when absent. */
    Item get(String id);

    /** The oldest FILE item whose payload has this digest, or empty. */
    Optional<Item> findFileBySha256(String sha256);

    /** All items (any kind) whose payload has this digest, oldest first. */
    List<Item> listBySha256(String sha256);

    /** Embedded resources captured with an item, in capture order; empty when none. */
    List<Resource> resources(String itemId);

    /** Items with {@code seq > afterSeq}, in seq order, at most {@code limit}. */
    List<Item> listAfter(long afterSeq, int limit);

    /** Most recent items first, for the UI's front page. */
    List<Item> listRecent(int limit);

    /** Number of items. */
    long count();

    /** Highest seq assigned so far, 0 when empty. */
    long maxSeq();

    /**
     * Stores the analysis of an item, replacing any earlier one, atomically: a reader sees the old
     * analysis or the new one, never a mix. Analyses are derived data (the item is never changed)
     * and may be redone at any time.
     *
     * @throws org.daleel.core.NotFoundException when the item is not in the catalog
     */
    void putAnalysis(String itemId, ItemAnalysis analysis);

    /** The stored analysis of an item, or empty when it has none (or the item does not exist). */
    Optional<ItemAnalysis> analysis(String itemId);

    /**
     * Items with {@code seq > afterSeq}, in seq order, at most {@code limit}, that have no stored
     * analysis, or, when {@code version} is not empty, an analysis of another version.
     */
    List<Item> listUnanalysed(String version, long afterSeq, int limit);

    /** Number of items {@link #listUnanalysed} would list from the start. */
    long countUnanalysed(String version);

    /**
     * Number of items whose stored analysis was made by another analyzer version than {@code
     * version} (items without any analysis are not counted). Two counts, each consistent on its own;
     * never negative.
     */
    default long countStale(String version) {
        if (version.isEmpty()) {
            return 0;
        }
        return Math.max(0, countUnanalysed(version) - countUnanalysed(""));
    }

    /** Releases connections. Idempotent. */
    @Override
    void close();

    /**
     * Outcome of {@link #addIfAbsent}.
     *
     * @param item the stored item (new or existing)
     * @param created true when {@code item} was added by this call
     */
    record AddResult(Item item, boolean created) {}
}
