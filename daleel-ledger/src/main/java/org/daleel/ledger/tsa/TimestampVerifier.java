package org.daleel.ledger.tsa;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;
import org.daleel.core.IntegrityException;
import org.daleel.core.InvalidInputException;

/**
 * Checks a stored {@link CheckpointTimestamp} against checkpoint note bytes, offline: the token
 * parses, its imprint is the SHA-256 of the note, its signature verifies with the signer certificate
 * from the stored chain, the signer has the critical timeStamping key usage, every certificate is
 * valid at genTime (not now: certificates expire after stamping) and signed by the next, and the
 * recorded genTime and TSA name agree with the token. When trusted roots are given, the chain must
 * also end at one of them. Thread-safe.
 */
public final class TimestampVerifier {

    private final List<X509CertificateHolder> roots;

    private TimestampVerifier(List<X509CertificateHolder> roots) {
        this.roots = List.copyOf(roots);
    }

    /** A verifier that checks the token and its stored chain but trusts no particular root. */
    public static TimestampVerifier withoutTrustedRoots() {
        return new TimestampVerifier(List.of());
    }

    /**
     * A verifier that also requires the chain to end at one of the given DER root certificates.
     *
     * @throws InvalidInputException when a root is not a DER X.509 certificate
     */
    public static TimestampVerifier trusting(List<byte[]> rootsDer) {
        List<X509CertificateHolder> roots = new ArrayList<>();
        for (byte[] der : rootsDer) {
            roots.add(parseCert(der, "trusted root"));
        }
        return new TimestampVerifier(roots);
    }

    /** Checks {@code stamp} against {@code note} and returns every problem found; never throws for bad input. */
    public TimestampVerification verify(CheckpointTimestamp stamp, byte[] note) {
        TimeStampToken token;
        try {
            token = TokenCheck.parseToken(stamp.tokenDer(), "stored token");
        } catch (TimestampException e) {
            return new TimestampVerification(Instant.EPOCH, "", "", List.of(e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        List<X509CertificateHolder> stored = new ArrayList<>();
        for (byte[] der : stamp.chainDer()) {
            try {
                stored.add(parseCert(der, "stored chain certificate"));
            } catch (InvalidInputException e) {
                problems.add(e.getMessage());
            }
        }
        List<X509CertificateHolder> chain = TokenCheck.order(token.getSID(), stored);
        problems.addAll(TokenCheck.problems(token, TokenCheck.sha256(note), chain));
        Instant genTime = TokenCheck.genTime(token);
        if (!genTime.equals(stamp.genTime())) {
            problems.add("genTime: recorded " + stamp.genTime() + ", token says " + genTime);
        }
        String signer = chain.isEmpty() ? "" : chain.getFirst().getSubject().toString();
        if (!chain.isEmpty() && !signer.equals(stamp.tsaName())) {
            problems.add("TSA name: recorded '" + stamp.tsaName() + "', token signed by '" + signer + "'");
        }
        if (!roots.isEmpty() && !chain.isEmpty()) {
            trustProblem(chain.getLast(), token.getTimeStampInfo().getGenTime()).ifPresent(problems::add);
        }
        return new TimestampVerification(genTime, signer, TokenCheck.serial(token), problems);
    }

    /**
     * Like {@link #verify} but throws.
     *
     * @return the verified genTime
     * @throws IntegrityException listing every problem when the time-stamp does not hold
     */
    public Instant verifyOrThrow(CheckpointTimestamp stamp, byte[] note, String what) {
        TimestampVerification result = verify(stamp, note);
        if (!result.ok()) {
            throw new IntegrityException(
                    what + ": RFC 3161 time-stamp does not verify: " + String.join("; ", result.problems()));
        }
        return result.genTime();
    }

    private Optional<String> trustProblem(X509CertificateHolder last, java.util.Date genTime) {
        if (TokenCheck.anchor(last, roots, genTime).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("trust: expected the chain to end at a trusted root, found it ends at " + last.getSubject()
                + " issued by " + last.getIssuer());
    }

    private static X509CertificateHolder parseCert(byte[] der, String what) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(
                    what + ": expected a DER X.509 certificate, found " + der.length + " bytes that do not parse ("
                            + e.getMessage() + ")",
                    e);
        }
    }
}
