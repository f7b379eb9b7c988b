package org.daleel.search;

import java.time.Instant;
import java.util.Objects;
import org.daleel.core.InvalidInputException;

/**
 * A search request.
 *
 * @param text the user's query, in any language; plain words, "quoted phrases", AND/OR/NOT, field:value;
 *     may be empty when {@code filter} is not, to list every item the filter matches
 * @param language restrict to items in this language ("en", "ar"), or "" for all
 * @param kind restrict to an item kind label ("capture", "file", "warc-record"), or "" for all
 * @param from only items captured at or after this instant, or {@code null} for no lower bound
 * @param to only items captured before this instant, or {@code null} for no upper bound
 * @param offset number of hits to skip
 * @param limit maximum hits to return (1..1000)
 * @param filter filters on places, actors, event types and event dates, {@link SearchFilter#NONE} for none
 */
public record SearchQuery(
        String text,
        String language,
        String kind,
        Instant from,
        Instant to,
        int offset,
        int limit,
        SearchFilter filter) {
    public SearchQuery {
        Objects.requireNonNull(text, "text");
        language = Objects.requireNonNullElse(language, "");
        kind = Objects.requireNonNullElse(kind, "");
        filter = Objects.requireNonNullElse(filter, SearchFilter.NONE);
        if (text.isBlank() && filter.isEmpty()) {
            throw new InvalidInputException("search query is empty: give at least one word or a filter");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("search limit " + limit + " is out of range 1..1000");
        }
        if (offset < 0) {
            throw new InvalidInputException("search offset " + offset + " is negative");
        }
    }

    /** A query without filters on the analysis. */
    public SearchQuery(String text, String language, String kind, Instant from, Instant to, int offset, int limit) {
        this(text, language, kind, from, to, offset, limit, SearchFilter.NONE);
    }

    /** A query for {@code text} with default filters and the first {@code limit} hits. */
    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, "", "", null, null, 0, limit);
    }

    /** The same query with another analysis filter. */
    public SearchQuery withFilter(SearchFilter newFilter) {
        return new SearchQuery(text, language, kind, from, to, offset, limit, newFilter);
    }
}
