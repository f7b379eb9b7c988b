package org.daleel.search.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the index's fields. Each text is indexed twice: into a language-neutral field
 * (every word, lowercased, Arabic-normalised, Latin diacritics folded) and into a stemmed field of
 * its language ({@code .en}: Porter; {@code .ar}: Lucene's Arabic light stemmer).
 *
 * <p>Query analysis differs from index analysis in two ways. Every query analyzer removes the same
 * stop words (English and Arabic together), so a word dropped in one field is dropped in all and
 * cannot make an AND query fail on a field that kept it. And the Arabic query analyzer adds the
 * word with the attached prepositions ب ل ف ك ({@link ArabicProcliticFilter}).
 */
final class Analysis {
    private static final CharArraySet QUERY_STOP_WORDS = unionOfStopWords();

    private Analysis() {}

    /** The analyzer used by the index writer, per field. */
    static Analyzer indexing() {
        Analyzer english = new EnglishAnalyzer();
        Analyzer arabic = new ArabicAnalyzer();
        return new PerFieldAnalyzerWrapper(
                neutral(CharArraySet.EMPTY_SET),
                Map.of(
                        ItemDocuments.TITLE_EN, english,
                        ItemDocuments.TEXT_EN, english,
                        ItemDocuments.TITLE_AR, arabic,
                        ItemDocuments.TEXT_AR, arabic));
    }

    /**
     * The analyzer for parsing queries, per field.
     *
     * @param stopWords false to keep stop words (for a query made only of stop words)
     */
    static Analyzer querying(boolean stopWords) {
        CharArraySet stop = stopWords ? QUERY_STOP_WORDS : CharArraySet.EMPTY_SET;
        Analyzer english = englishQuery(stop);
        Analyzer arabic = arabicQuery(stop);
        return new PerFieldAnalyzerWrapper(
                neutral(stop),
                Map.of(
                        ItemDocuments.TITLE_EN, english,
                        ItemDocuments.TEXT_EN, english,
                        ItemDocuments.TITLE_AR, arabic,
                        ItemDocuments.TEXT_AR, arabic));
    }

    /** Standard tokenizer, lowercase, Arabic-Indic digits to Latin, Arabic normalisation, Latin folding. */
    private static Analyzer neutral(CharArraySet stop) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new DecimalDigitFilter(result);
                result = new StopFilter(result, stop);
                result = new ArabicNormalizationFilter(result);
                result = new ASCIIFoldingFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                TokenStream result = new LowerCaseFilter(in);
                result = new DecimalDigitFilter(result);
                result = new ArabicNormalizationFilter(result);
                return new ASCIIFoldingFilter(result);
            }
        };
    }

    /** {@link EnglishAnalyzer}'s chain with the shared query stop words. */
    private static Analyzer englishQuery(CharArraySet stop) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new StopFilter(result, stop);
                result = new PorterStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** {@link ArabicAnalyzer}'s chain with the shared query stop words, then proclitic variants. */
    private static Analyzer arabicQuery(CharArraySet stop) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new DecimalDigitFilter(result);
                result = new StopFilter(result, stop);
                result = new ArabicNormalizationFilter(result);
                result = new ArabicStemFilter(result);
                result = new ArabicProcliticFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                TokenStream result = new LowerCaseFilter(in);
                result = new DecimalDigitFilter(result);
                return new ArabicNormalizationFilter(result);
            }
        };
    }

    private static CharArraySet unionOfStopWords() {
        CharArraySet union = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        union.addAll(ArabicAnalyzer.getDefaultStopSet());
        return CharArraySet.unmodifiableSet(union);
    }
}
