package org.daleel.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daleel.core.InvalidInputException;
import org.daleel.item.ItemIds;

/**
 * One event in the custody ledger: who did what to which item, when, with which tool, and the
 * digests of the stored bytes it vouches for.
 *
 * <p><b>Encoding</b> ({@link #encode()}, documented in {@code daleel-ledger/FORMAT.md}): one JSON
 * object in the RFC 8785 canonical form, UTF-8, no whitespace, members sorted by name:
 *
 * <pre>{@code
 * {"actor":"cli:amina","digests":[{"role":"warc","sha256":"<64 hex>","size":5321}],
 *  "item":"01JDQ3V6KX1Q8Z8Y7W6V5T4S3R","kind":"CAPTURE","note":"...","time":1732530000000,
 *  "tool":"daleel/0.1.0","v":1}
 * }</pre>
 *
 * (shown on two lines here; the encoding is one line without a final newline). {@code note} is left
 * out when empty; {@code digests} keeps the caller's order; {@code time} is milliseconds since
 * 1970-01-01T00:00:00Z. The same entry always encodes to the same bytes, and {@link #decode}
 * accepts only those bytes: any other spelling (member order, whitespace, escapes, number form) is
 * refused, so one logical entry has exactly one valid encoding and one leaf hash.
 *
 * @param kind what happened
 * @param item the item's id (a ULID, see {@link ItemIds}); empty for {@link EntryKind#KEY_ROTATION}
 * @param digests payloads and WARCs the entry vouches for, possibly none
 * @param actor who did it (an account or {@code cli:<user>}), non-empty, no control characters
 * @param time when, with millisecond precision (finer precision is dropped), 1970 to 9999
 * @param toolVersion the software that wrote it, e.g. {@code daleel/0.1.0}
 * @param note free text; empty when there is none
 * @param oldKey for {@link EntryKind#KEY_ROTATION}: the verifier key (C2SP vkey) that signed until
 *     this entry; empty for every other kind
 * @param newKey for {@link EntryKind#KEY_ROTATION}: the verifier key that signs from the checkpoint
 *     covering this entry on; empty for every other kind
 */
