package org.daleel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.daleel.item.ItemAnalysis;
import org.daleel.search.Facets;

/**
 * The JSON shape of an item's analysis and of facet counts, shared by the API and the CLI. Field
 * names follow the {@code analyze} JSON of DESIGN.md ({@code places[].geonameId}, {@code
 * countryCode}, offsets as UTF-16 {@code start}/{@code end}), plus {@code source} ("text" or
 * "exif"), {@code within} (first-level division and country) and, for a picture's GPS position,
 * {@code exif} ({@code lat}, {@code lon}, {@code distanceKm}) instead of text offsets, and
 * {@code quantities[]} ({@code text}, {@code start}, {@code end}, {@code value} (an integer when
 * whole), {@code approximate}, {@code unit}, {@code what}, {@code event} (index into {@code
 * events}, -1 when none), {@code places} (GeoNames ids), {@code actors}, {@code date}).
 */
public final class AnalysisJson {
    private AnalysisJson() {}

    /** An item's analysis. */
    public static ObjectNode analysis(ItemAnalysis a) {
        ObjectNode o = Json.object();
        o.put("version", a.version());
        o.put("language", a.language());
        ArrayNode places = o.putArray("places");
        a.places().forEach(p -> places.add(place(p)));
        ArrayNode actors = o.putArray("actors");
        for (ItemAnalysis.Actor x : a.actors()) {
            ObjectNode n = actors.addObject();
            n.put("text", x.text());
            n.put("start", x.start());
            n.put("end", x.end());
            n.put("id", x.id());
            n.put("name", x.name());
            n.put("type", x.type());
            n.put("role", x.role());
        }
        ArrayNode dates = o.putArray("dates");
        for (ItemAnalysis.DateMention d : a.dates()) {
            ObjectNode n = dates.addObject();
            n.put("text", d.text());
            n.put("start", d.start());
            n.put("end", d.end());
            n.put("value", d.value());
        }
        ArrayNode events = o.putArray("events");
        for (ItemAnalysis.Event e : a.events()) {
            ObjectNode n = events.addObject();
            n.put("type", e.type());
            n.put("label", e.label());
            n.put("text", e.text());
            n.put("start", e.start());
            n.put("end", e.end());
            ArrayNode ea = n.putArray("actors");
            e.actors().forEach(ea::add);
            ArrayNode ep = n.putArray("places");
            e.places().forEach(ep::add);
            n.put("date", e.date());
        }
        ArrayNode quantities = o.putArray("quantities");
        for (ItemAnalysis.Quantity q : a.quantities()) {
            ObjectNode n = quantities.addObject();
            n.put("text", q.text());
            n.put("start", q.start());
            n.put("end", q.end());
            if (q.whole()) {
                n.put("value", (long) q.value());
            } else {
                n.put("value", q.value());
            }
            n.put("approximate", q.approximate());
            n.put("unit", q.unit());
            n.put("what", q.what());
            n.put("event", q.event());
            ArrayNode qp = n.putArray("places");
            q.places().forEach(qp::add);
            ArrayNode qa = n.putArray("actors");
            q.actors().forEach(qa::add);
            n.put("date", q.date());
        }
        return o;
    }

    private static ObjectNode place(ItemAnalysis.Place p) {
        ObjectNode n = Json.object();
        n.put("source", p.source().label());
        switch (p.source()) {
            case ItemAnalysis.PlaceSource.InText t -> {
                n.put("text", t.text());
                n.put("start", t.start());
                n.put("end", t.end());
            }
            case ItemAnalysis.PlaceSource.Exif e -> {
                ObjectNode x = n.putObject("exif");
                x.put("lat", e.lat());
                x.put("lon", e.lon());
                x.put("distanceKm", e.distanceKm());
            }
        }
        n.put("geonameId", p.geonameId());
        n.put("name", p.name());
        n.put("nameAr", p.nameAr());
        n.put("countryCode", p.countryCode());
        n.put("admin1", p.admin1());
        n.put("featureCode", p.featureCode());
        n.put("lat", p.lat());
        n.put("lon", p.lon());
        ArrayNode within = n.putArray("within");
        for (ItemAnalysis.Area a : p.within()) {
            ObjectNode w = within.addObject();
            w.put("geonameId", a.geonameId());
            w.put("name", a.name());
            w.put("level", a.level().name().toLowerCase(java.util.Locale.ROOT));
        }
        return n;
    }

