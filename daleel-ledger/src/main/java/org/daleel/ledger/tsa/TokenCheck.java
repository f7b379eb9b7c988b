package org.daleel.ledger.tsa;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * The checks shared by stamping and offline verification: message imprint, token signature with a
 * signer certificate from a given chain, the signer's critical timeStamping key usage and validity
 * at genTime (both checked by BouncyCastle's {@link TimeStampToken#validate}), and that each
 * certificate of the chain is signed by the next and valid at genTime.
 */
final class TokenCheck {

    private TokenCheck() {}

    /** The SHA-256 of the given bytes. */
    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Parses DER bytes of a TimeStampToken, naming {@code what} when they are not one. */
    static TimeStampToken parseToken(byte[] der, String what) {
        try {
            return new TimeStampToken(new CMSSignedData(der));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new TimestampException(
                    what + ": expected a DER RFC 3161 TimeStampToken, found bytes that do not parse (" + e.getMessage()
                            + ")",
                    e);
        }
    }

    /** The certificates carried in the token, the signer first, then its issuers as found. */
    static List<X509CertificateHolder> chainOf(TimeStampToken token) {
        Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
        return order(token.getSID(), List.copyOf(all));
    }

    /** Orders {@code certs}: the one matching {@code sid} first, then issuer after issuer. */
    static List<X509CertificateHolder> order(SignerId sid, List<X509CertificateHolder> certs) {
        List<X509CertificateHolder> chain = new ArrayList<>();
        Optional<X509CertificateHolder> next = certs.stream().filter(sid::match).findFirst();
        while (next.isPresent() && !chain.contains(next.get()) && chain.size() <= certs.size()) {
            X509CertificateHolder cert = next.get();
            chain.add(cert);
            if (cert.getIssuer().equals(cert.getSubject())) {
                break;
            }
            next = certs.stream()
                    .filter(c -> c.getSubject().equals(cert.getIssuer()))
                    .findFirst();
        }
        return List.copyOf(chain);
    }

    /**
     * Checks {@code token} against the expected imprint and the chain, and returns every problem
     * found (empty when the token is valid); never throws for a bad token.
     */
    static List<String> problems(TimeStampToken token, byte[] expectedImprint, List<X509CertificateHolder> chain) {
        List<String> problems = new ArrayList<>();
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            problems.add("message imprint: expected algorithm SHA-256 (" + NISTObjectIdentifiers.id_sha256 + "), found "
                    + info.getMessageImprintAlgOID());
        } else if (!MessageDigest.isEqual(expectedImprint, info.getMessageImprintDigest())) {
            problems.add("message imprint: expected SHA-256 " + HexFormat.of().formatHex(expectedImprint)
                    + " of the checkpoint, found " + HexFormat.of().formatHex(info.getMessageImprintDigest()));
        }
        if (chain.isEmpty() || !token.getSID().match(chain.getFirst())) {
            problems.add("signer certificate: expected the certificate that signed the token (issuer "
                    + token.getSID().getIssuer() + ", serial " + token.getSID().getSerialNumber()
                    + "), found none in the chain");
            return List.copyOf(problems);
        }
        X509CertificateHolder signer = chain.getFirst();
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException | OperatorCreationException e) {
            problems.add("token signature by " + signer.getSubject() + ": " + e.getMessage());
        } catch (java.security.cert.CertificateException e) {
            problems.add("signer certificate " + signer.getSubject() + " does not parse: " + e.getMessage());
        }
        java.util.Date at = info.getGenTime();
        for (int i = 0; i < chain.size(); i++) {
            X509CertificateHolder cert = chain.get(i);
            if (!cert.isValidOn(at)) {
                problems.add("certificate " + cert.getSubject() + ": expected valid at genTime "
                        + at.toInstant() + ", found valid from "
                        + cert.getNotBefore().toInstant() + " to "
                        + cert.getNotAfter().toInstant());
            }
            X509CertificateHolder issuer = i + 1 < chain.size() ? chain.get(i + 1) : cert;
            if (!cert.getIssuer().equals(issuer.getSubject())) {
                continue; // the chain ends at an issuer the token does not carry
            }
            try {
                if (!cert.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))) {
                    problems.add("certificate " + cert.getSubject() + ": signature by " + issuer.getSubject()
                            + " does not verify");
                }
            } catch (CertException | OperatorCreationException | java.security.cert.CertificateException e) {
                problems.add("certificate " + cert.getSubject() + ": signature by " + issuer.getSubject()
                        + " cannot be checked: " + e.getMessage());
            }
        }
        return List.copyOf(problems);
    }

    /** One line describing the chain: signer, then issuers; whether it ends at a self-signed root. */
    static String describe(List<X509CertificateHolder> chain) {
        if (chain.isEmpty()) {
            return "no certificates";
        }
        X509CertificateHolder last = chain.getLast();
        String end = last.getIssuer().equals(last.getSubject())
                ? "ends at self-signed " + last.getSubject()
                : "ends at " + last.getSubject() + " issued by " + last.getIssuer() + " (not in the token)";
        return chain.size() + " certificate(s), " + end;
    }

    /** The genTime of a token. */
    static Instant genTime(TimeStampToken token) {
        return token.getTimeStampInfo().getGenTime().toInstant();
    }

    /** Parses a DER certificate, naming {@code what} when it is not one. */
    static X509CertificateHolder parseCert(byte[] der, String what) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new org.daleel.core.InvalidInputException(
                    what + ": expected a DER X.509 certificate, found " + der.length + " bytes that do not parse ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    /**
     * The root among {@code roots} that {@code last} is, or that issued {@code last} and was valid
     * at {@code at}; empty when none did.
     */
    static Optional<X509CertificateHolder> anchor(
            X509CertificateHolder last, List<X509CertificateHolder> roots, java.util.Date at) {
        for (X509CertificateHolder root : roots) {
            if (root.equals(last)) {
                return Optional.of(root);
            }
            if (root.getSubject().equals(last.getIssuer()) && root.isValidOn(at)) {
                try {
                    if (last.isSignatureValid(new JcaContentVerifierProviderBuilder().build(root))) {
                        return Optional.of(root);
                    }
                } catch (CertException | OperatorCreationException | java.security.cert.CertificateException e) {
                    // not this root; keep looking
                }
            }
        }
        return Optional.empty();
    }

    /** The serial number of a token, in hex. */
    static String serial(TimeStampToken token) {
        return token.getTimeStampInfo().getSerialNumber().toString(16);
    }
}
