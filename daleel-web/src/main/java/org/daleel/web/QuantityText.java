package org.daleel.web;

import java.text.Normalizer;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.daleel.item.ItemAnalysis;

/**
 * How a quantity of an item's analysis reads to a person, shared by the web UI and {@code daleel
 * show}: "12 killed — Daraa (درعا), 2016-12-02", "~30 families displaced", "87% of Aleppo",
 * "48 hours". Figures use Western digits with grouping whatever the script of the text (the text
 * itself is shown as written); names are NFC-normalised so that Arabic compares and renders
 * consistently.
 */
public final class QuantityText {
    /** "what" values that are outcomes for people: shown without the unit ("12 killed"). */
    private static final Set<String> SELF_DESCRIBING = Set.of("area", "distance", "duration", "percent");

    private QuantityText() {}

    /** The figure: "12", "1,200", "12.5", with "~" before an approximate one. */
    public static String figure(ItemAnalysis.Quantity q) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
        f.setMaximumFractionDigits(2);
        return (q.approximate() ? "~" : "") + f.format(q.value());
    }

    /** What the figure counts: "12 killed", "30 families displaced", "87% of Aleppo", "48 hours". */
    public static String what(ItemAnalysis.Quantity q) {
        StringBuilder b = new StringBuilder(figure(q));
        String unit = q.unit();
        String what = nfc(q.what());
        if (unit.equals("%")) {
            b.append('%');
        } else if (!unit.equals("people")) {
            b.append(' ').append(unit);
        }
        if (what.startsWith("area of ")) {
            b.append(" of ").append(what.substring("area of ".length()));
        } else if (!what.equals(unit) && !SELF_DESCRIBING.contains(what)) {
            b.append(' ').append(what);
        }
        return b.toString();
    }

    /**
     * What it is tied to: the names of its places (English, and Arabic when known) and its date,
     * "Daraa (درعا), 2016-12-02"; "" when it is tied to nothing.
     */
    public static String context(ItemAnalysis a, ItemAnalysis.Quantity q) {
        List<String> parts = new ArrayList<>();
        for (ItemAnalysis.Place p : places(a, q)) {
            parts.add(placeName(p));
        }
        if (!q.date().isEmpty()) {
            parts.add(q.date());
        }
        return String.join(", ", parts);
    }

    /**
     * The places a quantity is tied to, most precise only: a governorate or country that contains
     * another of them is left out ("Manbij", not "Manbij, Aleppo").
     */
    public static List<ItemAnalysis.Place> places(ItemAnalysis a, ItemAnalysis.Quantity q) {
        List<ItemAnalysis.Place> found = new ArrayList<>();
        for (long id : q.places()) {
            a.places().stream()
                    .filter(p -> p.geonameId() == id)
                    .findFirst()
                    .filter(p -> !found.contains(p))
                    .ifPresent(found::add);
        }
        return found.stream()
                .filter(p -> found.stream()
                        .noneMatch(o -> o.within().stream().anyMatch(w -> w.geonameId() == p.geonameId())))
                .toList();
    }

    /** " · actors: Syrian government forces" for a quantity tied to actors, else "". */
    public static String actors(ItemAnalysis a, ItemAnalysis.Quantity q) {
        List<String> names = new ArrayList<>();
        for (String id : q.actors()) {
            names.add(a.actors().stream()
                    .filter(x -> x.id().equals(id))
                    .map(x -> nfc(x.name()))
                    .findFirst()
                    .orElse(id));
        }
        return names.isEmpty()
                ? ""
                : " · actors: " + String.join(", ", names.stream().distinct().toList());
    }

    /** "Manbij (منبج)": the place's name and its Arabic name when known, NFC-normalised. */
    public static String placeName(ItemAnalysis.Place p) {
        return nfc(p.name()) + (p.nameAr().isEmpty() ? "" : " (" + nfc(p.nameAr()) + ")");
    }

    /** One line: "12 killed — Daraa (درعا), 2016-12-02". */
    public static String line(ItemAnalysis a, ItemAnalysis.Quantity q) {
        String context = context(a, q);
        return what(q) + (context.isEmpty() ? "" : " — " + context);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
