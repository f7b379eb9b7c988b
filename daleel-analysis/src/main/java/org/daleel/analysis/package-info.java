/**
 * Text analysis of reports in English and Arabic: {@link org.daleel.analysis.TextAnalyzer} turns a
 * text into an {@link org.daleel.analysis.Analysis} with its language, places resolved to GeoNames
 * ({@link org.daleel.analysis.gazetteer.Gazetteer}, shipped for SY, IQ, LB, JO, YE, LY, TR, UA),
 * actors ({@link org.daleel.analysis.actor.ActorThesaurus}, extensible with user files), dates
 * normalised against the publication date, quantities and events
 * ({@link org.daleel.analysis.EventType}). JDK only; the record field names are those of the
 * {@code daleel analyze --json} output.
 *
 * <p>Place data from GeoNames (https://www.geonames.org, CC BY 4.0) via Who's On First
 * (https://whosonfirst.org, https://github.com/whosonfirst-data).
 */
package org.daleel.analysis;
