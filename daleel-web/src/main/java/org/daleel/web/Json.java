package org.daleel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.daleel.archive.ImportResult;
import org.daleel.core.InvalidInputException;
import org.daleel.item.Item;
import org.daleel.item.Provenance;
import org.daleel.item.Resource;
import org.daleel.item.WarcRef;
import org.daleel.search.SearchHit;
import org.daleel.search.SearchResult;

/**
 * The one JSON shape of Daleel's values, shared by the HTTP API and the CLI's {@code --json}
 * output. Field names are part of the public contract (see {@code openapi.json}); times are
 * ISO-8601 UTC strings, absent text is {@code ""}, never {@code null}.
 *
 * <p>Thread-safe: the mapper is configured once and only read afterwards.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** An item without its resources (as listed by search and recent items). */
    public static ObjectNode item(Item item) {
        ObjectNode o = object();
        o.put("id", item.id());
        o.put("kind", item.kind().label());
        o.put("url", item.url());
        o.put("requestedUrl", item.requestedUrl());
        o.put("fileName", item.fileName());
        o.put("sha256", item.sha256());
        o.put("size", item.size());
        o.put("mediaType", item.mediaType());
        o.put("capturedAt", item.capturedAt().toString());
        o.put("title", item.title());
        o.put("text", item.text());
        o.put("language", item.language());
        o.put("published", item.published());
        o.put("extractionNote", item.extractionNote());
        o.set("warc", warc(item.warc()));
        o.set("provenance", provenance(item.provenance()));
        return o;
    }

    /** An item with the embedded resources captured with it. */
    public static ObjectNode item(Item item, List<Resource> resources) {
        ObjectNode o = item(item);
        ArrayNode list = o.putArray("resources");
        resources.forEach(r -> list.add(resource(r)));
        return o;
    }

    /** A WARC reference: {@code fileName}, {@code sha256}, {@code size}, {@code offset}. */
    public static ObjectNode warc(WarcRef warc) {
        ObjectNode o = object();
        o.put("fileName", warc.fileName());
        o.put("sha256", warc.sha256());
        o.put("size", warc.size());
        o.put("offset", warc.offset());
        return o;
    }

    /** Provenance: {@code operator}, {@code note}, {@code claimedPlace}, {@code claimedDate}. */
    public static ObjectNode provenance(Provenance p) {
        ObjectNode o = object();
        o.put("operator", p.operator());
        o.put("note", p.note());
        o.put("claimedPlace", p.claimedPlace());
        o.put("claimedDate", p.claimedDate());
        return o;
    }

    /**
     * An embedded resource: {@code url}, {@code status}, {@code mediaType}, {@code sha256},
     * {@code size}, {@code warcOffset} (of its response record in the item's WARC).
     */
    public static ObjectNode resource(Resource r) {
        ObjectNode o = object();
        o.put("url", r.url());
        o.put("status", r.status());
        o.put("mediaType", r.mediaType());
        o.put("sha256", r.sha256());
        o.put("size", r.size());
        o.put("warcOffset", r.warcOffset());
        return o;
    }

    /**
     * Where the background re-analysis of items analysed by an older analyzer stands: {@code state}
     * (none, counting, running, finished, stopped, failed), {@code total}, {@code done}, {@code
     * percent} and, when it failed, {@code problem}.
     */
    public static ObjectNode reanalysis(org.daleel.archive.ReanalysisStatus r) {
        ObjectNode o = object();
        o.put("state", r.state().label());
        o.put("total", r.total());
        o.put("done", r.done());
        o.put("percent", r.percent());
        if (!r.problem().isEmpty()) {
            o.put("problem", r.problem());
        }
        return o;
    }

    /** A search hit; {@code snippet} is HTML with matches in {@code <b>}, all else escaped. */
    public static ObjectNode hit(SearchHit h) {
        ObjectNode o = object();
        o.put("id", h.id());
        o.put("title", h.title());
        o.put("url", h.url());
        o.put("fileName", h.fileName());
        o.put("snippet", h.snippet());
        o.put("language", h.language());
        o.put("capturedAt", h.capturedAt().toString());
        o.put("score", h.score());
        ArrayNode places = o.putArray("places");
        for (SearchHit.MappedPlace p : h.places()) {
            ObjectNode n = places.addObject();
            n.put("geonameId", p.geonameId());
            n.put("name", p.name());
            n.put("nameAr", p.nameAr());
            n.put("lat", p.lat());
            n.put("lon", p.lon());
            n.put("source", p.source());
        }
        return o;
    }

    /**
     * {@code {"total": N, "hits": [...], "facets": {...}}}; facets as {@link AnalysisJson#facets}
     * (counts over every matching item).
     */
    public static ObjectNode searchResult(SearchResult result) {
        ObjectNode o = object();
        o.put("total", result.total());
        ArrayNode hits = o.putArray("hits");
        result.hits().forEach(h -> hits.add(hit(h)));
        o.set("facets", AnalysisJson.facets(result.facets()));
        return o;
    }

    /** One imported file: {@code id}, {@code path}, {@code sha256}, {@code status} (new|duplicate), {@code records}. */
    public static ObjectNode importResult(ImportResult r) {
        ObjectNode o = object();
        o.put("id", r.item().id());
        o.put("path", r.path());
        o.put("sha256", r.item().sha256());
        o.put("status", r.status().label());
        o.put("records", r.records());
        return o;
    }

    /** An array of {@link #importResult}. */
    public static ArrayNode importResults(List<ImportResult> results) {
        ArrayNode a = array();
        results.forEach(r -> a.add(importResult(r)));
        return a;
    }

    /**
     * A matching item: {@code item} (as listed), {@code distance}, {@code method} (pdq|crop|frame|page-image),
     * {@code explanation}, {@code relation} (earlier|later|lookup) and {@code alert} (a sentence); for a
     * frame, {@code frameMillis} and {@code frameTime}; for a page's image {@code imageUrl}, for a frame of a
     * page's video {@code videoUrl} (and {@code imageUrl}, the same).
     */
    public static ObjectNode similar(org.daleel.archive.SimilarItem s) {
        ObjectNode o = object();
        o.put("id", s.item().id());
        o.put("relation", s.relation().label());
        o.put("alert", s.alert());
        o.put("distance", s.distance());
        o.put("method", s.method());
        o.put("explanation", s.explanation());
        if (s.frameMillis() >= 0) {
            o.put("frameMillis", s.frameMillis());
            o.put("frameTime", org.daleel.match.MediaPart.time(s.frameMillis()));
        }
        if (!s.imageUrl().isEmpty()) {
            o.put("imageUrl", s.imageUrl());
            if (s.frameMillis() >= 0) {
                o.put("videoUrl", s.imageUrl());
            }
        }
        o.put("capturedAt", s.item().capturedAt().toString());
        o.put("url", s.item().url());
        o.put("fileName", s.item().fileName());
        o.put("claimedPlace", s.item().provenance().claimedPlace());
        o.put("claimedDate", s.item().provenance().claimedDate());
        o.put("title", s.item().title());
        return o;
    }

    /** An array of {@link #similar}. */
    public static ArrayNode similar(List<org.daleel.archive.SimilarItem> list) {
        ArrayNode a = array();
        list.forEach(s -> a.add(similar(s)));
        return a;
    }

    /** An item with its resources and its recycled-media alerts and links ({@code alerts}). */
    public static ObjectNode item(Item item, List<Resource> resources, List<org.daleel.archive.SimilarItem> similar) {
        ObjectNode o = item(item, resources);
        o.set("alerts", similar(similar));
        return o;
    }

    /**
     * An item as {@link #item(Item, List, List)} plus its picture's embedded metadata
     * ({@code metadata}, see {@link #metadata}) when the item is an image.
     */
    public static ObjectNode item(
            Item item,
            List<Resource> resources,
            List<org.daleel.archive.SimilarItem> similar,
            org.daleel.meta.MediaMetadata metadata) {
        ObjectNode o = item(item, resources, similar);
        if (item.mediaType().startsWith("image/") || item.mediaType().startsWith("video/")) {
            o.set("metadata", metadata(metadata));
        }
        return o;
    }

    /**
     * A picture's embedded metadata: {@code camera}, {@code cameraMake}, {@code cameraModel},
     * {@code lens}, {@code dateTimeOriginal} (as written), {@code offsetTimeOriginal},
     * {@code software}, {@code width}, {@code height}, {@code orientation}, {@code gps}
     * ({@code lat}, {@code lon}, {@code altitude} when written, {@code source}: "EXIF"; absent when
     * the picture has no position), {@code assessment} (sentences) and {@code tags}
     * ({@code directory}, {@code tag}, {@code value}).
     */
    public static ObjectNode metadata(org.daleel.meta.MediaMetadata m) {
        ObjectNode o = object();
        o.put("camera", m.camera());
        o.put("cameraMake", m.cameraMake());
        o.put("cameraModel", m.cameraModel());
        o.put("lens", m.lens());
        o.put("dateTimeOriginal", m.dateTimeOriginal());
        o.put("offsetTimeOriginal", m.offsetTimeOriginal());
        o.put("software", m.software());
        o.put("width", m.width());
        o.put("height", m.height());
        o.put("orientation", m.orientation());
        m.gps().ifPresent(g -> {
            ObjectNode gps = o.putObject("gps");
            gps.put("lat", g.latitude());
            gps.put("lon", g.longitude());
            g.altitude().ifPresent(a -> gps.put("altitude", a));
            gps.put("source", g.source());
        });
        ArrayNode notes = o.putArray("assessment");
        m.assessment().forEach(notes::add);
        ArrayNode tags = o.putArray("tags");
        for (var t : m.tags()) {
            ObjectNode tag = tags.addObject();
            tag.put("directory", t.directory());
            tag.put("tag", t.tag());
            tag.put("value", t.value());
        }
        return o;
    }

    /** The API's error body: {@code {"error": code, "detail": sentence}}. */
    public static ObjectNode error(String code, String detail) {
        ObjectNode o = object();
        o.put("error", code);
        o.put("detail", detail);
        return o;
    }

    /** Compact JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; reaching here is a bug, not bad input.
            throw new IllegalStateException("cannot serialise JSON tree: " + e.getOriginalMessage(), e);
        }
    }

    /** Indented JSON text, for people reading CLI output. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON tree: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses JSON text; {@link InvalidInputException} naming {@code what} and the position when it
     * is not one well-formed JSON value.
     */
    public static JsonNode parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(what + " is empty: expected a JSON object");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InvalidInputException(what + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
