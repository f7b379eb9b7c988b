package org.daleel.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.daleel.search.Facets;

/**
 * Counts the facets of the documents a search collected, with Lucene's sorted-set doc-values
 * facets. The reader state (the global ordinals of all facet values) is built once per index
 * reader and kept until the searcher moves to a newer one.
 */
final class FacetCounts {
    /** Values returned per sidebar dimension. */
    static final int TOP = Facets.TOP;

    private record State(IndexReader reader, DefaultSortedSetDocValuesReaderState state) {}

    private volatile State cached;

    /** The counts of every dimension over the collected documents. */
    Facets count(IndexReader reader, FacetsCollector collector) throws IOException {
        DefaultSortedSetDocValuesReaderState state = state(reader);
        if (state == null) {
            return Facets.NONE;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, collector);
        Map<String, List<Facets.FacetValue>> dims = new LinkedHashMap<>();
        for (String dim : Facets.ALL) {
            if (state.getOrdRange(dim) == null) {
                continue; // no document has this dimension
            }
            boolean timeline = Facets.TIMELINE.contains(dim);
            // Ask for more than shown: two values of the same id with different labels merge below.
            FacetResult result = timeline ? counts.getAllChildren(dim) : counts.getTopChildren(TOP * 2, dim);
            if (result == null) {
                continue;
            }
            dims.put(dim, timeline ? chronological(result) : values(result));
        }
        return new Facets(dims);
    }

    /** Every value of a timeline dimension, oldest first; the latest {@link Facets#MAX_TIMELINE}. */
    private static List<Facets.FacetValue> chronological(FacetResult result) {
        List<Facets.FacetValue> out = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
            int tab = lv.label.indexOf(AnalysisFields.LABEL_SEPARATOR);
            String value = tab < 0 ? lv.label : lv.label.substring(0, tab);
            out.add(new Facets.FacetValue(value, value, lv.value.longValue()));
        }
        out.sort(Comparator.comparing(Facets.FacetValue::value));
        return out.size() > Facets.MAX_TIMELINE ? out.subList(out.size() - Facets.MAX_TIMELINE, out.size()) : out;
    }

    private static List<Facets.FacetValue> values(FacetResult result) {
        Map<String, Facets.FacetValue> byValue = new LinkedHashMap<>();
        for (LabelAndValue lv : result.labelValues) {
            int tab = lv.label.indexOf(AnalysisFields.LABEL_SEPARATOR);
            String value = tab < 0 ? lv.label : lv.label.substring(0, tab);
            String label = tab < 0 ? lv.label : lv.label.substring(tab + 1);
            long count = lv.value.longValue();
            byValue.merge(
                    value,
                    new Facets.FacetValue(value, label, count),
                    (a, b) -> new Facets.FacetValue(a.value(), a.label(), Math.max(a.count(), b.count())));
        }
        List<Facets.FacetValue> out = new ArrayList<>(byValue.values());
        out.sort(Comparator.comparingLong(Facets.FacetValue::count)
                .reversed()
                .thenComparing(Facets.FacetValue::label)
                .thenComparing(Facets.FacetValue::value));
        return out.size() > TOP ? out.subList(0, TOP) : out;
    }

    private DefaultSortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        State s = cached;
        if (s != null && s.reader() == reader) {
            return s.state();
        }
        synchronized (this) {
            s = cached;
            if (s != null && s.reader() == reader) {
                return s.state();
            }
            DefaultSortedSetDocValuesReaderState state =
                    hasFacets(reader) ? new DefaultSortedSetDocValuesReaderState(reader, AnalysisFields.CONFIG) : null;
            cached = new State(reader, state);
            return state;
        }
    }

    private static boolean hasFacets(IndexReader reader) {
        FieldInfo info = FieldInfos.getMergedFieldInfos(reader)
                .fieldInfo(AnalysisFields.CONFIG.getDimConfig(Facets.PLACE).indexFieldName);
        return info != null;
    }
}
