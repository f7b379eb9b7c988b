package org.daleel.ledger.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.daleel.core.InvalidInputException;

/**
 * A signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or more
 * signature lines. The text may hold empty lines; the last blank line separates it from the
 * signatures.
 *
 * @param text the signed text, including its final newline
 * @param signatures the signature lines in note order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /** Notes with more signatures are refused (the spec asks verifiers to accept at least 16). */
    public static final int MAX_SIGNATURES = 100;

    public SignedNote {
        checkText(text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw new InvalidInputException(
                    "signed note: expected 1 to " + MAX_SIGNATURES + " signatures, found " + signatures.size());
        }
    }

    /**
     * Checks a note text: non-empty, ending in a newline, no control character other than newline,
     * no unpaired surrogate (the note must be valid UTF-8).
     */
    public static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new InvalidInputException("signed note: the text must be non-empty and end with a newline");
        }
        checkCharacters(text);
    }

    /**
     * Parses a note; does not verify any signature.
     *
     * @throws InvalidInputException for anything that is not a well-formed signed note
     */
    public static SignedNote parse(String note) {
        checkCharacters(note);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new InvalidInputException("signed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        String sigs = note.substring(split + 2);
        if (sigs.isEmpty() || !sigs.endsWith("\n")) {
            throw new InvalidInputException("signed note: signature lines must end with a newline");
        }
        List<NoteSignature> out = new ArrayList<>();
        for (String line : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
            if (!line.startsWith(NoteSignature.PREFIX)) {
                throw new InvalidInputException("signed note: '" + line + "' is not a signature line");
            }
            String rest = line.substring(NoteSignature.PREFIX.length());
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new InvalidInputException("signed note: signature line without a signature: '" + line + "'");
            }
            out.add(new NoteSignature(rest.substring(0, space), rest.substring(space + 1)));
        }
        return new SignedNote(text, out);
    }

    /** Parses UTF-8 note bytes, refusing malformed UTF-8. */
    public static SignedNote parse(byte[] note) {
        try {
            return parse(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(note))
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("signed note: not valid UTF-8", e);
        }
    }

    /**
     * True when the note carries at least one signature by {@code verifier}'s key (same name and
     * key ID) and every such signature verifies. Signatures by other keys are ignored, as the spec
     * requires.
     */
    public boolean verifiedBy(NoteVerifier verifier) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        boolean any = false;
        for (NoteSignature s : signatures) {
            if (verifier.matches(s)) {
                if (!verifier.verify(message, s.signature())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** This note with one more signature line (for cosigning). */
    public SignedNote withSignature(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedNote(text, all);
    }

    /** The note as text: the text, a blank line, then one signature line each. */
    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (NoteSignature s : signatures) {
            sb.append(s.line()).append('\n');
        }
        return sb.toString();
    }

    private static void checkCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new InvalidInputException(
                        "signed note: control character U+" + String.format("%04X", (int) c) + " at " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException("signed note: unpaired surrogate at " + i + " (not valid UTF-8)");
            }
        }
    }
}
