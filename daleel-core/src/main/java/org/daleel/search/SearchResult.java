package org.daleel.search;

import java.util.List;

/**
 * A page of hits.
 *
 * @param total number of matching items (exact up to at least 10,000)
 * @param hits ranked hits for the requested page
 */
public record SearchResult(long total, List<SearchHit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
