package org.daleel.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.daleel.core.DaleelException;
import org.daleel.core.InvalidInputException;
import org.daleel.ledger.KeyHistory;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.ledger.merkle.MerkleTree;
import org.daleel.ledger.note.Checkpoint;
import org.daleel.ledger.note.SignedNote;
import org.daleel.ledger.tsa.CheckpointTimestamp;
import org.daleel.ledger.tsa.TimestampStore;
import org.daleel.ledger.tsa.TimestampVerification;
import org.daleel.ledger.tsa.TimestampVerifier;

/**
 * RFC 3161 time-stamps in evidence packages, under {@code custody/timestamps/}, five files per
 * stamped checkpoint of tree size N:
 *
 * <pre>
 * N.checkpoint   the checkpoint note the token stamps, byte for byte
 * N.tsr          the DER TimeStampToken (openssl ts -verify -data N.checkpoint -in N.tsr -token_in)
 * N.properties   genTime, TSA, the TSA chain (base64 DER) and the validation recorded at stamping
 * N.chain.pem    the same chain as PEM, for openssl (-untrusted / -CAfile)
 * N.consistency  RFC 9162 consistency proof from size N to the package's checkpoint, base64 a line
 * </pre>
 *
 * Export packs, for each entry a receipt proves, the earliest stamped checkpoint that covers it (the
 * earliest proof that the entry existed), and the stamp of the package's checkpoint itself when
 * there is one.
 */
final class PackageTimestamps {
    static final String DIR = "custody/timestamps/";

    private PackageTimestamps() {}

    /** A part to add to the package: its name inside the zip and the staged file. */
    record Staged(String name, Path file) {}

    /**
     * Stages the time-stamps relevant to entries {@code indices} and the checkpoint of {@code
     * packageSize} entries into {@code dir}.
     */
    static List<Staged> stage(LedgerCustodyLog log, long packageSize, Collection<Long> indices, Path dir)
            throws IOException {
        TimestampStore store = log.timestampStore();
        List<Long> sizes =
                store.sizes().stream().filter(n -> n > 0 && n <= packageSize).toList();
        TreeSet<Long> chosen = new TreeSet<>();
        for (long index : indices) {
            sizes.stream().filter(n -> n > index).findFirst().ifPresent(chosen::add);
        }
        if (sizes.contains(packageSize)) {
            chosen.add(packageSize);
        }
        List<Staged> out = new ArrayList<>();
        if (chosen.isEmpty()) {
            return out;
        }
        Files.createDirectories(dir);
        for (long n : chosen) {
            CheckpointTimestamp stamp = store.read(n).orElseThrow();
            byte[] note = store.note(n)
                    .orElseThrow(() -> new DaleelException(store.noteFile(n) + ": the checkpoint note of a stored"
                            + " time-stamp is missing (run 'daleel verify')"));
            StringBuilder proof = new StringBuilder();
            if (n < packageSize) {
                for (byte[] h : log.consistencyProof(n, packageSize)) {
                    proof.append(Base64.getEncoder().encodeToString(h)).append('\n');
                }
            }
            StringBuilder pem = new StringBuilder();
            for (byte[] cert : stamp.chainDer()) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            out.add(write(dir, n + ".checkpoint", note));
            out.add(copy(dir, n + ".tsr", store.tokenFile(n)));
            out.add(copy(dir, n + ".properties", store.sidecarFile(n)));
            out.add(write(dir, n + ".chain.pem", pem.toString().getBytes(StandardCharsets.US_ASCII)));
            out.add(write(dir, n + ".consistency", proof.toString().getBytes(StandardCharsets.US_ASCII)));
        }
        return out;
    }

    private static Staged write(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
        return new Staged(DIR + name, dir.resolve(name));
    }

    private static Staged copy(Path dir, String name, Path from) throws IOException {
        Files.copy(from, dir.resolve(name));
        return new Staged(DIR + name, dir.resolve(name));
    }

    /** A packaged time-stamp that holds. */
    record Verified(long size, Instant genTime, String tsa, String serial) {}

