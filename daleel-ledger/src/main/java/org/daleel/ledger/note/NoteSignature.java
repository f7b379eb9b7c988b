package org.daleel.ledger.note;

import java.util.Arrays;
import org.daleel.core.InvalidInputException;

/**
 * One signature line of a signed note, {@code — <key name> <base64(key ID || signature)>}
 * (c2sp.org/signed-note s"Signatures").
 *
 * @param keyName the signing key's name
 * @param base64 standard base64 of the 4-byte big-endian key ID followed by the signature bytes
 */
public record NoteSignature(String keyName, String base64) {
    /** The em dash and space that start every signature line. */
    public static final String PREFIX = "\u2014 ";

    public NoteSignature {
        KeyNames.requireValid(keyName);
        byte[] raw = KeyNames.parseBase64(base64)
                .orElseThrow(() -> new InvalidInputException("signature by " + keyName + " is not standard base64"));
        if (raw.length < 5) {
            throw new InvalidInputException(
                    "signature by " + keyName + ": expected a key ID and a signature, found " + raw.length + " bytes");
        }
    }

    /** The signature line for {@code keyId} and {@code signature} by {@code keyName}. */
    public static NoteSignature of(String keyName, int keyId, byte[] signature) {
        byte[] raw = new byte[4 + signature.length];
        raw[0] = (byte) (keyId >>> 24);
        raw[1] = (byte) (keyId >>> 16);
        raw[2] = (byte) (keyId >>> 8);
        raw[3] = (byte) keyId;
        System.arraycopy(signature, 0, raw, 4, signature.length);
        return new NoteSignature(keyName, java.util.Base64.getEncoder().encodeToString(raw));
    }

    /** The key ID in the first four bytes. */
    public int keyId() {
        byte[] raw = raw();
        return ((raw[0] & 0xff) << 24) | ((raw[1] & 0xff) << 16) | ((raw[2] & 0xff) << 8) | (raw[3] & 0xff);
    }

    /** The signature bytes after the key ID. */
    public byte[] signature() {
        byte[] raw = raw();
        return Arrays.copyOfRange(raw, 4, raw.length);
    }

    /** The line as written in a note, without the final newline. */
    public String line() {
        return PREFIX + keyName + " " + base64;
    }

    private byte[] raw() {
        return java.util.Base64.getDecoder().decode(base64);
    }
}
