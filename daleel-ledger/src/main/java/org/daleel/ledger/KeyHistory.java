package org.daleel.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daleel.core.InvalidInputException;
import org.daleel.ledger.note.NoteVerifier;
import org.daleel.ledger.note.SignedNote;

/**
 * The verifier keys a ledger has signed with, oldest first, each with the tree size from which it
 * signs (file {@code ledger/vkeys}, one {@code <from size> <vkey>} line per key; see {@code
 * FORMAT.md}). The first key signs from size 0. A key rotated in by the {@link
 * EntryKind#KEY_ROTATION} entry at index {@code i} signs from size {@code i + 1}; the checkpoint of
 * exactly that size is signed by both the old and the new key, later ones by the new key only.
 *
 * @param keys the keys in order; sizes strictly increasing, the first 0
 */
public record KeyHistory(List<Key> keys) {
    /** One verifier key and the first tree size it signs. */
    public record Key(long from, NoteVerifier verifier) {
        /** The {@code vkeys} line, without newline. */
        public String line() {
            return from + " " + verifier.vkey();
        }
    }

    public KeyHistory {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new InvalidInputException("key history: at least one verifier key is required");
        }
        if (keys.get(0).from() != 0) {
            throw new InvalidInputException("key history: the first key must sign from size 0, found "
                    + keys.get(0).from());
        }
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i).from() <= keys.get(i - 1).from()) {
                throw new InvalidInputException("key history: key " + (i + 1) + " signs from size "
                        + keys.get(i).from() + ", not after the key before it ("
                        + keys.get(i - 1).from() + ")");
            }
            if (!keys.get(i).verifier().name().equals(keys.get(0).verifier().name())) {
                throw new InvalidInputException("key history: key " + (i + 1) + " is named "
                        + keys.get(i).verifier().name() + ", not "
                        + keys.get(0).verifier().name());
            }
        }
    }

    /** The history of a log that never rotated its key. */
    public static KeyHistory of(NoteVerifier first) {
        return new KeyHistory(List.of(new Key(0, first)));
    }

    /**
     * Parses a {@code vkeys} file.
     *
     * @throws InvalidInputException naming the line that is malformed
     */
    public static KeyHistory parse(String text) {
        List<Key> keys = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            int space = line.indexOf(' ');
            if (space <= 0 || !line.substring(0, space).matches("[0-9]{1,19}")) {
                throw new InvalidInputException(
                        "key history line " + (i + 1) + ": expected '<from size> <vkey>', found '" + line + "'");
            }
            try {
                keys.add(new Key(
                        Long.parseLong(line.substring(0, space)), NoteVerifier.parse(line.substring(space + 1))));
            } catch (NumberFormatException | InvalidInputException e) {
                throw new InvalidInputException("key history line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new KeyHistory(keys);
    }

    /** The {@code vkeys} file content, one line per key, each ending in a newline. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        keys.forEach(k -> sb.append(k.line()).append('\n'));
        return sb.toString();
    }

    /** The key that signs now. */
    public NoteVerifier current() {
        return keys.get(keys.size() - 1).verifier();
    }

    /** This history with {@code next} signing from {@code from}. */
    public KeyHistory rotatedTo(NoteVerifier next, long from) {
        List<Key> more = new ArrayList<>(keys);
        more.add(new Key(from, next));
        return new KeyHistory(more);
    }

    /** The key valid for a checkpoint of {@code size}: the newest key signing from at most that size. */
    public NoteVerifier at(long size) {
        NoteVerifier v = keys.get(0).verifier();
        for (Key k : keys) {
            if (k.from() <= size) {
                v = k.verifier();
            }
        }
        return v;
    }

    /** The key that signed before the rotation taking effect at exactly {@code size}, if one does. */
    public Optional<NoteVerifier> rotatedAt(long size) {
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i).from() == size) {
                return Optional.of(keys.get(i - 1).verifier());
            }
        }
        return Optional.empty();
    }

    /**
     * Checks that a checkpoint note of {@code size} carries the signatures the history requires:
     * the key valid at that size and, at a rotation's size, the key before it too.
     *
     * @return the problem, or empty when the signatures hold
     */
    public Optional<String> checkSignatures(SignedNote note, long size) {
        NoteVerifier key = at(size);
        if (!note.verifiedBy(key)) {
            return Optional.of("checkpoint of size " + size + ": expected a valid signature by " + key.vkey()
                    + " (the key valid at that size), found none");
        }
        Optional<NoteVerifier> old = rotatedAt(size);
        if (old.isPresent() && !note.verifiedBy(old.get())) {
            return Optional.of(
                    "checkpoint of size " + size + " (key rotation): expected signatures by both the old key "
                            + old.get().vkey() + " and the new key, found none by the old key");
        }
        return Optional.empty();
    }

    /**
     * Checks the rotation chain against the log's {@link EntryKind#KEY_ROTATION} entries, given with
     * their indices in log order: the i-th rotation's old key is key i, its new key is key i+1, and
     * key i+1 signs from the entry's index + 1.
     *
     * @return every problem found, empty when the chain holds
     */
    public List<String> checkChain(List<Rotation> rotations) {
        List<String> problems = new ArrayList<>();
        if (rotations.size() != keys.size() - 1) {
            problems.add("key history: expected " + (keys.size() - 1) + " key rotation entries for its " + keys.size()
                    + " keys, found " + rotations.size() + " in the log");
        }
        for (int i = 0; i < rotations.size() && i + 1 < keys.size(); i++) {
            Rotation r = rotations.get(i);
            Key before = keys.get(i);
            Key after = keys.get(i + 1);
            if (!r.oldKey().equals(before.verifier().vkey())) {
                problems.add("key rotation entry " + r.index() + ": expected old key "
                        + before.verifier().vkey() + " (key " + (i + 1) + " of the history), found " + r.oldKey());
            }
            if (!r.newKey().equals(after.verifier().vkey())) {
                problems.add("key rotation entry " + r.index() + ": expected new key "
                        + after.verifier().vkey() + " (key " + (i + 2) + " of the history), found " + r.newKey());
            }
            if (after.from() != r.index() + 1) {
                problems.add("key rotation entry " + r.index() + ": expected key " + (i + 2)
                        + " of the history to sign from size " + (r.index() + 1) + ", found " + after.from());
            }
        }
        return problems;
    }

    /** A {@link EntryKind#KEY_ROTATION} entry of the log: its index and keys. */
    public record Rotation(long index, String oldKey, String newKey) {
        /** The rotation recorded by {@code entry} at {@code index}. */
        public static Rotation of(long index, LedgerEntry entry) {
            return new Rotation(index, entry.oldKey(), entry.newKey());
        }
    }

    /** True when {@code entry} bytes may be a key rotation (cheap test before decoding). */
    static boolean mayBeRotation(byte[] entry) {
        byte[] marker = "\"kind\":\"KEY_ROTATION\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + marker.length <= entry.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (entry[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
