package org.daleel.web;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading and sanitising the media types recorded with archived payloads before they become headers. */
public final class MediaTypes {
    private static final String TOKEN = "[A-Za-z0-9!#$&^_.+-]+";
    private static final Pattern SAFE =
            Pattern.compile(TOKEN + "/" + TOKEN + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"[^\"\\p{Cntrl}]*\"))*");

    /** Type for bytes whose type is unknown or not fit for a header. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private MediaTypes() {}

    /** The lower-case type/subtype without parameters, e.g. {@code text/html}. */
    public static String base(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter when it names a charset this JVM supports, else "". */
    public static String charset(String mediaType) {
        for (String param : mediaType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).replace("\"", "").strip();
                try {
                    return Charset.isSupported(name) ? name : "";
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return "";
    }

    /** {@code mediaType} when it is a well-formed header value, else {@link #OCTET_STREAM}. */
    public static String safe(String mediaType) {
        String m = mediaType.strip();
        return SAFE.matcher(m).matches() ? m : OCTET_STREAM;
    }
}
