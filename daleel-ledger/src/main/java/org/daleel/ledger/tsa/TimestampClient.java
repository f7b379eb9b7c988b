package org.daleel.ledger.tsa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.daleel.core.InvalidInputException;

/**
 * Obtains RFC 3161 time-stamps for checkpoint notes from one Time-Stamp Authority over HTTP(S).
 *
 * <p>Each request carries the SHA-256 of the note bytes, a fresh 64-bit nonce and certReq=true. The
 * response must be granted, echo the nonce and imprint, and carry a token whose signature verifies
 * with the TSA certificate inside it; the chain and the outcome are recorded at stamping time.
 * Time and response size are bounded. Thread-safe.
 */
public final class TimestampClient {

    /** Default bound on the whole exchange. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Default bound on the response body; tokens with a chain are a few kilobytes. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

    private final TsaConfig config;
    private final URI url;
    private final HttpClient http;
    private final List<X509CertificateHolder> roots;
    private final SecureRandom random = new SecureRandom();

    /**
     * A client for the TSA {@code config} describes.
     *
     * @throws InvalidInputException when a trusted root is not a DER X.509 certificate
     */
    public TimestampClient(TsaConfig config) {
        this.config = config;
        this.url = config.url();
        this.roots = config.trustedRootsDer().stream()
                .map(der -> TokenCheck.parseCert(der, "trusted root"))
                .toList();
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param url the TSA endpoint, http or https
     * @param timeout bound on connecting and on the whole exchange
     * @param maxResponseBytes larger responses are refused
     * @throws InvalidInputException when the URL is not http(s) or the bounds are not positive
     */
    public TimestampClient(URI url, Duration timeout, int maxResponseBytes) {
        this(new TsaConfig(url, timeout, maxResponseBytes, "", List.of()));
    }

    /** A client with {@link #DEFAULT_TIMEOUT} and {@link #DEFAULT_MAX_RESPONSE_BYTES}. */
    public TimestampClient(URI url) {
        this(TsaConfig.of(url));
    }

    /** The TSA endpoint. */
    public URI url() {
        return url;
    }

    /**
     * Time-stamps the given checkpoint note bytes (the exact bytes that are stored and served).
     *
     * @return the token with genTime, TSA name, chain and validation recorded now
     * @throws TimestampException naming the URL when the TSA cannot be reached, answers with an
     *     HTTP error, with bytes that are not a TimeStampResp, with a rejection, or with a token that
     *     does not match the request or does not verify
     */
    public CheckpointTimestamp stamp(byte[] note) {
        byte[] imprint = TokenCheck.sha256(note);
        BigInteger nonce = new BigInteger(64, random);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        if (!config.policyOid().isEmpty()) {
            generator.setReqPolicy(new ASN1ObjectIdentifier(config.policyOid()));
        }
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, nonce);
        byte[] body = post(encode(request));
        TimeStampResponse response = parse(body);
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            throw new TimestampException("TSA " + url + ": expected status granted, found status " + status
                    + (response.getStatusString() == null ? "" : " '" + response.getStatusString() + "'")
                    + (response.getFailInfo() == null
                            ? ""
                            : ", failInfo " + response.getFailInfo().intValue()));
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TimestampException(
                    "TSA " + url + ": expected a time-stamp token in the granted response, found none");
        }
        BigInteger echoed = token.getTimeStampInfo().getNonce();
        if (!nonce.equals(echoed)) {
            throw new TimestampException("TSA " + url + ": expected nonce " + nonce.toString(16) + ", found "
                    + (echoed == null ? "none" : echoed.toString(16)) + " (a replayed or foreign response)");
        }
        if (!java.security.MessageDigest.isEqual(
                imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
            throw new TimestampException("TSA " + url + ": expected message imprint "
                    + HexFormat.of().formatHex(imprint) + ", found "
                    + HexFormat.of().formatHex(token.getTimeStampInfo().getMessageImprintDigest()));
        }
        String policy = token.getTimeStampInfo().getPolicy().getId();
        if (!config.policyOid().isEmpty() && !config.policyOid().equals(policy)) {
            throw new TimestampException(
                    "TSA " + url + ": expected policy " + config.policyOid() + ", found " + policy);
        }
        List<X509CertificateHolder> chain = new ArrayList<>(TokenCheck.chainOf(token));
        List<String> problems = new ArrayList<>(TokenCheck.problems(token, imprint, chain));
        String trust = "trust in the root not checked";
        if (!roots.isEmpty() && !chain.isEmpty()) {
            java.util.Optional<X509CertificateHolder> anchor = TokenCheck.anchor(
                    chain.getLast(), roots, token.getTimeStampInfo().getGenTime());
            if (anchor.isEmpty()) {
                problems.add("trust: expected the chain to end at a CA of ledger.tsa.ca-file, found it ends at "
                        + chain.getLast().getSubject() + " issued by "
                        + chain.getLast().getIssuer());
            } else {
                if (!anchor.get().equals(chain.getLast())) {
                    chain.add(anchor.get()); // kept with the token: the root may be gone when it is checked
                }
                trust = "ends at trusted CA " + anchor.get().getSubject();
            }
        }
        if (!problems.isEmpty()) {
            throw new TimestampException("TSA " + url + ": the token does not verify: " + String.join("; ", problems));
        }
        X509CertificateHolder signer = chain.getFirst();
        String validation = "valid at stamping: imprint, nonce and signature checked; signer " + signer.getSubject()
                + " valid at genTime with critical extendedKeyUsage timeStamping; policy " + policy + "; chain "
                + TokenCheck.describe(chain) + " (" + trust + "); TSA " + url + "; local clock "
                + java.time.Instant.now();
        return new CheckpointTimestamp(
                encodeToken(token),
                TokenCheck.genTime(token),
                signer.getSubject().toString(),
                chain.stream().map(TimestampClient::encodeCert).toList(),
                validation);
    }

    private byte[] post(byte[] query) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TimestampException("TSA " + url + ": request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampException("TSA " + url + ": interrupted while waiting for the response", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new TimestampException("TSA " + url
                        + ": expected HTTP 200 with a time-stamp response, found HTTP " + response.statusCode());
            }
            byte[] bytes = in.readNBytes(config.maxResponseBytes() + 1);
            if (bytes.length > config.maxResponseBytes()) {
                throw new TimestampException("TSA " + url + ": expected a response of at most "
                        + config.maxResponseBytes() + " bytes, found more");
            }
            return bytes;
        } catch (IOException e) {
            throw new TimestampException("TSA " + url + ": reading the response failed: " + e, e);
        }
    }

    private TimeStampResponse parse(byte[] body) {
        try {
            return new TimeStampResponse(body);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimestampException(
                    "TSA " + url + ": expected a DER TimeStampResp, found " + body.length + " bytes that do not parse ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    private static byte[] encode(TimeStampRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encodeToken(TimeStampToken token) {
        try {
            return token.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encodeCert(X509CertificateHolder cert) {
        try {
            return cert.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
