package org.daleel.search.lucene;

import static org.daleel.search.lucene.ItemDocuments.FILE_NAME;
import static org.daleel.search.lucene.ItemDocuments.TEXT;
import static org.daleel.search.lucene.ItemDocuments.TEXT_AR;
import static org.daleel.search.lucene.ItemDocuments.TEXT_EN;
import static org.daleel.search.lucene.ItemDocuments.TITLE;
import static org.daleel.search.lucene.ItemDocuments.TITLE_AR;
import static org.daleel.search.lucene.ItemDocuments.TITLE_EN;
import static org.daleel.search.lucene.ItemDocuments.URL;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.daleel.core.InvalidInputException;

/**
 * Turns a user's query into a Lucene query over the item fields.
 *
 * <p>Syntax is Lucene's classic query syntax: words, {@code "quoted phrases"}, {@code AND},
 * {@code OR}, {@code NOT}, {@code -word}, {@code +word}, parentheses, {@code word*},
 * {@code word~}. The default operator is AND: every word must appear (in some field), because an
 * investigator who adds a word means to narrow the result. Each word is looked up in the
 * language-neutral and the stemmed fields of title (boost 3), text, URL and file name.
 * {@code title:}, {@code text:}, {@code url:} and {@code file:} restrict a word to one field; any
 * other {@code word:} prefix is taken as part of the text (so "Aleppo: shelling" still searches).
 * A query of stop words only ("to be") is searched with its stop words kept; a query of only
 * negated words ("-aleppo") matches every item without them.
 */
final class ItemQueryParser extends MultiFieldQueryParser {
    private static final String[] ALL = {TITLE, TITLE_EN, TITLE_AR, TEXT, TEXT_EN, TEXT_AR, URL, FILE_NAME};
    private static final Set<String> INTERNAL = Set.of(ALL);
    private static final Map<String, Float> BOOSTS = Map.of(TITLE, 3f, TITLE_EN, 3f, TITLE_AR, 3f);
    private static final Map<String, String[]> ALIASES = Map.of(
            "title", new String[] {TITLE, TITLE_EN, TITLE_AR},
            "text", new String[] {TEXT, TEXT_EN, TEXT_AR},
            "url", new String[] {URL},
            "file", new String[] {FILE_NAME},
            "filename", new String[] {FILE_NAME});
    private static final Analyzer WITH_STOP_WORDS = Analysis.querying(true);
    private static final Analyzer WITHOUT_STOP_WORDS = Analysis.querying(false);

    @FunctionalInterface
    private interface FieldParse {
        Query apply(String field) throws ParseException;
    }

    /** True while the fields of an alias (or the default fields) are being expanded. */
    private boolean expanding;

    private ItemQueryParser(Analyzer analyzer) {
        super(ALL.clone(), analyzer, BOOSTS);
    }

    /**
     * Parses {@code text}.
     *
     * @throws InvalidInputException naming the query when its syntax is wrong
     */
    static Query toQuery(String text) {
        try {
            Query query = parser(WITH_STOP_WORDS).parse(text);
            if (query instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
                query = parser(WITHOUT_STOP_WORDS).parse(text);
            }
            return matchAllWhenOnlyNegated(query);
        } catch (ParseException e) {
            throw new InvalidInputException("search query '" + text + "' is not valid: " + reason(e)
                    + " (use words, \"quoted phrases\", AND, OR, NOT, -word and balanced parentheses)");
        }
    }

    private static ItemQueryParser parser(Analyzer analyzer) {
        ItemQueryParser parser = new ItemQueryParser(analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        // Each whitespace-separated word is a clause of its own, so AND applies between words. A
        // word that analysis splits ("al-Assad", "U.N.") is searched as a phrase of its parts.
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        return parser;
    }

    private static Query matchAllWhenOnlyNegated(Query query) {
        if (query instanceof BooleanQuery bq
                && !bq.clauses().isEmpty()
                && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder builder =
                    new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            bq.clauses().forEach(builder::add);
            return builder.build();
        }
        return query;
    }

    private static String reason(ParseException e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        int colon = message.startsWith("Cannot parse '") ? message.indexOf("': ") : -1;
        return colon >= 0 ? message.substring(colon + 3) : message;
    }

    /**
     * Runs {@code parse} on the fields {@code field} stands for: all current fields for no field,
     * the fields of an alias, the field itself for an internal name. Calls made by
     * {@link MultiFieldQueryParser} for each of the current fields run on that field alone.
     */
    private Query onFields(String field, FieldParse parse) throws ParseException {
        if (expanding) {
            return parse.apply(field);
        }
        String[] targets = field == null ? fields : ALIASES.get(field.toLowerCase(Locale.ROOT));
        if (targets == null) {
            if (INTERNAL.contains(field)) {
                return parse.apply(field);
            }
            throw new ParseException("field '" + field + "' is unknown; fields are " + List.copyOf(ALIASES.keySet())
                    + " (put text containing ':' in quotes)");
        }
        String[] saved = fields;
        fields = targets;
        expanding = true;
        try {
            return parse.apply(null);
        } finally {
            fields = saved;
            expanding = false;
        }
    }

    private boolean isUnknownField(String field) {
        return field != null && !INTERNAL.contains(field) && !ALIASES.containsKey(field.toLowerCase(Locale.ROOT));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (isUnknownField(field)) {
            // "Aleppo: shelling" is text with a colon, not a field query.
            return both(super.getFieldQuery(null, field, false), super.getFieldQuery(null, queryText, quoted));
        }
        return onFields(field, f -> super.getFieldQuery(f, queryText, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (isUnknownField(field)) {
            return both(super.getFieldQuery(null, field, false), super.getFieldQuery(null, queryText, slop));
        }
        return onFields(field, f -> super.getFieldQuery(f, queryText, slop));
    }

    /** Both queries joined with the default operator; either may be null (all stop words). */
    private Query both(Query left, Query right) {
        if (left == null || right == null) {
            return left == null ? right : left;
        }
        BooleanClause.Occur occur = getDefaultOperator() == QueryParser.Operator.AND
                ? BooleanClause.Occur.MUST
                : BooleanClause.Occur.SHOULD;
        return new BooleanQuery.Builder().add(left, occur).add(right, occur).build();
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return onFields(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return onFields(field, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return onFields(field, f -> super.getWildcardQuery(f, termStr));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        return onFields(field, f -> super.getRegexpQuery(f, termStr));
    }

    @Override
    protected Query getRangeQuery(
            String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
            throws ParseException {
        return onFields(field, f -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive));
    }
}
