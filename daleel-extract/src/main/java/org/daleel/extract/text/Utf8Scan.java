package org.daleel.extract.text;

/**
 * Counts of a UTF-8 validation pass (RFC 3629 s4: no overlongs, no surrogates, at most U+10FFFF).
 *
 * @param multiByte well-formed sequences of two to four bytes
 * @param invalid bytes that start no well-formed sequence
 * @param truncatedTail whether the bytes end inside a sequence that could still be well-formed
 */
public record Utf8Scan(int multiByte, int invalid, boolean truncatedTail) {

    /** Scans all of {@code bytes}. */
    public static Utf8Scan of(byte[] bytes) {
        return of(bytes, bytes.length);
    }

    /** Scans the first {@code length} bytes. */
    public static Utf8Scan of(byte[] bytes, int length) {
        int multi = 0;
        int invalid = 0;
        int i = 0;
        boolean tail = false;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            int max;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                min = 0x80;
                max = 0xBF;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                min = b == 0xE0 ? 0xA0 : 0x80;
                max = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                min = b == 0xF0 ? 0x90 : 0x80;
                max = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                invalid++;
                i++;
                continue;
            }
            int j = 1;
            boolean ok = true;
            while (j <= need) {
                if (i + j >= length) {
                    tail = true;
                    ok = false;
                    break;
                }
                int c = bytes[i + j] & 0xFF;
                int lo = j == 1 ? min : 0x80;
                int hi = j == 1 ? max : 0xBF;
                if (c < lo || c > hi) {
                    ok = false;
                    break;
                }
                j++;
            }
            if (ok) {
                multi++;
                i += need + 1;
            } else if (tail) {
                break;
            } else {
                invalid++;
                i++;
            }
        }
        return new Utf8Scan(multi, invalid, tail);
    }

    /** No invalid bytes at all. */
    public boolean valid() {
        return invalid == 0;
    }

    /** Valid, or UTF-8 with a few broken bytes (at least four good sequences per bad byte). */
    public boolean mostlyUtf8() {
        return invalid == 0 || (multiByte > 0 && multiByte >= invalid * 4L);
    }
}
