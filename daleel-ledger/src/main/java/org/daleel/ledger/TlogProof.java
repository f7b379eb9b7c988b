package org.daleel.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.daleel.core.InvalidInputException;
import org.daleel.ledger.merkle.MerkleTree;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;

/**
 * An offline-verifiable receipt in the c2sp.org/tlog-proof@v1 text form:
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64&gt;          (optional, unauthenticated)
 * index &lt;decimal&gt;
 * &lt;base64 hash&gt;            (inclusion proof, leaf sibling first, one per line)
 *
 * &lt;checkpoint signed note, verbatim&gt;
 * </pre>
 *
 * @param extra opaque extra data, empty when absent
 * @param index the entry's index
 * @param proof the RFC 9162 inclusion proof into the checkpoint's tree
 * @param checkpoint the signed checkpoint
 */
public record TlogProof(byte[] extra, long index, List<byte[]> proof, SignedNote checkpoint) {
    /** First line of every proof. */
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        extra = extra.clone();
        proof = proof.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] extra() {
        return extra.clone();
    }

    @Override
    public List<byte[]> proof() {
        return proof.stream().map(byte[]::clone).toList();
    }

    /** The text form. */
    public String format() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        if (extra.length > 0) {
            sb.append("extra ")
                    .append(Base64.getEncoder().encodeToString(extra))
                    .append('\n');
        }
        sb.append("index ").append(Long.toUnsignedString(index)).append('\n');
        for (byte[] h : proof) {
            sb.append(Base64.getEncoder().encodeToString(h)).append('\n');
        }
        return sb.append('\n').append(checkpoint.format()).toString();
    }

    /**
     * Parses the text form.
     *
     * @throws InvalidInputException naming the first malformed line
     */
    public static TlogProof parse(String text) {
        String[] lines = text.split("\n", -1);
        int i = 0;
        if (!lines[i++].equals(HEADER)) {
            throw new InvalidInputException("tlog proof: first line must be " + HEADER);
        }
        byte[] extra = new byte[0];
        if (i < lines.length && lines[i].startsWith("extra ")) {
            extra = base64(lines[i++].substring(6), "extra data");
        }
        if (i >= lines.length || !lines[i].matches("index (0|[1-9][0-9]{0,19})")) {
            throw new InvalidInputException(
                    "tlog proof: expected an 'index N' line, found '" + (i < lines.length ? lines[i] : "") + "'");
        }
        long index;
        try {
            index = Long.parseUnsignedLong(lines[i++].substring(6));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("tlog proof: index exceeds 2^64-1", e);
        }
        List<byte[]> proof = new ArrayList<>();
        while (i < lines.length && !lines[i].isEmpty()) {
            byte[] h = base64(lines[i++], "proof hash");
            if (h.length != MerkleTree.HASH_SIZE) {
                throw new InvalidInputException(
                        "tlog proof: proof hash " + proof.size() + " has " + h.length + " bytes, expected 32");
            }
            proof.add(h);
        }
        if (i >= lines.length) {
            throw new InvalidInputException("tlog proof: no blank line before the checkpoint");
        }
        String note = String.join("\n", Arrays.asList(lines).subList(i + 1, lines.length));
        return new TlogProof(extra, index, proof, SignedNote.parse(note));
    }

    /**
     * Verifies the receipt for {@code entry}: the checkpoint is signed by {@code verifier} and the
     * inclusion proof binds the entry's leaf hash at {@link #index} to the checkpoint's root.
     */
    public boolean verifies(byte[] entry, NoteVerifier verifier) {
        if (!checkpoint.verifiedBy(verifier)) {
            return false;
        }
        Checkpoint c;
        try {
            c = Checkpoint.parse(checkpoint.text());
        } catch (InvalidInputException e) {
            return false;
        }
        return MerkleTree.verifyInclusion(index, c.size(), MerkleTree.leafHash(entry), proof, c.root());
    }

    private static byte[] base64(String s, String what) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            if (!Base64.getEncoder().encodeToString(b).equals(s)) {
                throw new InvalidInputException("tlog proof: " + what + " is not standard padded base64");
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("tlog proof: " + what + " is not base64", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlogProof p && p.format().equals(format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}
