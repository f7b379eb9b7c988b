package org.daleel.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.daleel.blob.Digests;
import org.daleel.core.InvalidInputException;

/** Rules shared by signed-note keys and signatures (c2sp.org/signed-note). */
final class KeyNames {
    /** Signature type byte of Ed25519 note signatures. */
    static final byte ED25519 = 0x01;

    private KeyNames() {}

    /** Key names are non-empty and hold no Unicode space, no plus sign and no control character. */
    static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < name.length()
                            && Character.isLowSurrogate(name.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(name.charAt(i - 1)))) {
                return false;
            }
        }
        return true;
    }

    static String requireValid(String name) {
        if (!isValid(name)) {
            throw new InvalidInputException(
                    "'" + name + "' is not a signed-note key name (non-empty, no spaces, no '+')");
        }
        return name;
    }

    /** key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian. */
    static int keyId(String name, byte type, byte[] publicKey) {
        MessageDigest md = Digests.sha256();
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
        md.update(type);
        md.update(publicKey);
        byte[] h = md.digest();
        return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** Parses exactly 8 lowercase hex digits. */
    static Optional<Integer> parseHex(String s) {
        if (s.length() != 8 || !s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        return Optional.of((int) Long.parseLong(s, 16));
    }

    /** Decodes standard padded base64, refusing any other spelling of the same bytes. */
    static Optional<byte[]> parseBase64(String s) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            return Base64.getEncoder().encodeToString(b).equals(s) ? Optional.of(b) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
