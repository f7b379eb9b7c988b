package org.daleel.search.lucene;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongRange;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.daleel.core.InvalidInputException;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.search.EventDates;
import org.daleel.search.Facets;
import org.daleel.search.SearchFilter;
import org.daleel.search.SearchHit;

/**
 * The fields an item's analysis adds to its document, and the filters over them.
 *
 * <p>Filter fields (exact terms, not stored): {@code a.place} holds every place's GeoNames id and
 * the ids of its first-level division and country, so a filter on a governorate or a country finds
 * the villages inside; {@code a.actor} actor ids; {@code a.type} event type codes;
 * {@code a.date} the {@link EventDates} spans as ranges of epoch days. Facets are sorted-set doc
 * values (Lucene's {@link SortedSetDocValuesFacetField}) in the dimensions of {@link Facets}, each
 * value {@code id TAB label} so that counts come back with something to show; the timeline
 * dimensions hold the months of event dates and the capture month. {@code a.map} stores
 * the places with their positions for the hits.
 */
final class AnalysisFields {
    static final String PLACE = "a.place";
    static final String ACTOR = "a.actor";
    static final String TYPE = "a.type";
    static final String DATE = "a.date";
    static final String MAP = "a.map";

    /** Separates a facet value from its label. */
    static final char LABEL_SEPARATOR = '\t';

    /** Years of one date span counted in the year facet at most (a span of decades counts nowhere). */
    private static final int MAX_YEARS_PER_SPAN = 3;

    /** Date spans longer than this (a year) count in no month of the event-month timeline. */
    private static final int MAX_DAYS_PER_MONTH_SPAN = 31;

    static final FacetsConfig CONFIG = config();

    private AnalysisFields() {}

