package org.daleel.item;

import java.util.Optional;
import org.daleel.meta.GpsPosition;

/**
 * Understands items: the places (GeoNames), actors, dates and events of an item's text, and the
 * place where its picture was taken. The archive analyses every item it stores and keeps the result
 * in the catalog; search filters and facets are built from it.
 *
 * <p>Contract, for every adapter:
 * <ul>
 *   <li>Thread-safe and without state between calls; the same item and version give the same
 *       analysis.
 *   <li>{@link #analyze} never throws for bad content (empty text, markup, lone surrogates, other
 *       languages): it returns what it found, possibly nothing. Its time is bounded by the text's
 *       length.
 *   <li>{@link #version()} changes whenever the results may change (new gazetteer, thesaurus or
 *       recognisers), so stored analyses of an older version can be redone.
 * </ul>
 */
public interface ItemAnalyzer {

    /** Identifies the analyzer and its data; stored with each analysis. */
    String version();

    /**
     * Analyses an item's text (anchored at its stated publication date) and, when {@code gps} is
     * present, adds the nearest populated place to that position with source "exif".
     */
    ItemAnalysis analyze(Item item, Optional<GpsPosition> gps);

    /**
     * The place a user means by {@code nameOrId}: a GeoNames id ("170063"), or a name in English or
     * Arabic ("Aleppo Governorate", "Syria", "ريف دمشق", "Darayya"). Among places of the same name
     * a country wins over a first-level division, which wins over the most populous populated
     * place. Empty when the gazetteer has no such place.
     */
    Optional<KnownPlace> findPlace(String nameOrId);

    /**
     * A place of the gazetteer.
     *
     * @param geonameId GeoNames id
     * @param name display name
     * @param countryCode ISO 3166-1 alpha-2 code
     * @param featureCode GeoNames feature code
     */
    record KnownPlace(long geonameId, String name, String countryCode, String featureCode) {}

    /** An analyzer that finds nothing, for archives opened without one. */
    static ItemAnalyzer none() {
        return new ItemAnalyzer() {
            @Override
            public String version() {
                return "none";
            }

            @Override
            public ItemAnalysis analyze(Item item, Optional<GpsPosition> gps) {
                return ItemAnalysis.empty(version(), item.language());
            }

            @Override
            public Optional<KnownPlace> findPlace(String nameOrId) {
                return Optional.empty();
            }
        };
    }
}
