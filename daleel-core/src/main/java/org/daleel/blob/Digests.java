package org.daleel.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.daleel.core.InvalidInputException;

/** SHA-256 digests as Daleel writes them: lowercase hex, and {@code sha256:<hex>} in WARC headers. */
public final class Digests {
    private Digests() {}

    /** A new SHA-256 message digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** True when {@code s} is 64 lowercase hex chars. */
    public static boolean isSha256Hex(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Checks a digest argument; names the bad value. */
    public static String requireSha256Hex(String s) {
        if (!isSha256Hex(s)) {
            throw new InvalidInputException("'" + s + "' is not a SHA-256 digest (64 lowercase hex characters)");
        }
        return s;
    }
}
