package org.daleel.ledger.note;

import java.util.Arrays;
import java.util.Base64;
import org.daleel.core.InvalidInputException;

/**
 * An Ed25519 signed-note verifier key (c2sp.org/signed-note s"Verifier keys"): a key name, its
 * 32-bit key ID and a public key, written {@code <name>+<hex key ID>+<base64(0x01 || public key)>}.
 * Immutable and thread-safe.
 */
public final class NoteVerifier {
    private final String name;
    private final int keyId;
    private final byte[] publicKey;

    private NoteVerifier(String name, byte[] publicKey) {
        this.name = KeyNames.requireValid(name);
        if (publicKey.length != Ed25519.KEY_SIZE) {
            throw new InvalidInputException("Ed25519 public key: expected 32 bytes, found " + publicKey.length);
        }
        this.publicKey = publicKey.clone();
        this.keyId = KeyNames.keyId(name, KeyNames.ED25519, this.publicKey);
    }

    /** The verifier for a raw 32-byte Ed25519 public key under {@code name}. */
    public static NoteVerifier of(String name, byte[] publicKey) {
        return new NoteVerifier(name, publicKey);
    }

    /**
     * Parses a verifier key string.
     *
     * @throws InvalidInputException naming what is wrong: the shape, an unknown signature type, a
     *     key of the wrong length, or a key ID that does not match the name and key
     */
    public static NoteVerifier parse(String vkey) {
        // The base64 key may itself contain '+': the name and the key ID cannot.
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3 || !KeyNames.isValid(parts[0])) {
            throw new InvalidInputException("'" + vkey + "' is not a verifier key (expected name+hexkeyid+base64key)");
        }
        int id = KeyNames.parseHex(parts[1])
                .orElseThrow(() -> new InvalidInputException(
                        "verifier key " + parts[0] + ": key ID '" + parts[1] + "' is not 8 lowercase hex digits"));
        byte[] key = KeyNames.parseBase64(parts[2])
                .orElseThrow(
                        () -> new InvalidInputException("verifier key " + parts[0] + ": key is not standard base64"));
        if (key.length != 1 + Ed25519.KEY_SIZE || key[0] != KeyNames.ED25519) {
            throw new InvalidInputException(
                    "verifier key " + parts[0] + ": expected an Ed25519 key (type 0x01, 32 bytes)");
        }
        NoteVerifier v = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (v.keyId != id) {
            throw new InvalidInputException("verifier key " + parts[0] + ": key ID " + parts[1]
                    + " does not match the key, expected " + KeyNames.hex(v.keyId));
        }
        return v;
    }

    public String name() {
        return name;
    }

    /** The key ID: first four bytes of SHA-256(name || 0x0A || 0x01 || public key), big-endian. */
    public int keyId() {
        return keyId;
    }

    /** The raw 32-byte Ed25519 public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The verifier key string, {@code name+hexkeyid+base64(0x01 || public key)}. */
    public String vkey() {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = KeyNames.ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + KeyNames.hex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** True when {@code signature} (64 bytes, without the key ID) signs {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(publicKey, message, signature);
    }

    /** True when this key made {@code signature}: same name and key ID. */
    public boolean matches(NoteSignature signature) {
        return signature.keyName().equals(name) && signature.keyId() == keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier v && v.name.equals(name) && Arrays.equals(v.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return vkey();
    }
}
