package org.daleel.ledger.tsa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.daleel.core.InvalidInputException;

/**
 * How to reach and trust a Time-Stamp Authority.
 *
 * @param url the TSA endpoint, http or https
 * @param timeout bound on connecting and on the whole exchange
 * @param maxResponseBytes larger responses are refused
 * @param policyOid the policy to request and require in tokens, or "" for the TSA's default
 * @param trustedRootsDer DER CA certificates the token's chain must end at (they are stored with the
 *     token); empty: the chain is recorded without checking trust in its root
 */
public record TsaConfig(
        URI url, Duration timeout, int maxResponseBytes, String policyOid, List<byte[]> trustedRootsDer) {

    public TsaConfig {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new InvalidInputException("TSA URL: expected an http(s) URL with a host, found '" + url + "'");
        }
        if (timeout.isNegative() || timeout.isZero() || maxResponseBytes <= 0) {
            throw new InvalidInputException("TSA " + url + ": timeout and response size bound must be positive");
        }
        if (!policyOid.isEmpty() && !policyOid.matches("[0-2](\\.(0|[1-9][0-9]{0,17})){1,63}")) {
            throw new InvalidInputException("TSA policy '" + policyOid + "': expected a dotted object identifier");
        }
        trustedRootsDer = trustedRootsDer.stream().map(byte[]::clone).toList();
    }

    /** A config with the default bounds, no policy and no trusted roots. */
    public static TsaConfig of(URI url) {
        return new TsaConfig(
                url, TimestampClient.DEFAULT_TIMEOUT, TimestampClient.DEFAULT_MAX_RESPONSE_BYTES, "", List.of());
    }

    @Override
    public List<byte[]> trustedRootsDer() {
        return trustedRootsDer.stream().map(byte[]::clone).toList();
    }

    /**
     * The DER certificates in a PEM (or DER) file.
     *
     * @throws InvalidInputException naming the file when it holds no certificate or does not parse
     */
    public static List<byte[]> readCertificates(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("CA file " + file + ": could not read (" + e.getMessage() + ")", e);
        }
        List<byte[]> out = new ArrayList<>();
        try {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
            for (Certificate c : certs) {
                out.add(c.getEncoded());
            }
        } catch (CertificateEncodingException e) {
            throw new InvalidInputException(
                    "CA file " + file + ": a certificate does not encode: " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new InvalidInputException(
                    "CA file " + file + ": expected PEM or DER X.509 certificates, found bytes that do not parse ("
                            + e.getMessage() + ")",
                    e);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("CA file " + file + ": expected at least one certificate, found none");
        }
        return List.copyOf(out);
    }
}
