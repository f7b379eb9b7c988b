package org.daleel.search.lucene;

import java.time.Instant;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.daleel.item.Item;
import org.daleel.item.ItemAnalysis;
import org.daleel.item.ItemKind;
import org.daleel.search.SearchHit;
import org.daleel.search.SearchQuery;

/**
 * The Lucene document of an item, the filters over its fields, and the hit read back from one.
 *
 * <p>Fields: {@code id} (exact, stored), {@code seq}, {@code kind} and {@code language} (exact,
 * stored), {@code capturedAt} (points and doc values in nanoseconds since the epoch for filtering,
 * stored as ISO-8601 for an exact round trip), {@code title}, {@code text}, {@code url} and
 * {@code fileName} (stored, language-neutral analysis) and the stemmed copies {@code title.en},
 * {@code text.en}, {@code title.ar}, {@code text.ar}. Every text field stores offsets in its
 * postings so the highlighter needs neither term vectors nor re-analysis.
 */
final class ItemDocuments {
    static final String ID = "id";
    static final String SEQ = "seq";
    static final String KIND = "kind";
    static final String LANGUAGE = "language";
    static final String CAPTURED_AT = "capturedAt";
    static final String TITLE = "title";
    static final String TITLE_EN = "title.en";
    static final String TITLE_AR = "title.ar";
    static final String TEXT = "text";
    static final String TEXT_EN = "text.en";
    static final String TEXT_AR = "text.ar";
    static final String URL = "url";
    static final String FILE_NAME = "fileName";

    private static final FieldType STORED_TEXT = textType(true);
    private static final FieldType UNSTORED_TEXT = textType(false);

    private ItemDocuments() {}

    /** The term that identifies an item's document. */
    static Term idTerm(String itemId) {
        return new Term(ID, itemId);
    }

    /** The document for {@code item} with what its analysis found (see {@link AnalysisFields}). */
    static Document of(Item item, ItemAnalysis analysis) throws java.io.IOException {
        Document doc = of(item);
        AnalysisFields.add(doc, item, analysis);
        return AnalysisFields.CONFIG.build(doc);
    }

    /** The document for {@code item}, without analysis fields. */
    static Document of(Item item) {
        Document doc = new Document();
        doc.add(new StringField(ID, item.id(), Field.Store.YES));
        doc.add(new StoredField(SEQ, item.seq()));
        doc.add(new NumericDocValuesField(SEQ, item.seq()));
        doc.add(new StringField(KIND, item.kind().label(), Field.Store.YES));
        String language = item.language().toLowerCase(Locale.ROOT);
        doc.add(new StringField(LANGUAGE, language, Field.Store.YES));
        long nanos = nanos(item.capturedAt());
        doc.add(new LongPoint(CAPTURED_AT, nanos));
        doc.add(new NumericDocValuesField(CAPTURED_AT, nanos));
        doc.add(new StoredField(CAPTURED_AT, item.capturedAt().toString()));
        doc.add(new Field(TITLE, item.title(), STORED_TEXT));
        doc.add(new Field(TEXT, item.text(), STORED_TEXT));
        doc.add(new Field(URL, item.url(), STORED_TEXT));
        doc.add(new Field(FILE_NAME, item.fileName(), STORED_TEXT));
        // Unknown language: stem both ways, a wrong stemmer on the other script is nearly a no-op.
        String base = language.split("-", 2)[0];
        if (base.equals("en") || base.isEmpty()) {
            doc.add(new Field(TITLE_EN, item.title(), UNSTORED_TEXT));
            doc.add(new Field(TEXT_EN, item.text(), UNSTORED_TEXT));
        }
        if (base.equals("ar") || base.isEmpty()) {
            doc.add(new Field(TITLE_AR, item.title(), UNSTORED_TEXT));
            doc.add(new Field(TEXT_AR, item.text(), UNSTORED_TEXT));
        }
        return doc;
    }

    /**
     * {@code text} restricted by the filters of {@code query}: language, kind, capture time from
     * (inclusive) and to (exclusive), at nanosecond precision.
     */
    static Query filtered(Query text, SearchQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(text, Occur.MUST);
        AnalysisFields.filter(builder, query.filter());
        if (!query.language().isEmpty()) {
            String language = query.language().toLowerCase(Locale.ROOT);
            builder.add(new TermQuery(new Term(LANGUAGE, language)), Occur.FILTER);
        }
        if (!query.kind().isEmpty()) {
            builder.add(
                    new TermQuery(new Term(KIND, ItemKind.parse(query.kind()).label())), Occur.FILTER);
        }
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : nanos(query.from());
            long to = query.to() == null ? Long.MAX_VALUE : nanos(query.to()) - 1;
            builder.add(LongPoint.newRangeQuery(CAPTURED_AT, from, to), Occur.FILTER);
        }
        return builder.build();
    }

    /** The hit for a stored document, without snippet. */
    static SearchHit hit(Document doc, String snippet, float score) {
        return new SearchHit(
                doc.get(ID),
                orEmpty(doc.get(TITLE)),
                orEmpty(doc.get(URL)),
                orEmpty(doc.get(FILE_NAME)),
                snippet,
                orEmpty(doc.get(LANGUAGE)),
                Instant.parse(doc.get(CAPTURED_AT)),
                score,
                AnalysisFields.mapped(doc));
    }

    /**
     * Nanoseconds since the epoch, saturated at the bounds of a long (years 1677 and 2262), so
     * far-away instants still sort and filter at the ends.
     */
    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
