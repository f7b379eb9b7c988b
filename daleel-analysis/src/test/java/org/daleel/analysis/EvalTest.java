package org.daleel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.daleel.analysis.gazetteer.GazetteerPlace;
import org.junit.jupiter.api.Test;

/**
 * Scores the analyzer on the annotated gold set in {@code src/test/resources/eval/gold.txt} (format
 * described at the top of that file) and prints precision, recall, F1 and accuracy@161km for places,
 * and precision, recall and F1 for event types and actors.
 */
class EvalTest {
    record Doc(
            String id,
            String lang,
            LocalDate published,
            String text,
            Map<String, Long> places,
            Set<String> events,
            Set<String> actors) {}

    static List<Doc> gold() throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (InputStream in = EvalTest.class.getResourceAsStream("/eval/gold.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            String id = null;
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, Long> places = new LinkedHashMap<>();
            Set<String> events = new HashSet<>();
            Set<String> actors = new HashSet<>();
            while ((line = r.readLine()) != null) {
                if (line.startsWith("## doc ")) {
                    if (id != null) {
                        docs.add(doc(id, fields, places, events, actors));
                    }
                    id = line.substring(7).trim();
                    fields = new LinkedHashMap<>();
                    places = new LinkedHashMap<>();
                    events = new HashSet<>();
                    actors = new HashSet<>();
                    continue;
                }
                if (line.isBlank() || line.startsWith("#") || id == null) {
                    continue;
                }
                int colon = line.indexOf(':');
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "place" -> {
                        int eq = value.lastIndexOf('=');
                        places.put(
                                value.substring(0, eq).trim(),
                                Long.parseLong(value.substring(eq + 1).trim()));
                    }
                    case "event" -> events.add(EventType.parse(value).code());
                    case "actor" -> actors.add(value);
                    default -> fields.put(key, value);
                }
            }
            if (id != null) {
                docs.add(doc(id, fields, places, events, actors));
            }
        }
        return docs;
    }

    private static Doc doc(
            String id, Map<String, String> f, Map<String, Long> places, Set<String> events, Set<String> actors) {
        return new Doc(id, f.get("lang"), LocalDate.parse(f.get("published")), f.get("text"), places, events, actors);
    }

    /** Running precision/recall counts. */
    static final class Score {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(
                    "P %.2f  R %.2f  F1 %.2f  (tp %d, fp %d, fn %d)", precision(), recall(), f1(), tp, fp, fn);
        }
    }

    @Test
    void scores_places_events_and_actors_on_the_gold_set() throws IOException {
        List<Doc> docs = gold();
        assertThat(docs).hasSizeGreaterThanOrEqualTo(10);
        assertThat(docs.stream().filter(d -> d.lang().equals("ar")).count()).isGreaterThanOrEqualTo(docs.size() / 2);
        Score places = new Score();
        Score events = new Score();
        Score actors = new Score();
        int within161 = 0;
        int located = 0;
        int language = 0;
        for (Doc d : docs) {
            Analysis a = Fixtures.ANALYZER.analyze(d.text(), Optional.of(d.published()));
            if (a.language().equals(d.lang())) {
                language++;
            }
            Set<String> predicted = new HashSet<>();
            for (PlaceMention p : a.places()) {
                String pair = p.text() + "=" + p.geonameId();
                if (!predicted.add(pair)) {
                    continue;
                }
                Long gold = d.places().get(p.text());
                if (gold != null && gold == p.geonameId()) {
                    places.tp++;
                } else {
                    places.fp++;
                    System.out.println(
                            "  " + d.id() + " false place: " + pair + (gold == null ? "" : " (gold " + gold + ")"));
                }
                if (gold != null && gold != 0) {
                    located++;
                    GazetteerPlace g = Fixtures.ANALYZER.gazetteer().find(gold).orElseThrow();
                    if (GazetteerPlace.distanceKm(g.lat(), g.lon(), p.lat(), p.lon()) <= 161) {
                        within161++;
                    }
                }
            }
            for (Map.Entry<String, Long> e : d.places().entrySet()) {
                if (e.getValue() != 0 && !predicted.contains(e.getKey() + "=" + e.getValue())) {
                    places.fn++;
                    System.out.println("  " + d.id() + " missed place: " + e.getKey() + "=" + e.getValue());
                }
            }
            count(events, d.events(), a.events().stream().map(Event::type).toList(), d.id() + " event");
            count(
                    actors,
                    d.actors(),
                    a.actors().stream()
                            .map(ActorMention::id)
                            .filter(id -> !id.startsWith("person:"))
                            .toList(),
                    d.id() + " actor");
        }
        double acc161 = located == 0 ? 1 : (double) within161 / located;
        System.out.printf(
                "gold set: %d documents (%d Arabic); language %d/%d%n",
                docs.size(), docs.stream().filter(d -> d.lang().equals("ar")).count(), language, docs.size());
        System.out.println(
                "places:      " + places + String.format("  accuracy@161km %.2f (%d/%d)", acc161, within161, located));
        System.out.println("event types: " + events);
        System.out.println("actors:      " + actors);
        assertThat(language).isEqualTo(docs.size());
        assertThat(places.f1()).isGreaterThan(0.8);
        assertThat(events.f1()).isGreaterThan(0.7);
        assertThat(actors.f1()).isGreaterThan(0.7);
    }

    private static void count(Score s, Set<String> gold, List<String> predictedList, String label) {
        Set<String> predicted = new HashSet<>(predictedList);
        for (String p : predicted) {
            if (gold.contains(p)) {
                s.tp++;
            } else {
                s.fp++;
                System.out.println("  " + label + " extra: " + p);
            }
        }
        for (String g : gold) {
            if (!predicted.contains(g)) {
                s.fn++;
                System.out.println("  " + label + " missed: " + g);
            }
        }
    }
}