public record LedgerEntry(
        EntryKind kind,
        String item,
        List<PayloadDigest> digests,
        String actor,
        Instant time,
        String toolVersion,
        String note,
        String oldKey,
        String newKey) {
    /** Format version written in the {@code v} member. */
    public static final int VERSION = 1;
    /** Largest encoding in bytes: a tlog-tiles entry bundle prefixes each entry with a uint16 length. */
    public static final int MAX_ENCODED_BYTES = 65_535;

    private static final long MAX_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z
    private static final Set<String> MEMBERS =
            Set.of("actor", "digests", "item", "kind", "newKey", "note", "oldKey", "time", "tool", "v");
    private static final Set<String> DIGEST_MEMBERS = Set.of("role", "sha256", "size");

    public LedgerEntry {
        if (kind == null) {
            throw new InvalidInputException("ledger entry: kind is required");
        }
        if (kind.concernsItem() ? !ItemIds.isId(item) : !"".equals(item)) {
            throw new InvalidInputException("ledger entry " + kind + ": item '" + item + "' "
                    + (kind.concernsItem() ? "is not an item id (26-character ULID)" : "must be empty"));
        }
        if (digests == null) {
            throw new InvalidInputException("ledger entry: digests are required (an empty list when there are none)");
        }
        digests = List.copyOf(digests);
        requireLine("actor", actor);
        requireLine("tool version", toolVersion);
        if (note == null || !CanonicalJson.isWellFormed(note)) {
            throw new InvalidInputException("ledger entry: note must be text without unpaired surrogates");
        }
        if (time == null) {
            throw new InvalidInputException("ledger entry: time is required");
        }
        if (kind == EntryKind.KEY_ROTATION) {
            requireLine("old key", oldKey);
            requireLine("new key", newKey);
            if (oldKey.equals(newKey)) {
                throw new InvalidInputException("ledger entry KEY_ROTATION: the new key is the old key " + oldKey);
            }
        } else if (!"".equals(oldKey) || !"".equals(newKey)) {
            throw new InvalidInputException("ledger entry " + kind + ": old and new keys belong to KEY_ROTATION only");
        }
        time = time.truncatedTo(ChronoUnit.MILLIS);
        if (time.toEpochMilli() < 0 || time.toEpochMilli() > MAX_MILLIS) {
            throw new InvalidInputException("ledger entry: time " + time + " is outside 1970..9999");
        }
    }

    /** An entry of any kind but {@link EntryKind#KEY_ROTATION} (no keys). */
    public LedgerEntry(
            EntryKind kind,
            String item,
            List<PayloadDigest> digests,
            String actor,
            Instant time,
            String toolVersion,
            String note) {
        this(kind, item, digests, actor, time, toolVersion, note, "", "");
    }

    /** A {@link EntryKind#KEY_ROTATION} entry from {@code oldKey} to {@code newKey} (C2SP vkeys). */
    public static LedgerEntry keyRotation(
            String oldKey, String newKey, String actor, Instant time, String toolVersion, String reason) {
        return new LedgerEntry(EntryKind.KEY_ROTATION, "", List.of(), actor, time, toolVersion, reason, oldKey, newKey);
    }

    /** The canonical encoding (see the class comment). */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"actor\":");
        CanonicalJson.writeString(sb, actor);
        sb.append(",\"digests\":[");
        for (int i = 0; i < digests.size(); i++) {
            PayloadDigest d = digests.get(i);
            sb.append(i == 0 ? "{\"role\":" : ",{\"role\":");
            CanonicalJson.writeString(sb, d.role());
            sb.append(",\"sha256\":\"")
                    .append(d.sha256())
                    .append("\",\"size\":")
                    .append(d.size())
                    .append('}');
        }
        sb.append("],\"item\":");
        CanonicalJson.writeString(sb, item);
        sb.append(",\"kind\":\"").append(kind.name()).append('"');
        if (!newKey.isEmpty()) {
            sb.append(",\"newKey\":");
            CanonicalJson.writeString(sb, newKey);
        }
        if (!note.isEmpty()) {
            sb.append(",\"note\":");
            CanonicalJson.writeString(sb, note);
        }
        if (!oldKey.isEmpty()) {
            sb.append(",\"oldKey\":");
            CanonicalJson.writeString(sb, oldKey);
        }
        sb.append(",\"time\":").append(time.toEpochMilli());
        sb.append(",\"tool\":");
        CanonicalJson.writeString(sb, toolVersion);
        sb.append(",\"v\":").append(VERSION).append('}');
        byte[] out = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (out.length > MAX_ENCODED_BYTES) {
            throw new InvalidInputException("ledger entry for " + (item.isEmpty() ? kind : item) + " encodes to "
                    + out.length + " bytes; at most " + MAX_ENCODED_BYTES + " fit in a log entry");
        }
        return out;
    }

    /**
     * Decodes an entry, accepting only its canonical encoding.
     *
     * @throws InvalidInputException naming what is malformed, missing, unknown or not canonical
     */
    public static LedgerEntry decode(byte[] bytes) {
        if (!(CanonicalJson.parse(bytes) instanceof Map<?, ?> m)) {
            throw new InvalidInputException("ledger entry: expected a JSON object");
        }
        checkMembers(m, MEMBERS, Set.of("note", "newKey", "oldKey"), "ledger entry");
        long version = number(m, "v");
        if (version != VERSION) {
            throw new InvalidInputException(
                    "ledger entry: format version " + version + " is not supported (expected " + VERSION + ")");
        }
        if (!(m.get("digests") instanceof List<?> list)) {
            throw new InvalidInputException("ledger entry: digests must be an array");
        }
        List<PayloadDigest> digests = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> d)) {
                throw new InvalidInputException("ledger entry: each digest must be an object");
            }
            checkMembers(d, DIGEST_MEMBERS, Set.of(), "ledger entry digest");
            digests.add(new PayloadDigest(text(d, "role"), text(d, "sha256"), number(d, "size")));
        }
        LedgerEntry entry = new LedgerEntry(
                EntryKind.parse(text(m, "kind")),
                text(m, "item"),
                digests,
                text(m, "actor"),
                Instant.ofEpochMilli(number(m, "time")),
                text(m, "tool"),
                m.containsKey("note") ? text(m, "note") : "",
                m.containsKey("oldKey") ? text(m, "oldKey") : "",
                m.containsKey("newKey") ? text(m, "newKey") : "");
        if (!Arrays.equals(entry.encode(), bytes)) {
            throw new InvalidInputException("ledger entry for " + entry.item()
                    + " is not in canonical form (member order, whitespace, escapes or number form differ)");
        }
        return entry;
    }

    private static void requireLine(String what, String s) {
        if (s == null
                || s.isEmpty()
                || s.length() > 256
                || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || !CanonicalJson.isWellFormed(s)) {
            throw new InvalidInputException(
                    "ledger entry: " + what + " '" + s + "' must be 1 to 256 characters on one line");
        }
    }

    private static void checkMembers(Map<?, ?> m, Set<String> allowed, Set<String> optional, String what) {
        for (Object k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new InvalidInputException(what + ": unknown member \"" + k + "\"");
            }
        }
        for (String k : allowed) {
            if (!optional.contains(k) && !m.containsKey(k)) {
                throw new InvalidInputException(what + ": member \"" + k + "\" is missing");
            }
        }
    }

    private static String text(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new InvalidInputException("ledger entry: \"" + key + "\" must be a string");
        }
        return s;
    }

    private static long number(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Long n)) {
            throw new InvalidInputException("ledger entry: \"" + key + "\" must be an integer");
        }
        return n;
    }
}
