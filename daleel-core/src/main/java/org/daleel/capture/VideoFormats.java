package org.daleel.capture;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Which web resources are videos a capture can archive whole, and which are streams it cannot: the
 * video container formats by their first bytes (ISO BMFF {@code ftyp} boxes: MP4, MOV, 3GP; EBML:
 * WebM, Matroska; RIFF AVI; MPEG-TS sync bytes), and adaptive streams by URL or media type (HLS
 * {@code .m3u8}, RFC 8216; DASH {@code .mpd}, ISO/IEC 23009-1; {@code blob:} URLs made by Media
 * Source Extensions players). Stateless.
 */
public final class VideoFormats {
    /** Bytes of a body's start that {@link #sniff} needs. */
    public static final int SNIFF_BYTES = 256;

    private VideoFormats() {}

    /** The video media type the first bytes of a body show, if they show one. */
    public static Optional<String> sniff(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (n >= 12 && at(head, 4, "ftyp")) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            if (brand.equals("qt  ")) {
                return Optional.of("video/quicktime");
            }
            if (brand.startsWith("3gp") || brand.startsWith("3g2")) {
                return Optional.of("video/3gpp");
            }
            if (brand.startsWith("hei") || brand.startsWith("avif") || brand.startsWith("mif1")) {
                return Optional.empty(); // HEIF and AVIF pictures share the box format
            }
            if (brand.startsWith("M4A") || brand.startsWith("M4B")) {
                return Optional.empty(); // audio
            }
            return Optional.of("video/mp4");
        }
        if (n >= 8 && (at(head, 4, "moov") || at(head, 4, "mdat") || at(head, 4, "wide") || at(head, 4, "free"))) {
            return Optional.of("video/quicktime");
        }
        if (n >= 4
                && (head[0] & 0xFF) == 0x1A
                && (head[1] & 0xFF) == 0x45
                && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            String start = new String(head, 0, n, StandardCharsets.ISO_8859_1);
            return Optional.of(start.contains("webm") ? "video/webm" : "video/x-matroska");
        }
        if (n >= 12 && at(head, 0, "RIFF") && at(head, 8, "AVI ")) {
            return Optional.of("video/x-msvideo");
        }
        if (n >= 189 && head[0] == 0x47 && head[188] == 0x47) {
            return Optional.of("video/mp2t");
        }
        return Optional.empty();
    }

    /** Whether {@code mediaType} (parameters allowed) names a video. */
    public static boolean isVideoType(String mediaType) {
        return base(mediaType).startsWith("video/");
    }

    /**
     * What kind of stream {@code url} or its declared {@code mediaType} names ("HLS", "DASH", "MSE
     * blob"), or empty when it is not a stream.
     */
    public static Optional<String> streamKind(String url, String mediaType) {
        String type = base(mediaType);
        if (type.equals("application/vnd.apple.mpegurl")
                || type.equals("application/x-mpegurl")
                || type.equals("audio/mpegurl")
                || type.equals("audio/x-mpegurl")) {
            return Optional.of("HLS");
        }
        if (type.equals("application/dash+xml")) {
            return Optional.of("DASH");
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("blob:") || u.startsWith("mediasource:")) {
            return Optional.of("MSE blob");
        }
        String path = u;
        for (char c : new char[] {'#', '?'}) {
            int i = path.indexOf(c);
            if (i >= 0) {
                path = path.substring(0, i);
            }
        }
        if (path.endsWith(".m3u8") || path.endsWith(".m3u")) {
            return Optional.of("HLS");
        }
        if (path.endsWith(".mpd")) {
            return Optional.of("DASH");
        }
        return Optional.empty();
    }

    private static String base(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean at(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
