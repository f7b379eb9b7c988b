package org.daleel.analysis;

import java.time.LocalDate;
import java.util.Optional;

/** One analyzer for the whole test run: loading the gazetteer is the slow part. */
final class Fixtures {
    static final TextAnalyzer ANALYZER = TextAnalyzer.loadDefault();

    private Fixtures() {}

    static Analysis analyze(String text, String published) {
        return ANALYZER.analyze(text, Optional.of(LocalDate.parse(published)));
    }

    static Analysis analyze(String text) {
        return ANALYZER.analyze(text, Optional.empty());
    }
}
