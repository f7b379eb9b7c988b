package org.daleel.web.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.daleel.item.Item;

/** Headers of file downloads: file names a browser saves safely, and the digest of the bytes. */
final class Downloads {
    private Downloads() {}

    /** {@code Content-Disposition: attachment} with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187). */
    static void attachment(Context ctx, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        ctx.header(
                "Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc8187(fileName));
    }

    /** {@code Repr-Digest} (RFC 9530) so a client can check the bytes it received. */
    static void digest(Context ctx, String sha256Hex) {
        if (sha256Hex.matches("[0-9a-f]{64}")) {
            ctx.header(
                    "Repr-Digest",
                    "sha-256=:"
                            + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)) + ":");
        }
    }

    /** A file name for an item's payload: its original name, else the URL's last segment, else its id. */
    static String payloadName(Item item) {
        String name = item.fileName();
        if (name.isEmpty() && !item.url().isEmpty()) {
            String path = item.url().replaceFirst("[?#].*$", "");
            name = path.substring(path.lastIndexOf('/') + 1);
            if (name.isEmpty() || path.endsWith("://" + name)) {
                name = "";
            }
        }
        name = name.replaceAll("[\\p{Cntrl}/\\\\\"]", "_").strip();
        return name.isEmpty() || name.startsWith(".") ? item.id() + extension(item.mediaType()) : name;
    }

    private static String extension(String mediaType) {
        return switch (org.daleel.web.MediaTypes.base(mediaType)) {
            case "text/html" -> ".html";
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "text/plain" -> ".txt";
            default -> ".bin";
        };
    }

    private static String rfc8187(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
