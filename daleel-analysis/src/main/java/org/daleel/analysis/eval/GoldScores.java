package org.daleel.analysis.eval;

import java.util.Objects;

/**
 * Scores of the analyzer on the documents of one language (or all) of a gold set.
 *
 * @param language "en", "ar" or "all"
 * @param documents number of documents
 * @param places place resolution: a predicted mention is right when its span and its GeoNames id
 *     both equal a gold mention's
 * @param placesOverlap the same with overlapping spans accepted ("eastern Aleppo" for "Aleppo")
 * @param accuracy161 over gold mentions that some predicted mention overlaps: the predicted place
 *     lies within 161 km (100 miles) of the gold place
 * @param traps words annotated as not places ("there is hope"): how many were left alone
 * @param dates annotated date expressions that a predicted date overlaps with the same value
 * @param actors thesaurus actors named, as a set per document
 * @param events event types reported, as a set per document
 * @param eventSets documents whose predicted set of event types equals the gold set
 * @param languageId documents whose language was told right
 */
public record GoldScores(
        String language,
        int documents,
        Prf places,
        Prf placesOverlap,
        Accuracy accuracy161,
        Accuracy traps,
        Accuracy dates,
        Prf actors,
        Prf events,
        Accuracy eventSets,
        Accuracy languageId) {
    /** Validates the fields. */
    public GoldScores {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(places, "places");
        Objects.requireNonNull(placesOverlap, "placesOverlap");
        Objects.requireNonNull(accuracy161, "accuracy161");
        Objects.requireNonNull(traps, "traps");
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(actors, "actors");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(eventSets, "eventSets");
        Objects.requireNonNull(languageId, "languageId");
    }
}
