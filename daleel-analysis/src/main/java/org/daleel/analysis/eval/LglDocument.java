package org.daleel.analysis.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One article of the LGL corpus (Lieberman, Samet and Sankaranarayanan 2010, local US news, as
 * distributed in the XML format of Gritta et al.'s "Pragmatic Guide to Geoparsing Evaluation").
 *
 * @param id the article's docid
 * @param published its download date, when the file gives one (the anchor of relative dates)
 * @param text the article text the offsets refer to
 * @param toponyms annotated toponyms in file order
 */
public record LglDocument(String id, Optional<LocalDate> published, String text, List<LglToponym> toponyms) {
    /** Copies the list. */
    public LglDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(text, "text");
        toponyms = List.copyOf(toponyms);
    }
}
