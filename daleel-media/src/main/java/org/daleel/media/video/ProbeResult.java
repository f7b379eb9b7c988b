package org.daleel.media.video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daleel.meta.GpsPosition;
import org.daleel.meta.MediaMetadata;
import org.daleel.meta.MetadataTag;

/**
 * What {@code ffprobe -print_format flat -show_format -show_streams} said about a file, as
 * {@link MediaMetadata}: the creation time, make, model, software and ISO 6709 location tags that
 * phones and cameras write, the first video stream's size, and every format and stream field as a
 * tag (directories {@code format} and {@code stream N (video|audio|...)}).
 */
record ProbeResult(
        boolean ok, String error, MediaMetadata metadata, double duration, int width, int height, String summary) {

    /** ISO 6709 as written in QuickTime/MP4 {@code location} tags: {@code +33.3152+044.3661+012.5/}. */
    private static final Pattern ISO6709 = Pattern.compile(
            "([+-]\\d{1,2}(?:\\.\\d+)?)([+-]\\d{1,3}(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?(?:CRS[^/]*)?/?");

    private static final Pattern LINE = Pattern.compile("^([A-Za-z0-9_.:\\-]+)=(.*)$");
    private static final Pattern STREAM = Pattern.compile("^streams\\.stream\\.(\\d+)\\.(.+)$");

    static ProbeResult failed(String error) {
        return new ProbeResult(false, error, MediaMetadata.empty(), 0, 0, 0, "");
    }

    /** Parses ffprobe's flat output. */
    static ProbeResult parse(String flat) {
        Map<String, String> format = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> streams = new TreeMap<>();
        for (String line : flat.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1);
            String value = unquote(m.group(2));
            if (value.isEmpty()
                    || value.equals("N/A")
                    || (key.contains(".disposition.") && !key.endsWith(".attached_pic"))) {
                continue;
            }
            Matcher s = STREAM.matcher(key);
            if (s.matches()) {
                int n = Integer.parseInt(s.group(1));
                if (n < 64) {
                    streams.computeIfAbsent(n, k -> new LinkedHashMap<>()).put(s.group(2), value);
                }
            } else if (key.startsWith("format.") && !key.equals("format.filename")) {
                format.put(key.substring("format.".length()), value);
            }
        }
        Map<String, String> video = null;
        List<String> parts = new ArrayList<>();
        List<MetadataTag> tags = new ArrayList<>();
        format.forEach((k, v) -> tags.add(new MetadataTag("format", k, v)));
        for (var e : streams.entrySet()) {
            Map<String, String> st = e.getValue();
            String type = st.getOrDefault("codec_type", "data");
            String dir = "stream " + e.getKey() + " (" + type + ")";
            st.forEach((k, v) -> tags.add(new MetadataTag(dir, k, v)));
            if (type.equals("video") && video == null && !"1".equals(st.get("disposition.attached_pic"))) {
                video = st;
            }
            parts.add(describe(type, st));
        }
        if (video == null) {
            MediaMetadata meta = new MediaMetadata(
                    "", "", "", "", "", "", Optional.empty(), 0, 0, 0, tags, List.of("no video stream found"));
            return new ProbeResult(false, "no video stream found", meta, 0, 0, 0, "");
        }
        double duration = number(format.get("duration"));
        if (duration <= 0) {
            duration = number(video.get("duration"));
        }
        int width = (int) number(video.get("width"));
        int height = (int) number(video.get("height"));
        String created = first(format, video, "tags.creation_time", "tags.com.apple.quicktime.creationdate");
        String make = first(format, video, "tags.com.apple.quicktime.make", "tags.make");
        String model = first(format, video, "tags.com.apple.quicktime.model", "tags.model");
        String software = first(format, video, "tags.com.apple.quicktime.software", "tags.software", "tags.encoder");
        Optional<GpsPosition> gps = location(first(
                format, video, "tags.com.apple.quicktime.location.ISO6709", "tags.location", "tags.location-eng"));
        String summary =
                String.format(Locale.ROOT, "%.1f s, %s; %s", duration, container(format), String.join(", ", parts));
        List<String> assessment = new ArrayList<>();
        assessment.add("video: " + summary);
        if (created.isEmpty()) {
            assessment.add("no creation time written in the video");
        }
        gps.ifPresent(g -> assessment.add("a position is written in the video's metadata"));
        MediaMetadata meta =
                new MediaMetadata(make, model, "", created, "", software, gps, width, height, 0, tags, assessment);
        return new ProbeResult(true, "", meta, duration, width, height, summary);
    }

    private static String container(Map<String, String> format) {
        String name = format.getOrDefault("format_name", "unknown container");
        return name.startsWith("mov,mp4") ? "MP4/QuickTime" : name.startsWith("matroska,webm") ? "WebM/Matroska" : name;
    }

    private static String describe(String type, Map<String, String> st) {
        String codec = st.getOrDefault("codec_name", "unknown codec");
        if (type.equals("video")) {
            String fps = st.getOrDefault("avg_frame_rate", "");
            String rate = "";
            if (fps.matches("\\d+/\\d+") && !fps.endsWith("/0")) {
                String[] f = fps.split("/");
                double r = Double.parseDouble(f[0]) / Double.parseDouble(f[1]);
                rate = r > 0 && Double.isFinite(r)
                        ? " at "
                                + java.math.BigDecimal.valueOf(r)
                                        .setScale(2, java.math.RoundingMode.HALF_UP)
                                        .stripTrailingZeros()
                                        .toPlainString()
                                + " fps"
                        : "";
            }
            return "video " + codec + " " + st.getOrDefault("width", "?") + "×" + st.getOrDefault("height", "?") + rate;
        }
        return type + " " + codec;
    }

    private static String first(Map<String, String> format, Map<String, String> video, String... keys) {
        for (String k : keys) {
            String v = format.get(k);
            if (v == null) {
                v = video.get(k);
            }
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    /** A position from an ISO 6709 string, empty when absent or out of range. */
    static Optional<GpsPosition> location(String iso) {
        if (iso.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = ISO6709.matcher(iso.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        try {
            double lat = Double.parseDouble(m.group(1));
            double lon = Double.parseDouble(m.group(2));
            OptionalDouble alt =
                    m.group(3) == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(m.group(3)));
            return Optional.of(new GpsPosition(lat, lon, alt, "video metadata"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static double number(String s) {
        if (s == null) {
            return 0;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A flat value: quoted with backslash escapes, or bare. */
    private static String unquote(String v) {
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return v;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) {
                char n = v.charAt(++i);
                b.append(
                        switch (n) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> n;
                        });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
