package org.daleel.search;

import java.util.List;

/**
 * A page of hits.
 *
 * @param total number of matching items (exact up to at least 10,000)
 * @param hits ranked hits for the requested page
 * @param facets counts of places, actors, event types and years over all matching items
 */
public record SearchResult(long total, List<SearchHit> hits, Facets facets) {
    public SearchResult {
        hits = List.copyOf(hits);
        facets = java.util.Objects.requireNonNullElse(facets, Facets.NONE);
    }

    /** A result without facet counts. */
    public SearchResult(long total, List<SearchHit> hits) {
        this(total, hits, Facets.NONE);
    }
}
