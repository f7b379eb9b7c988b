package org.daleel.analysis.eval;

import java.util.List;
import java.util.Objects;

/**
 * Daleel's scores on the evaluated part of the LGL corpus.
 *
 * @param documents documents evaluated (the last part of the file, in file order)
 * @param firstDocument index (0-based, in file order) of the first evaluated document
 * @param toponyms annotated toponyms in those documents with a GeoNames id
 * @param untagged annotated toponyms without an id (predictions on them are not scored)
 * @param notInGazetteer toponyms whose GeoNames id the gazetteer lacks (US counties, for example):
 *     no setting can resolve them exactly
 * @param endToEnd Daleel's own recognition and resolution: exact span and exact GeoNames id
 * @param endToEndOverlap the same with overlapping spans accepted
 * @param endToEndAccuracy161 over gold toponyms that a prediction overlaps: within 161 km
 * @param givenExact resolution of the gold mentions (spans given): exact GeoNames id
 * @param givenAccuracy161 resolution of the gold mentions: within 161 km of the gold place
 * @param errors end-to-end errors (place-missed, place-wrong, place-spurious) and errors with the
 *     gold mentions given (given-wrong, given-unresolved)
 */
public record LglReport(
        int documents,
        int firstDocument,
        int toponyms,
        int untagged,
        int notInGazetteer,
        Prf endToEnd,
        Prf endToEndOverlap,
        Accuracy endToEndAccuracy161,
        Accuracy givenExact,
        Accuracy givenAccuracy161,
        List<EvalError> errors) {
    /** Validates and copies. */
    public LglReport {
        Objects.requireNonNull(endToEnd, "endToEnd");
        Objects.requireNonNull(endToEndOverlap, "endToEndOverlap");
        Objects.requireNonNull(endToEndAccuracy161, "endToEndAccuracy161");
        Objects.requireNonNull(givenExact, "givenExact");
        Objects.requireNonNull(givenAccuracy161, "givenAccuracy161");
        errors = List.copyOf(errors);
    }
}
