package org.daleel.web.replay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Replay URLs: an archived URL {@code U} of item {@code ID} is replayed at
 * {@code /replay/ID/U}, so relative URLs in archived pages resolve inside the replay path. Archived
 * and requested URLs are compared by {@link #key}: scheme and host lower-cased, default port and
 * fragment dropped, empty path as {@code /}, percent-escapes decoded.
 */
public final class ReplayPaths {
    /** Path prefix of every replay URL. */
    public static final String PREFIX = "/replay/";

    /** Path prefix of a video or audio item's bytes on the replay origin: {@code /media/{id}}. */
    public static final String MEDIA = "/media/";

    private ReplayPaths() {}

    /** The replay path of {@code archivedUrl} in item {@code id}, safe to put in a URL path. */
    public static String path(String id, String archivedUrl) {
        return PREFIX + id + "/" + encode(stripFragment(archivedUrl));
    }

    /**
     * Percent-encodes what may not appear raw in a URL path (spaces, quotes, angle brackets,
     * non-ASCII, {@code #}); existing escapes stay as they are.
     */
    static String encode(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}#".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** The comparison key of a URL (see the class comment). */
    public static String key(String url) {
        String u = decode(stripFragment(url.strip()));
        int schemeEnd = u.indexOf("://");
        if (schemeEnd < 0) {
            return u;
        }
        String scheme = u.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int authStart = schemeEnd + 3;
        int authEnd = authStart;
        while (authEnd < u.length() && "/?".indexOf(u.charAt(authEnd)) < 0) {
            authEnd++;
        }
        String authority = u.substring(authStart, authEnd).toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && authority.endsWith(":80")) {
            authority = authority.substring(0, authority.length() - 3);
        } else if (scheme.equals("https") && authority.endsWith(":443")) {
            authority = authority.substring(0, authority.length() - 4);
        }
        String rest = u.substring(authEnd);
        if (rest.isEmpty() || rest.startsWith("?")) {
            rest = "/" + rest;
        }
        return scheme + "://" + authority + rest;
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Decodes %XX escapes as UTF-8; malformed escapes are kept literally. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