    /** Reads what {@link #analysis} wrote (the CLI's view of a server's item). */
    public static ItemAnalysis parse(JsonNode o) {
        List<ItemAnalysis.Place> places = new ArrayList<>();
        for (JsonNode n : o.path("places")) {
            List<ItemAnalysis.Area> within = new ArrayList<>();
            for (JsonNode w : n.path("within")) {
                within.add(new ItemAnalysis.Area(
                        w.path("geonameId").asLong(),
                        w.path("name").asText(),
                        ItemAnalysis.AreaLevel.valueOf(w.path("level").asText().toUpperCase(java.util.Locale.ROOT))));
            }
            ItemAnalysis.PlaceSource source = n.path("source").asText().equals("exif")
                    ? new ItemAnalysis.PlaceSource.Exif(
                            n.path("exif").path("lat").asDouble(),
                            n.path("exif").path("lon").asDouble(),
                            n.path("exif").path("distanceKm").asDouble())
                    : new ItemAnalysis.PlaceSource.InText(
                            n.path("text").asText(),
                            n.path("start").asInt(),
                            n.path("end").asInt());
            places.add(new ItemAnalysis.Place(
                    n.path("geonameId").asLong(),
                    n.path("name").asText(),
                    n.path("nameAr").asText(),
                    n.path("countryCode").asText(),
                    n.path("admin1").asText(),
                    n.path("featureCode").asText(),
                    n.path("lat").asDouble(),
                    n.path("lon").asDouble(),
                    within,
                    source));
        }
        List<ItemAnalysis.Actor> actors = new ArrayList<>();
        for (JsonNode n : o.path("actors")) {
            actors.add(new ItemAnalysis.Actor(
                    n.path("text").asText(),
                    n.path("start").asInt(),
                    n.path("end").asInt(),
                    n.path("id").asText(),
                    n.path("name").asText(),
                    n.path("type").asText(),
                    n.path("role").asText()));
        }
        List<ItemAnalysis.DateMention> dates = new ArrayList<>();
        for (JsonNode n : o.path("dates")) {
            dates.add(new ItemAnalysis.DateMention(
                    n.path("text").asText(),
                    n.path("start").asInt(),
                    n.path("end").asInt(),
                    n.path("value").asText()));
        }
        List<ItemAnalysis.Event> events = new ArrayList<>();
        for (JsonNode n : o.path("events")) {
            List<String> ea = new ArrayList<>();
            n.path("actors").forEach(a -> ea.add(a.asText()));
            List<Long> ep = new ArrayList<>();
            n.path("places").forEach(p -> ep.add(p.asLong()));
            events.add(new ItemAnalysis.Event(
                    n.path("type").asText(),
                    n.path("label").asText(),
                    n.path("text").asText(),
                    n.path("start").asInt(),
                    n.path("end").asInt(),
                    ea,
                    ep,
                    n.path("date").asText()));
        }
        List<ItemAnalysis.Quantity> quantities = new ArrayList<>();
        for (JsonNode n : o.path("quantities")) {
            List<Long> qp = new ArrayList<>();
            n.path("places").forEach(p -> qp.add(p.asLong()));
            List<String> qa = new ArrayList<>();
            n.path("actors").forEach(a -> qa.add(a.asText()));
            quantities.add(new ItemAnalysis.Quantity(
                    n.path("text").asText(),
                    n.path("start").asInt(),
                    n.path("end").asInt(),
                    n.path("value").asDouble(),
                    n.path("approximate").asBoolean(),
                    n.path("unit").asText(),
                    n.path("what").asText(),
                    n.path("event").asInt(-1),
                    qp,
                    qa,
                    n.path("date").asText()));
        }
        return new ItemAnalysis(
                o.path("version").asText(), o.path("language").asText(), places, actors, dates, events, quantities);
    }

    /** Facet counts: {@code {"country": [{"value", "label", "count"}], "region": [...], ...}}. */
    public static ObjectNode facets(Facets facets) {
        ObjectNode o = Json.object();
        facets.dimensions().forEach((dim, values) -> {
            ArrayNode a = o.putArray(dim);
            for (Facets.FacetValue v : values) {
                ObjectNode n = a.addObject();
                n.put("value", v.value());
                n.put("label", v.label());
                n.put("count", v.count());
            }
        });
        return o;
    }

    /** Reads what {@link #facets} wrote. */
    public static Facets parseFacets(JsonNode o) {
        var dims = new java.util.LinkedHashMap<String, List<Facets.FacetValue>>();
        o.properties().forEach(e -> {
            if (Facets.ALL.contains(e.getKey())) {
                List<Facets.FacetValue> values = new ArrayList<>();
                for (JsonNode n : e.getValue()) {
                    values.add(new Facets.FacetValue(
                            n.path("value").asText(),
                            n.path("label").asText(),
                            n.path("count").asLong()));
                }
                dims.put(e.getKey(), values);
            }
        });
        return new Facets(dims);
    }
}
