package org.daleel.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daleel.archive.ImportResult;
import org.daleel.item.Item;
import org.daleel.item.Resource;
import org.daleel.search.SearchHit;
import org.daleel.search.SearchResult;

/** The CLI's {@code --json} output: the same field names as the HTTP API. */
final class CliJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private CliJson() {}

    static void print(Object value) {
        try {
            System.out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    static Map<String, Object> capture(Item item) {
        return item(item, List.of());
    }

    static List<Map<String, Object>> captures(List<Item> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        items.forEach(i -> out.add(item(i, List.of())));
        return out;
    }

    static Map<String, Object> item(Item item, List<Resource> resources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", item.id());
        m.put("kind", item.kind().label());
        m.put("url", item.url());
        m.put("requestedUrl", item.requestedUrl());
        m.put("fileName", item.fileName());
        m.put("sha256", item.sha256());
        m.put("size", item.size());
        m.put("mediaType", item.mediaType());
        m.put("capturedAt", item.capturedAt().toString());
        m.put("title", item.title());
        m.put("language", item.language());
        m.put("published", item.published());
        m.put("extractionNote", item.extractionNote());
        Map<String, Object> warc = new LinkedHashMap<>();
        warc.put("fileName", item.warc().fileName());
        warc.put("sha256", item.warc().sha256());
        warc.put("size", item.warc().size());
        warc.put("offset", item.warc().offset());
        m.put("warc", warc);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("operator", item.provenance().operator());
        prov.put("note", item.provenance().note());
        prov.put("claimedPlace", item.provenance().claimedPlace());
        prov.put("claimedDate", item.provenance().claimedDate());
        m.put("provenance", prov);
        List<Map<String, Object>> res = new ArrayList<>();
        for (Resource r : resources) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("url", r.url());
            rm.put("status", r.status());
            rm.put("mediaType", r.mediaType());
            rm.put("sha256", r.sha256());
            rm.put("size", r.size());
            res.add(rm);
        }
        m.put("resources", res);
        m.put("text", item.text());
        return m;
    }

    static List<Map<String, Object>> imports(List<ImportResult> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImportResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.item().id());
            m.put("path", r.path());
            m.put("sha256", r.item().sha256());
            m.put("status", r.status().label());
            m.put("records", r.records());
            m.put("mediaType", r.item().mediaType());
            m.put("title", r.item().title());
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> search(SearchResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", result.total());
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit h : result.hits()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("id", h.id());
            hm.put("title", h.title());
            hm.put("url", h.url());
            hm.put("fileName", h.fileName());
            hm.put("snippet", h.snippet());
            hm.put("language", h.language());
            hm.put("capturedAt", h.capturedAt().toString());
            hm.put("score", h.score());
            hits.add(hm);
        }
        m.put("hits", hits);
        return m;
    }
}
