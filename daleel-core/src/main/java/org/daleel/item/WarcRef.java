package org.daleel.item;

import java.util.Objects;

/**
 * Where an item's WARC lives: a file in the data directory's {@code warcs/} folder, its digest and
 * size, and the byte offset of the item's response record inside it.
 *
 * @param fileName WARC file name (e.g. {@code DALEEL-20261125110405-01JD....warc.gz}), "" for none
 * @param sha256 lowercase hex SHA-256 of the whole WARC file, "" for none
 * @param size WARC file size in bytes
 * @param offset byte offset of the item's response record (0 for the first record)
 */
public record WarcRef(String fileName, String sha256, long size, long offset) {
    /** No WARC. */
    public static final WarcRef NONE = new WarcRef("", "", 0, 0);

    public WarcRef {
        fileName = Objects.requireNonNullElse(fileName, "");
        sha256 = Objects.requireNonNullElse(sha256, "");
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("WARC file name must be a plain name, got " + fileName);
        }
    }
}
