package org.daleel.ledger.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.daleel.core.InvalidInputException;

/**
 * An Ed25519 signed-note signing key. Its text form, {@code PRIVATE+KEY+<name>+<hex key ID>+
 * <base64(0x01 || 32-byte seed)>}, is the one golang.org/x/mod/sumdb/note and the transparency-dev
 * tools read. {@link #toString()} never shows the seed. Immutable and thread-safe.
 */
public final class NoteSigner {
    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";
    private final byte[] seed;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) {
        this.seed = seed.clone();
        this.verifier = NoteVerifier.of(name, Ed25519.publicKey(this.seed));
    }

    /** A new random key named {@code name} (a schema-less URL is recommended, e.g. {@code example.org/log}). */
    public static NoteSigner generate(String name) {
        return new NoteSigner(KeyNames.requireValid(name), Ed25519.newSeed());
    }

    /**
     * Parses a signer key string.
     *
     * @throws InvalidInputException when the shape, the type, the length or the key ID is wrong
     *     (the message never contains the key material)
     */
    public static NoteSigner parse(String skey) {
        String text = skey.strip();
        if (!text.startsWith(PRIVATE_KEY_PREFIX)) {
            throw new InvalidInputException("not a signer key: expected it to start with PRIVATE+KEY+");
        }
        // The base64 key may itself contain '+': the name and the key ID cannot.
        String[] parts = text.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3 || !KeyNames.isValid(parts[0])) {
            throw new InvalidInputException("not a signer key: expected PRIVATE+KEY+name+hexkeyid+base64key");
        }
        int id = KeyNames.parseHex(parts[1])
                .orElseThrow(() ->
                        new InvalidInputException("signer key " + parts[0] + ": key ID is not 8 lowercase hex digits"));
        byte[] key = KeyNames.parseBase64(parts[2])
                .orElseThrow(
                        () -> new InvalidInputException("signer key " + parts[0] + ": key is not standard base64"));
        if (key.length != 1 + Ed25519.KEY_SIZE || key[0] != KeyNames.ED25519) {
            throw new InvalidInputException(
                    "signer key " + parts[0] + ": expected an Ed25519 seed (type 0x01, 32 bytes)");
        }
        NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (signer.keyId() != id) {
            throw new InvalidInputException(
                    "signer key " + parts[0] + ": key ID " + parts[1] + " does not match the key");
        }
        return signer;
    }

    public String name() {
        return verifier.name();
    }

    public int keyId() {
        return verifier.keyId();
    }

    /** The matching public verifier key. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The secret signer key string; store it readable by its owner only. */
    public String skey() {
        byte[] typed = new byte[1 + seed.length];
        typed[0] = KeyNames.ED25519;
        System.arraycopy(seed, 0, typed, 1, seed.length);
        return PRIVATE_KEY_PREFIX + name() + "+" + KeyNames.hex(keyId()) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    /** Raw Ed25519 signature (64 bytes) of {@code message}. */
    public byte[] signBytes(byte[] message) {
        return Ed25519.sign(seed, message);
    }

    /**
     * Signs a note text with this key.
     *
     * @param text the note text: valid per {@link SignedNote#checkText}, ending with a newline
     * @return the note with this key's signature as its only signature line
     */
    public SignedNote sign(String text) {
        SignedNote.checkText(text);
        byte[] sig = signBytes(text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(NoteSignature.of(name(), keyId(), sig)));
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.vkey() + "]";
    }
}