    private static FacetsConfig config() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : Facets.ALL) {
            config.setMultiValued(dim, true);
        }
        return config;
    }

    /** Adds the analysis fields to {@code doc}; the caller passes the result through {@link #CONFIG}. */
    static void add(Document doc, Item item, ItemAnalysis analysis) {
        Set<String> places = new LinkedHashSet<>();
        Map<String, Set<String>> facets = new LinkedHashMap<>();
        StringBuilder map = new StringBuilder();
        Set<String> mapped = new java.util.HashSet<>();
        for (ItemAnalysis.Place p : analysis.places()) {
            String id = Long.toString(p.geonameId());
            places.add(id);
            if (p.featureCode().startsWith("PCL")) {
                facet(facets, Facets.COUNTRY, id, p.name());
            } else if (p.featureCode().equals("ADM1")) {
                facet(facets, Facets.REGION, id, p.name());
            } else {
                facet(facets, Facets.PLACE, id, p.name());
            }
            for (ItemAnalysis.Area a : p.within()) {
                String areaId = Long.toString(a.geonameId());
                places.add(areaId);
                facet(
                        facets,
                        a.level() == ItemAnalysis.AreaLevel.COUNTRY ? Facets.COUNTRY : Facets.REGION,
                        areaId,
                        a.name());
            }
            if (!mapped.add(p.source().label() + id)) {
                continue; // one pin per place and source
            }
            double lat = p.lat();
            double lon = p.lon();
            if (p.source() instanceof ItemAnalysis.PlaceSource.Exif e) {
                lat = e.lat();
                lon = e.lon();
            }
            map.append(id)
                    .append('\t')
                    .append(lat)
                    .append('\t')
                    .append(lon)
                    .append('\t')
                    .append(p.source().label())
                    .append('\t')
                    .append(clean(p.name()))
                    .append('\t')
                    .append(p.nameAr().isEmpty() ? "" : clean(p.nameAr()))
                    .append('\n');
        }
        for (String id : places) {
            doc.add(new StringField(PLACE, id, Field.Store.NO));
        }
        for (ItemAnalysis.Actor a : analysis.actors()) {
            if (facet(facets, Facets.ACTOR, a.id(), a.name())) {
                doc.add(new StringField(ACTOR, a.id(), Field.Store.NO));
            }
        }
        for (ItemAnalysis.Event e : analysis.events()) {
            if (facet(facets, Facets.EVENT_TYPE, e.type(), e.label())) {
                doc.add(new StringField(TYPE, e.type(), Field.Store.NO));
            }
        }
        for (EventDates.Span span : EventDates.of(item, analysis)) {
            doc.add(new LongRange(DATE, new long[] {span.first().toEpochDay()}, new long[] {
                span.last().toEpochDay()
            }));
            int first = span.first().getYear();
            int last = span.last().getYear();
            if (last - first < MAX_YEARS_PER_SPAN) {
                for (int y = first; y <= last; y++) {
                    facet(facets, Facets.YEAR, Integer.toString(y), Integer.toString(y));
                }
            }
            if (span.last().toEpochDay() - span.first().toEpochDay() < MAX_DAYS_PER_MONTH_SPAN) {
                String m1 = YearMonth.from(span.first()).toString();
                String m2 = YearMonth.from(span.last()).toString();
                facet(facets, Facets.EVENT_MONTH, m1, m1);
                facet(facets, Facets.EVENT_MONTH, m2, m2);
            }
        }
        String captured =
                YearMonth.from(item.capturedAt().atOffset(ZoneOffset.UTC)).toString();
        facet(facets, Facets.CAPTURE_MONTH, captured, captured);
        facets.forEach((dim, values) -> values.forEach(v -> doc.add(new SortedSetDocValuesFacetField(dim, v))));
        if (!map.isEmpty()) {
            doc.add(new StoredField(MAP, map.toString()));
        }
    }

    private static boolean facet(Map<String, Set<String>> facets, String dim, String value, String label) {
        return facets.computeIfAbsent(dim, d -> new LinkedHashSet<>())
                .add(clean(value) + LABEL_SEPARATOR + clean(label));
    }

    /** Facet labels may hold neither Lucene's path delimiter nor our separators. */
    private static String clean(String s) {
        String c = s.replaceAll("[\\p{Cntrl}\\u001e\\u001f]", " ").strip();
        return c.isEmpty() ? "?" : c;
    }

    /** The filter clauses of {@code filter} added to {@code builder}. */
    static void filter(BooleanQuery.Builder builder, SearchFilter filter) {
        if (!filter.places().isEmpty()) {
            for (String place : filter.places()) {
                if (!place.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new InvalidInputException(
                            "place filter '" + place + "' is not a GeoNames id (the archive resolves names)");
                }
            }
            builder.add(terms(PLACE, filter.places()), Occur.FILTER);
        }
        if (!filter.actors().isEmpty()) {
            builder.add(terms(ACTOR, filter.actors()), Occur.FILTER);
        }
        if (!filter.eventTypes().isEmpty()) {
            builder.add(terms(TYPE, filter.eventTypes()), Occur.FILTER);
        }
        if (filter.dateFrom() != null || filter.dateTo() != null) {
            long from = filter.dateFrom() == null
                    ? LocalDate.MIN.toEpochDay()
                    : filter.dateFrom().toEpochDay();
            long to = filter.dateTo() == null
                    ? LocalDate.MAX.toEpochDay()
                    : filter.dateTo().toEpochDay();
            builder.add(LongRange.newIntersectsQuery(DATE, new long[] {from}, new long[] {to}), Occur.FILTER);
        }
    }

    private static Query terms(String field, List<String> values) {
        List<BytesRef> refs = new ArrayList<>(values.size());
        for (String v : values) {
            refs.add(new BytesRef(v));
        }
        return values.size() == 1
                ? new org.apache.lucene.search.TermQuery(new Term(field, values.get(0)))
                : new TermInSetQuery(field, refs);
    }

    /** The places stored with a document, for a map of the hits. */
    static List<SearchHit.MappedPlace> mapped(Document doc) {
        String stored = doc.get(MAP);
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<SearchHit.MappedPlace> out = new ArrayList<>();
        for (String line : stored.split("\n")) {
            // id, lat, lon, source, name and, since quantities were added, the Arabic name
            String[] f = line.split("\t", 6);
            if (f.length >= 5) {
                out.add(new SearchHit.MappedPlace(
                        Long.parseLong(f[0]),
                        f[4],
                        Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]),
                        f[3],
                        f.length == 6 ? f[5] : ""));
            }
        }
        return out;
    }
}