    /**
     * Checks every {@code custody/timestamps/N.tsr} among {@code listed} offline and returns those
     * that hold; every problem goes to {@code problems}, naming the file inside the package.
     */
    static List<Verified> check(
            Collection<String> listed,
            Function<String, byte[]> bytes,
            KeyHistory keys,
            Checkpoint packaged,
            List<VerifyPackageCommand.Problem> problems) {
        List<Verified> ok = new ArrayList<>();
        for (String path : listed) {
            if (!path.startsWith(DIR) || !path.endsWith(".tsr")) {
                continue;
            }
            String stem = path.substring(DIR.length(), path.length() - ".tsr".length());
            if (!stem.matches("[1-9][0-9]{0,17}")) {
                problems.add(new VerifyPackageCommand.Problem(
                        path, "time-stamp file name", "N.tsr with N a tree size", stem + ".tsr"));
                continue;
            }
            long n = Long.parseLong(stem);
            int before = problems.size();
            Verified v = checkOne(n, bytes, keys, packaged, problems);
            if (v != null && problems.size() == before) {
                ok.add(v);
            }
        }
        return ok;
    }

    private static Verified checkOne(
            long n,
            Function<String, byte[]> bytes,
            KeyHistory keys,
            Checkpoint packaged,
            List<VerifyPackageCommand.Problem> problems) {
        String tsr = DIR + n + ".tsr";
        byte[] token = bytes.apply(tsr);
        byte[] note = bytes.apply(DIR + n + ".checkpoint");
        byte[] sidecar = bytes.apply(DIR + n + ".properties");
        byte[] proof = bytes.apply(DIR + n + ".consistency");
        for (var e : java.util.Map.of(
                        ".checkpoint", note == null, ".properties", sidecar == null, ".consistency", proof == null)
                .entrySet()) {
            if (e.getValue()) {
                problems.add(new VerifyPackageCommand.Problem(
                        DIR + n + e.getKey(), "missing beside " + tsr, "a file", "none"));
            }
        }
        if (token == null || note == null || sidecar == null || proof == null) {
            return null;
        }
        CheckpointTimestamp stamp;
        try {
            stamp = TimestampStore.parse(token, sidecar, tsr, DIR + n + ".properties");
        } catch (DaleelException e) {
            problems.add(new VerifyPackageCommand.Problem(tsr, e.getMessage(), "", ""));
            return null;
        }
        TimestampVerification v = TimestampVerifier.withoutTrustedRoots().verify(stamp, note);
        for (String p : v.problems()) {
            problems.add(new VerifyPackageCommand.Problem(tsr, "RFC 3161 time-stamp: " + p, "", ""));
        }
        String where = DIR + n + ".checkpoint";
        Checkpoint c;
        try {
            // signed by the key valid at its size (custody/vkeys): stamps from before a key rotation
            // carry the old key's signature
            SignedNote signed = SignedNote.parse(note);
            c = Checkpoint.open(signed, keys.at(n));
            Optional<String> cosigned = keys.checkSignatures(signed, n);
            if (cosigned.isPresent()) {
                problems.add(new VerifyPackageCommand.Problem(where, cosigned.get(), "", ""));
                return null;
            }
        } catch (InvalidInputException | org.daleel.core.IntegrityException e) {
            problems.add(new VerifyPackageCommand.Problem(
                    where,
                    "stamped checkpoint not signed by the key valid at its size (custody/vkeys): " + e.getMessage(),
                    "",
                    ""));
            return null;
        }
        if (c.size() != n) {
            problems.add(new VerifyPackageCommand.Problem(
                    where, "stamped checkpoint's size", "size " + n + " (its file name)", "size " + c.size()));
            return null;
        }
        if (!consistent(c, packaged, proof)) {
            problems.add(new VerifyPackageCommand.Problem(
                    DIR + n + ".consistency",
                    "stamped checkpoint is not consistent with custody/checkpoint (RFC 9162 s2.1.4)",
                    "a proof from size " + n + " to " + packaged.size() + " reaching root "
                            + Base64.getEncoder().encodeToString(packaged.root()),
                    "a proof that does not"));
        }
        return new Verified(n, v.genTime(), v.tsaName(), v.serial());
    }

    private static boolean consistent(Checkpoint stamped, Checkpoint packaged, byte[] proofText) {
        if (stamped.size() == packaged.size()) {
            return MessageDigest.isEqual(stamped.root(), packaged.root());
        }
        if (stamped.size() > packaged.size()) {
            return false;
        }
        List<byte[]> proof = new ArrayList<>();
        try {
            for (String line : new String(proofText, StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isEmpty()) {
                    proof.add(Base64.getDecoder().decode(line));
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            return MerkleTree.verifyConsistency(
                    stamped.size(), packaged.size(), proof, stamped.root(), packaged.root());
        } catch (IllegalArgumentException e) {
            return false; // hashes of the wrong length: not a proof
        }
    }
}
