package org.daleel.ledger.note;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;

/**
 * The text of a transparency log checkpoint (c2sp.org/tlog-checkpoint): the origin line, the tree
 * size in decimal, the base64 root hash, then optional extension lines, each ending in a newline.
 * A checkpoint is published as a {@link SignedNote} over {@link #body()}.
 *
 * @param origin the log's identity: a non-empty line (a schema-less URL without spaces or plus
 *     signs is recommended)
 * @param size number of leaves, unsigned
 * @param root the 32-byte RFC 6962 root hash at that size
 * @param extensions opaque non-empty extension lines (not recommended; usually empty)
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

    public Checkpoint {
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidInputException("checkpoint: origin must be a non-empty line, found '" + origin + "'");
        }
        root = root.clone();
        if (root.length != 32) {
            throw new InvalidInputException(
                    "checkpoint " + origin + ": root hash must be 32 bytes, found " + root.length);
        }
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (e.isEmpty() || e.contains("\n")) {
                throw new InvalidInputException(
                        "checkpoint " + origin + ": extension lines must be non-empty single lines");
            }
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] root) {
        this(origin, size, root, List.of());
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The note text: {@code origin\nsize\nbase64(root)\n} and any extension lines. */
    public String body() {
        StringBuilder sb = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(Long.toUnsignedString(size))
                .append('\n')
                .append(Base64.getEncoder().encodeToString(root))
                .append('\n');
        extensions.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }

    /**
     * Parses a checkpoint note text (the signed text, not the whole note).
     *
     * @throws InvalidInputException when a line is missing or malformed
     */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new InvalidInputException("checkpoint: the text must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new InvalidInputException(
                    "checkpoint: expected origin, size and root lines, found " + lines.length + " lines");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,19}")) {
            throw new InvalidInputException(
                    "checkpoint " + lines[0] + ": size '" + lines[1] + "' is not a decimal without leading zeroes");
        }
        long size;
        try {
            size = Long.parseUnsignedLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("checkpoint " + lines[0] + ": size " + lines[1] + " exceeds 2^64-1", e);
        }
        byte[] root = KeyNames.parseBase64(lines[2])
                .orElseThrow(() -> new InvalidInputException(
                        "checkpoint " + lines[0] + ": root '" + lines[2] + "' is not standard base64"));
        return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length));
    }

    /**
     * Opens a signed checkpoint: checks that {@code verifier} signed it and that the origin is the
     * verifier's key name (c2sp.org/tlog-checkpoint recommends they match; Daleel requires it).
     *
     * @throws IntegrityException when no valid signature by the key is present
     * @throws InvalidInputException when the note or its text is malformed
     */
    public static Checkpoint open(SignedNote note, NoteVerifier verifier) {
        if (!note.verifiedBy(verifier)) {
            throw new IntegrityException("checkpoint: no valid signature by " + verifier.vkey());
        }
        Checkpoint c = parse(note.text());
        if (!c.origin().equals(verifier.name())) {
            throw new IntegrityException(
                    "checkpoint: origin " + c.origin() + " does not match the key name " + verifier.name());
        }
        return c;
    }

    /** Signs this checkpoint. */
    public SignedNote sign(NoteSigner signer) {
        return signer.sign(body());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && c.origin.equals(origin)
                && c.size == size
                && Arrays.equals(c.root, root)
                && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace("\n", " | ") + "]";
    }
}
