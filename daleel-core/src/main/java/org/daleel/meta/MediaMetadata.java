package org.daleel.meta;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a picture's embedded metadata says about it. Text fields are empty when the picture does not
 * say; numbers are 0 when unknown.
 *
 * @param cameraMake EXIF Make
 * @param cameraModel EXIF Model
 * @param lens EXIF LensModel
 * @param dateTimeOriginal EXIF DateTimeOriginal as written ({@code yyyy:MM:dd HH:mm:ss}, no zone)
 * @param offsetTimeOriginal EXIF OffsetTimeOriginal ({@code +03:00}) when written
 * @param software EXIF Software (or XMP CreatorTool)
 * @param gps the position written in the picture, if any
 * @param width image width in pixels
 * @param height image height in pixels
 * @param orientation EXIF Orientation 1..8
 * @param tags every entry found, sorted by directory then tag, at most {@link #MAX_TAGS}
 * @param assessment notes for an investigator: stripped, edited, dates differ, GPS present
 */
public record MediaMetadata(
        String cameraMake,
        String cameraModel,
        String lens,
        String dateTimeOriginal,
        String offsetTimeOriginal,
        String software,
        Optional<GpsPosition> gps,
        int width,
        int height,
        int orientation,
        List<MetadataTag> tags,
        List<String> assessment) {

    /** Most tags kept. */
    public static final int MAX_TAGS = 500;

    /** Longest tag value kept, in characters. */
    public static final int MAX_VALUE_CHARS = 500;

    private static final MediaMetadata EMPTY =
            new MediaMetadata("", "", "", "", "", "", Optional.empty(), 0, 0, 0, List.of(), List.of());

    public MediaMetadata {
        Objects.requireNonNull(cameraMake, "cameraMake");
        Objects.requireNonNull(cameraModel, "cameraModel");
        Objects.requireNonNull(lens, "lens");
        Objects.requireNonNull(dateTimeOriginal, "dateTimeOriginal");
        Objects.requireNonNull(offsetTimeOriginal, "offsetTimeOriginal");
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(gps, "gps");
        tags = tags.stream()
                .sorted(Comparator.comparing(MetadataTag::directory).thenComparing(MetadataTag::tag))
                .limit(MAX_TAGS)
                .map(t -> t.value().length() > MAX_VALUE_CHARS
                        ? new MetadataTag(t.directory(), t.tag(), t.value().substring(0, MAX_VALUE_CHARS))
                        : t)
                .toList();
        assessment = List.copyOf(assessment);
    }

    /** No metadata: what non-images and unreadable payloads have. */
    public static MediaMetadata empty() {
        return EMPTY;
    }

    /** Whether nothing at all was found (no tags and no notes). */
    public boolean isEmpty() {
        return tags.isEmpty() && assessment.isEmpty() && gps.isEmpty();
    }

    /** Make and model as one label (make "Canon", model "Canon EOS 5D" give "Canon EOS 5D"); empty when unknown. */
    public String camera() {
        if (cameraModel.isEmpty()) {
            return cameraMake;
        }
        if (cameraMake.isEmpty()
                || cameraModel
                        .toLowerCase(java.util.Locale.ROOT)
                        .startsWith(cameraMake.toLowerCase(java.util.Locale.ROOT))) {
            return cameraModel;
        }
        return cameraMake + " " + cameraModel;
    }
}
