package org.daleel.meta;

import java.util.OptionalDouble;

/**
 * A position written into a picture's metadata.
 *
 * @param latitude degrees north, -90..90
 * @param longitude degrees east, -180..180
 * @param altitude metres above sea level, when written
 * @param source where the position was read, e.g. {@code EXIF}
 */
public record GpsPosition(double latitude, double longitude, OptionalDouble altitude, String source) {
    public GpsPosition {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("GPS position: expected latitude -90..90 and longitude -180..180, found "
                    + latitude + ", " + longitude);
        }
        java.util.Objects.requireNonNull(altitude, "altitude");
        java.util.Objects.requireNonNull(source, "source");
    }
}
