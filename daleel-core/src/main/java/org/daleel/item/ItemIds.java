package org.daleel.item;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Item ids: ULIDs (26 Crockford base32 chars, 48-bit millisecond time then 80 random bits), so ids
 * sort by creation time and never collide across processes. See https://github.com/ulid/spec.
 */
public final class ItemIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ItemIds() {}

    /** A new id for an item created at {@code time}. */
    public static String next(Instant time) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long ms = time.toEpochMilli();
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (ms & 31)];
            ms >>>= 5;
        }
        // 80 random bits -> 16 chars of 5 bits
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xff);
        }
        for (int i = 7; i >= 0; i--) {
            out[10 + i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 7; i >= 0; i--) {
            out[18 + i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    /** True when {@code s} has the shape of an item id. */
    public static boolean isId(String s) {
        return s != null && s.length() == 26 && s.chars().allMatch(c -> indexOf((char) c) >= 0);
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
