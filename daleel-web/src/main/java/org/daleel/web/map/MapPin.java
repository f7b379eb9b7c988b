package org.daleel.web.map;

import java.util.Objects;

/**
 * A point to mark on a map.
 *
 * @param lat latitude
 * @param lon longitude
 * @param label what the pin is (shown next to it and in its tooltip)
 * @param tooltip more detail for the tooltip
 * @param href where a click goes
 * @param kind a CSS class: "text" for places named in a text, "exif" for a picture's GPS position
 * @param count how many items it stands for (1 on an item's map)
 * @param labelAr the Arabic name, shown under the label right to left; "" for none
 */
public record MapPin(
        double lat, double lon, String label, String tooltip, String href, String kind, int count, String labelAr) {
    /** Validates. */
    public MapPin {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(tooltip, "tooltip");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(kind, "kind");
        labelAr = Objects.requireNonNullElse(labelAr, "");
    }

    /** A pin without an Arabic label. */
    public MapPin(double lat, double lon, String label, String tooltip, String href, String kind, int count) {
        this(lat, lon, label, tooltip, href, kind, count, "");
    }
}
