package org.daleel.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content-addressed storage of original payloads. A blob's name is the lowercase hex SHA-256 of its
 * bytes; the same bytes are stored once.
 *
 * <p>Contract, for every adapter:
 * <ul>
 *   <li>Thread-safe; several processes may write the same store, and concurrent writes of the same
 *       bytes leave one intact blob.
 *   <li>Durable: when {@code put} returns, the blob survives a crash or power loss (written to a
 *       temporary name, flushed to disk, then atomically renamed). A reader never sees a partial blob.
 *   <li>{@code open} of an absent digest throws {@link org.daleel.core.NotFoundException}; a blob
 *       whose length (or, when checked, digest) differs from its name throws
 *       {@link org.daleel.core.IntegrityException} naming the digest, the expected and found values.
 *   <li>Malformed digests (not 64 lowercase hex chars) throw {@link org.daleel.core.InvalidInputException}.
 * </ul>
 */
public interface BlobStore {

    /**
     * Stores the stream's bytes, computing their SHA-256 while writing.
     *
     * @param in bytes to store; read to the end but not closed
     * @param maxBytes refuse (with {@link org.daleel.core.InvalidInputException}) more bytes than this
     * @return the digest, size and whether the blob was new
     */
    BlobRef put(InputStream in, long maxBytes) throws IOException;

    /** Stores a file's bytes; see {@link #put(InputStream, long)}. */
    BlobRef put(Path file) throws IOException;

    /** True when a blob with this digest is stored. */
    boolean contains(String sha256) throws IOException;

    /** Size in bytes of a stored blob; {@link org.daleel.core.NotFoundException} when absent. */
    long size(String sha256) throws IOException;

    /**
     * Opens a stored blob for reading. The stream checks the length when it reaches the end and
     * throws {@link org.daleel.core.IntegrityException} on a mismatch.
     */
    InputStream open(String sha256) throws IOException;

    /**
     * Re-reads a blob and checks its bytes hash to its name.
     *
     * @throws org.daleel.core.IntegrityException naming the blob, expected and found digest or size
     */
    void verify(String sha256) throws IOException;
}
