package org.daleel.media.index;

import java.nio.file.Path;
import java.util.List;
import org.daleel.match.Hash256;
import org.daleel.match.HashIndex;
import org.daleel.match.HashMatch;

/**
 * The reference {@link HashIndex}: compares the query with every entry (a sequential scan of flat
 * arrays, about 1 ms per million entries). Exact by construction; the contract suite checks the
 * fast adapters against it. Persisted as described in {@link HashLog} when opened on a directory.
 */
public final class BruteForceHashIndex extends LoggedHashIndex {

    private BruteForceHashIndex() {}

    /** An index held only in memory. */
    public static BruteForceHashIndex inMemory() {
        return new BruteForceHashIndex();
    }

    /**
     * Opens (creating when absent) the index persisted in {@code dir}.
     *
     * @throws org.daleel.core.ConflictException when another open index holds the directory
     * @throws org.daleel.core.IntegrityException when the log is damaged
     */
    public static BruteForceHashIndex open(Path dir) {
        BruteForceHashIndex index = new BruteForceHashIndex();
        index.attach(dir);
        return index;
    }

    @Override
    void linked(int slot) {
        // Nothing to maintain: the scan reads the entries directly.
    }

    @Override
    void linkedAll() {
        // Nothing to build.
    }

    @Override
    void unlinked(int slot) {
        // Nothing to maintain.
    }

    @Override
    void collect(Hash256 query, int radius, List<HashMatch> out) {
        scan(query, radius, out);
    }
}
