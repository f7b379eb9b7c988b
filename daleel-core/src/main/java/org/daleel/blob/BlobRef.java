package org.daleel.blob;

/**
 * A stored blob.
 *
 * @param sha256 lowercase hex SHA-256 of the bytes
 * @param size length in bytes
 * @param created true when this put stored new bytes, false when the blob already existed
 */
public record BlobRef(String sha256, long size, boolean created) {
    public BlobRef {
        if (sha256 == null || !Digests.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("not a sha256 hex digest: " + sha256);
        }
    }
}
