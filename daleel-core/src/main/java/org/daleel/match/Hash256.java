package org.daleel.match;

import java.util.HexFormat;
import org.daleel.core.InvalidInputException;

/**
 * A 256-bit hash (PDQ) compared by Hamming distance.
 *
 * <p>The value is the 256-bit unsigned integer whose lowercase hex form is Meta's reference format
 * (64 hex digits). Bit {@code k} of that integer is Meta's bit {@code k}: for PDQ, bit
 * {@code 16 * row + column} of the 16x16 DCT block. {@code w0} holds bits 255..192 (the first 16
 * hex digits), {@code w3} bits 63..0 (the last 16).
 */
public record Hash256(long w0, long w1, long w2, long w3) {

    /** Number of bits. */
    public static final int BITS = 256;

    private static final HexFormat HEX = HexFormat.of();

    /** The all-zero hash. */
    public static final Hash256 ZERO = new Hash256(0, 0, 0, 0);

    /**
     * Parses 64 hex digits (either case) in Meta's reference format.
     *
     * @throws InvalidInputException naming the value when it is not 64 hex digits
     */
    public static Hash256 fromHex(String hex) {
        if (hex.length() != 64) {
            throw new InvalidInputException(
                    "hash '" + hex + "': expected 64 hex digits, found " + hex.length() + " characters");
        }
        try {
            return new Hash256(
                    HexFormat.fromHexDigitsToLong(hex, 0, 16),
                    HexFormat.fromHexDigitsToLong(hex, 16, 32),
                    HexFormat.fromHexDigitsToLong(hex, 32, 48),
                    HexFormat.fromHexDigitsToLong(hex, 48, 64));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("hash '" + hex + "': expected 64 hex digits, found a non-hex character", e);
        }
    }

    /**
     * Builds a hash from its four 64-bit words, most significant first (as in {@link #word(int)}).
     *
     * @throws IndexOutOfBoundsException when {@code words} does not hold 4 values from {@code offset}
     */
    public static Hash256 ofWords(long[] words, int offset) {
        return new Hash256(words[offset], words[offset + 1], words[offset + 2], words[offset + 3]);
    }

    /** Word {@code i} (0 = bits 255..192, 3 = bits 63..0). */
    public long word(int i) {
        return switch (i) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException("word " + i + " of a 256-bit hash (0..3)");
        };
    }

    /** Bit {@code k} (0..255) in Meta's numbering. */
    public boolean bit(int k) {
        if (k < 0 || k >= BITS) {
            throw new IndexOutOfBoundsException("bit " + k + " of a 256-bit hash (0..255)");
        }
        return ((word(3 - (k >>> 6)) >>> (k & 63)) & 1L) != 0;
    }

    /** A copy with bit {@code k} (Meta's numbering) inverted. */
    public Hash256 flip(int k) {
        if (k < 0 || k >= BITS) {
            throw new IndexOutOfBoundsException("bit " + k + " of a 256-bit hash (0..255)");
        }
        long m = 1L << (k & 63);
        return switch (3 - (k >>> 6)) {
            case 0 -> new Hash256(w0 ^ m, w1, w2, w3);
            case 1 -> new Hash256(w0, w1 ^ m, w2, w3);
            case 2 -> new Hash256(w0, w1, w2 ^ m, w3);
            default -> new Hash256(w0, w1, w2, w3 ^ m);
        };
    }

    /** Number of set bits. */
    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    /** Hamming distance to another hash: 0 when equal, 256 when every bit differs. */
    public int distance(Hash256 other) {
        return Long.bitCount(w0 ^ other.w0)
                + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2)
                + Long.bitCount(w3 ^ other.w3);
    }

    /** 64 lowercase hex digits, Meta's reference format. */
    public String toHex() {
        return HEX.toHexDigits(w0) + HEX.toHexDigits(w1) + HEX.toHexDigits(w2) + HEX.toHexDigits(w3);
    }

    /** Same as {@link #toHex()}. */
    @Override
    public String toString() {
        return toHex();
    }
}
