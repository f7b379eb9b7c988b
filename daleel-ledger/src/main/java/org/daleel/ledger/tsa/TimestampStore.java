package org.daleel.ledger.tsa;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.daleel.core.IntegrityException;

/**
 * Stores time-stamps of checkpoints in a directory (by convention {@code ledger/timestamps/}), two
 * files per checkpoint tree size N:
 *
 * <pre>
 * N.checkpoint  the checkpoint note the token stamps, byte for byte (openssl ts -verify -data)
 * N.tsr         the DER TimeStampToken as returned by the TSA (openssl ts -verify -token_in)
 * N.properties  genTime, tsaName, validation at stamping, tokenSha256, chain.0.. (base64 DER)
 * status.properties  the outcome of the last attempt to time-stamp (see {@link StampingStatus})
 * </pre>
 *
 * Each file is replaced atomically (temporary file, force, rename, directory force); the note and
 * the sidecar are written first, so a {@code .tsr} is never visible without them. Reads check that the token
 * is the one the sidecar describes. Not thread-safe for concurrent writes of the same size.
 */
public final class TimestampStore {

    private static final String TOKEN = ".tsr";
    private static final String SIDECAR = ".properties";
    private static final String NOTE = ".checkpoint";
    private static final String STATUS = "status.properties";

    private final Path dir;

    /** A store in {@code dir}, created on first write. */
    public TimestampStore(Path dir) {
        this.dir = dir;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** The token file of the checkpoint at {@code size} (it may not exist). */
    public Path tokenFile(long size) {
        return dir.resolve(Long.toUnsignedString(size) + TOKEN);
    }

    /** The checkpoint note file of the token at {@code size} (it may not exist). */
    public Path noteFile(long size) {
        return dir.resolve(Long.toUnsignedString(size) + NOTE);
    }

    /** The sidecar file of the token at {@code size} (it may not exist). */
    public Path sidecarFile(long size) {
        return dir.resolve(Long.toUnsignedString(size) + SIDECAR);
    }

    /**
     * Writes (or replaces) the time-stamp of the checkpoint at tree size {@code size} together with
     * the exact note bytes it stamps.
     */
    public void write(long size, byte[] note, CheckpointTimestamp stamp) {
        Properties p = new Properties();
        p.setProperty("size", Long.toUnsignedString(size));
        p.setProperty("genTime", stamp.genTime().toString());
        p.setProperty("tsaName", stamp.tsaName());
        p.setProperty("validation", stamp.validation());
        p.setProperty("tokenSha256", HexFormat.of().formatHex(TokenCheck.sha256(stamp.tokenDer())));
        List<byte[]> chain = stamp.chainDer();
        for (int i = 0; i < chain.size(); i++) {
            p.setProperty("chain." + i, Base64.getEncoder().encodeToString(chain.get(i)));
        }
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sidecar = "# RFC 3161 time-stamp of the checkpoint at tree size " + Long.toUnsignedString(size)
                + "; token in " + tokenFile(size).getFileName() + "\n"
                + text.toString()
                        .lines()
                        .filter(l -> !l.startsWith("#"))
                        .sorted()
                        .collect(Collectors.joining("\n"))
                + "\n";
        try {
            Files.createDirectories(dir);
            writeAtomically(noteFile(size), note);
            writeAtomically(sidecarFile(size), sidecar.getBytes(StandardCharsets.UTF_8));
            writeAtomically(tokenFile(size), stamp.tokenDer());
        } catch (IOException e) {
            throw new UncheckedIOException("timestamp store " + dir + ": writing size " + size + " failed", e);
        }
    }

    /**
     * Reads the time-stamp of the checkpoint at {@code size}.
     *
     * @return empty when none is stored
     * @throws IntegrityException when the sidecar is missing or malformed or the token is not the
     *     one it describes
     */
    public Optional<CheckpointTimestamp> read(long size) {
        Path token = tokenFile(size);
        Path sidecar = sidecarFile(size);
        byte[] der;
        try {
            der = Files.readAllBytes(token);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("timestamp store: reading " + token + " failed", e);
        }
        byte[] text;
        try {
            text = Files.readAllBytes(sidecar);
        } catch (NoSuchFileException e) {
            throw new IntegrityException(sidecar + ": expected the sidecar of " + token + ", found no file");
        } catch (IOException e) {
            throw new UncheckedIOException("timestamp store: reading " + sidecar + " failed", e);
        }
        return Optional.of(parse(der, text, token.toString(), sidecar.toString()));
    }

    /**
     * A stored time-stamp from its token and sidecar bytes (as in this store or an evidence package).
     *
     * @throws IntegrityException naming {@code tokenName} or {@code sidecarName} when the sidecar is
     *     malformed or the token is not the one it describes
     */
    public static CheckpointTimestamp parse(byte[] der, byte[] sidecarBytes, String tokenName, String sidecarName) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(sidecarBytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IntegrityException(sidecarName + ": expected a properties file, found " + e.getMessage(), e);
        }
        String expected = required(p, "tokenSha256", sidecarName);
        String found = HexFormat.of().formatHex(TokenCheck.sha256(der));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), found.getBytes(StandardCharsets.US_ASCII))) {
            throw new IntegrityException(tokenName + ": expected SHA-256 " + expected + " (recorded in " + sidecarName
                    + "), found " + found);
        }
        List<byte[]> chain = new ArrayList<>();
        try {
            for (int i = 0; p.containsKey("chain." + i); i++) {
                chain.add(Base64.getDecoder().decode(p.getProperty("chain." + i)));
            }
            return new CheckpointTimestamp(
                    der,
                    Instant.parse(required(p, "genTime", sidecarName)),
                    required(p, "tsaName", sidecarName),
                    chain,
                    required(p, "validation", sidecarName));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IntegrityException(
                    sidecarName + ": expected genTime as an ISO instant and chain.N as base64, found " + e.getMessage(),
                    e);
        }
    }

    /**
     * The checkpoint note stored with the token at {@code size}.
     *
     * @return empty when there is none
     */
    public Optional<byte[]> note(long size) {
        try {
            return Optional.of(Files.readAllBytes(noteFile(size)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("timestamp store: reading " + noteFile(size) + " failed", e);
        }
    }

    /** Records the outcome of the latest attempt to time-stamp. */
    public void writeStatus(StampingStatus status) {
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(STATUS), status.format().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("timestamp store " + dir + ": writing the status failed", e);
        }
    }

    /** The outcome of the latest attempt to time-stamp, if any was recorded. */
    public Optional<StampingStatus> status() {
        try {
            return Optional.of(StampingStatus.parse(Files.readString(dir.resolve(STATUS), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("timestamp store: reading " + dir.resolve(STATUS) + " failed", e);
        }
    }

    /** The tree sizes that have a stored token, ascending. */
    public List<Long> sizes() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("(0|[1-9][0-9]{0,19})\\" + TOKEN))
                    .map(n -> Long.parseUnsignedLong(n.substring(0, n.length() - TOKEN.length())))
                    .sorted(Long::compareUnsigned)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("timestamp store: listing " + dir + " failed", e);
        }
    }

    private static String required(Properties p, String key, String file) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IntegrityException(file + ": expected a '" + key + "' line, found none");
        }
        return v;
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try (FileChannel d = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                d.force(true);
            }
        }
    }
}
