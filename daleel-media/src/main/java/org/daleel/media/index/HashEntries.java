package org.daleel.media.index;

import java.util.Arrays;
import org.daleel.match.Hash256;

/**
 * Dense in-memory storage of (id, hash) entries in slots {@code 0..size-1}: four hash words and one
 * id per slot in flat arrays (40 bytes per entry plus the id map), so that a linear scan is
 * sequential. Removal moves the last entry into the freed slot. Not thread-safe; callers lock.
 */
final class HashEntries {
    private long[] words;
    private long[] ids;
    private int size;
    private final LongIntMap slots;

    HashEntries(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        words = new long[cap * 4];
        ids = new long[cap];
        slots = new LongIntMap(cap);
    }

    int size() {
        return size;
    }

    int capacity() {
        return ids.length;
    }

    /** Slot of {@code id}, or -1 when absent. */
    int slotOf(long id) {
        return slots.get(id);
    }

    long id(int slot) {
        return ids[slot];
    }

    /** The flat word array: slot {@code s} holds words {@code 4s..4s+3}. Read-only for callers. */
    long[] words() {
        return words;
    }

    Hash256 hash(int slot) {
        return Hash256.ofWords(words, slot * 4);
    }

    /** Appends a new entry (the id must be absent) and returns its slot. */
    int append(long id, Hash256 hash) {
        if (size == ids.length) {
            int cap = ids.length * 2;
            ids = Arrays.copyOf(ids, cap);
            words = Arrays.copyOf(words, cap * 4);
        }
        int s = size++;
        ids[s] = id;
        set(s, hash);
        slots.put(id, s);
        return s;
    }

    /** Overwrites the hash in a slot. */
    void set(int slot, Hash256 hash) {
        int o = slot * 4;
        words[o] = hash.w0();
        words[o + 1] = hash.w1();
        words[o + 2] = hash.w2();
        words[o + 3] = hash.w3();
    }

    /** Removes the entry in {@code slot}, moving the last entry (if another) into it. */
    void removeSlot(int slot) {
        slots.remove(ids[slot]);
        int last = --size;
        if (slot != last) {
            ids[slot] = ids[last];
            System.arraycopy(words, last * 4, words, slot * 4, 4);
            slots.put(ids[slot], slot);
        }
    }

    /** Approximate heap bytes held by the arrays. */
    long memoryBytes() {
        return (long) ids.length * Long.BYTES * 5 + slots.memoryBytes();
    }
}
