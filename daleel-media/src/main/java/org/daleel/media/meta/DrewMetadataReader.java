package org.daleel.media.meta;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.daleel.meta.GpsPosition;
import org.daleel.meta.MediaMetadata;
import org.daleel.meta.MediaMetadataReader;
import org.daleel.meta.MetadataTag;

/**
 * {@link MediaMetadataReader} on metadata-extractor (com.drewnoakes): reads EXIF, XMP, IPTC, ICC and
 * the format's own header from JPEG, PNG, GIF, WebP, TIFF, HEIF and others, without decoding pixels.
 */
public final class DrewMetadataReader implements MediaMetadataReader {

    /** Software names that mean the picture went through an image editor. */
    private static final List<String> EDITORS = List.of(
            "photoshop",
            "lightroom",
            "gimp",
            "affinity",
            "pixelmator",
            "paint.net",
            "snapseed",
            "picsart",
            "facetune",
            "canva",
            "corel",
            "luminar",
            "capture one",
            "darktable",
            "rawtherapee",
            "krita",
            "photopea");

    /** A reader; stateless and thread-safe. */
    public DrewMetadataReader() {}

    @Override
    public MediaMetadata read(byte[] payload, String name) {
        if (payload.length > MAX_BYTES) {
            return notes(List.of("metadata not read: larger than the " + (MAX_BYTES >> 20) + " MiB bound"));
        }
        if (payload.length == 0) {
            return MediaMetadata.empty();
        }
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(payload), payload.length);
        } catch (ImageProcessingException e) {
            return notes(List.of("metadata not read: " + message(e)));
        } catch (IOException e) {
            return notes(List.of("metadata not read: damaged or truncated file (" + message(e) + ")"));
        } catch (RuntimeException e) {
            // the library's parsers may fail on hostile input with unchecked exceptions; the port
            // promises never to throw for bad input, so the failure becomes a note
            return notes(List.of("metadata not read: the file's headers are malformed (" + message(e) + ")"));
        }
        return describe(metadata);
    }

    private static MediaMetadata describe(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gpsDir = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        Map<String, String> xmpProps = xmp == null ? Map.of() : xmp.getXmpProperties();

        String make = text(ifd0, ExifIFD0Directory.TAG_MAKE);
        String model = text(ifd0, ExifIFD0Directory.TAG_MODEL);
        String lens = text(sub, ExifSubIFDDirectory.TAG_LENS_MODEL);
        String original = text(sub, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
        String offset = text(sub, ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL);
        String modified = text(ifd0, ExifIFD0Directory.TAG_DATETIME);
        String exifSoftware = text(ifd0, ExifIFD0Directory.TAG_SOFTWARE);
        String software = exifSoftware.isEmpty()
                ? clean(xmpProps.getOrDefault("xmp:CreatorTool", "")).strip()
                : exifSoftware;
        Optional<GpsPosition> gps = gps(gpsDir);
        int orientation = number(ifd0, ExifIFD0Directory.TAG_ORIENTATION);

        int width = 0;
        int height = 0;
        for (var size : List.of(
                new int[] {0, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT},
                new int[] {1, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT},
                new int[] {2, GifHeaderDirectory.TAG_IMAGE_WIDTH, GifHeaderDirectory.TAG_IMAGE_HEIGHT},
                new int[] {3, WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT},
                new int[] {4, ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH, ExifSubIFDDirectory.TAG_EXIF_IMAGE_HEIGHT})) {
            Directory d = switch (size[0]) {
                case 0 -> metadata.getFirstDirectoryOfType(JpegDirectory.class);
                case 1 -> metadata.getFirstDirectoryOfType(PngDirectory.class);
                case 2 -> metadata.getFirstDirectoryOfType(GifHeaderDirectory.class);
                case 3 -> metadata.getFirstDirectoryOfType(WebpDirectory.class);
                default -> sub;
            };
            if (number(d, size[1]) > 0 && number(d, size[2]) > 0) {
                width = number(d, size[1]);
                height = number(d, size[2]);
                break;
            }
        }

        List<MetadataTag> tags = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Directory d : metadata.getDirectories()) {
            for (Tag tag : d.getTags()) {
                String value = tag.getDescription();
                if (value != null && !value.isBlank()) {
                    tags.add(new MetadataTag(d.getName(), tag.getTagName(), clean(value)));
                }
            }
            d.getErrors().forEach(errors::add);
        }
        for (var e : xmpProps.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                tags.add(new MetadataTag("XMP", e.getKey(), clean(e.getValue())));
            }
        }

        List<String> notes = new ArrayList<>();
        boolean exif = ifd0 != null || sub != null;
        if (!exif) {
            notes.add(
                    xmp == null
                            ? "no EXIF at all (metadata stripped, typical of social media re-uploads and screenshots)"
                            : "no EXIF, only XMP (EXIF removed or never written)");
        } else if (make.isEmpty() && model.isEmpty()) {
            notes.add("EXIF without camera make or model (re-encoded or generated by software)");
        }
        String lower = software.toLowerCase(Locale.ROOT);
        EDITORS.stream()
                .filter(lower::contains)
                .findFirst()
                .ifPresent(editor -> notes.add("edited with " + softwareLabel(software)
                        + (exifSoftware.isEmpty() ? " (XMP CreatorTool)" : " (Software tag)")));
        if (xmpProps.keySet().stream().anyMatch(k -> k.startsWith("xmpMM:History"))) {
            notes.add("XMP edit history present (xmpMM:History)");
        }
        if (!original.isEmpty() && !modified.isEmpty() && !original.equals(modified)) {
            notes.add("EXIF dates differ: taken " + original + ", file changed " + modified
                    + " (DateTimeOriginal vs DateTime): edited or re-saved after it was taken");
        }
        gps.ifPresent(
                p -> notes.add("GPS present: " + String.format(Locale.ROOT, "%.6f, %.6f", p.latitude(), p.longitude())
                        + " (from EXIF; can be forged or wrong, corroborate)"));
        if (!errors.isEmpty()) {
            notes.add("metadata partly unreadable: " + clean(errors.get(0)));
        }
        return new MediaMetadata(
                make, model, lens, original, offset, software, gps, width, height, orientation, tags, notes);
    }

    private static String softwareLabel(String software) {
        return software.length() > 100 ? software.substring(0, 100) : software;
    }

    private static Optional<GpsPosition> gps(GpsDirectory dir) {
        if (dir == null) {
            return Optional.empty();
        }
        GeoLocation at = dir.getGeoLocation();
        if (at == null || at.isZero()) {
            return Optional.empty();
        }
        double lat = at.getLatitude();
        double lon = at.getLongitude();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            return Optional.empty();
        }
        OptionalDouble altitude = OptionalDouble.empty();
        Rational alt = dir.getRational(GpsDirectory.TAG_ALTITUDE);
        if (alt != null && alt.getDenominator() != 0) {
            double metres = alt.doubleValue();
            Integer ref = dir.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
            altitude = OptionalDouble.of(ref != null && ref == 1 ? -metres : metres);
        }
        return Optional.of(new GpsPosition(lat, lon, altitude, "EXIF"));
    }

    private static String text(Directory d, int tag) {
        if (d == null) {
            return "";
        }
        String s = d.getString(tag);
        return s == null ? "" : clean(s).strip();
    }

    private static int number(Directory d, int tag) {
        if (d == null) {
            return 0;
        }
        Integer i = d.getInteger(tag);
        return i == null ? 0 : i;
    }

    /** Drops NUL padding and other control characters (keeps tab and newline). */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MediaMetadata.MAX_VALUE_CHARS + 1));
        for (int i = 0; i < s.length() && out.length() <= MediaMetadata.MAX_VALUE_CHARS; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0x7f || c == '\t' || c == '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : clean(e.getMessage());
    }

    private static MediaMetadata notes(List<String> notes) {
        return new MediaMetadata("", "", "", "", "", "", Optional.empty(), 0, 0, 0, List.of(), notes);
    }
}
