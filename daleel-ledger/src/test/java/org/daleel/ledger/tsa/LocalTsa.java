package org.daleel.ledger.tsa;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;

/**
 * A Time-Stamp Authority for tests: a self-signed EC P-256 CA, a TSA certificate it issues with the
 * critical extendedKeyUsage timeStamping, and BouncyCastle's response generator served over HTTP on
 * 127.0.0.1 port 0. Its {@link Mode} makes it misbehave on purpose.
 */
public final class LocalTsa implements AutoCloseable {

    /** How the TSA answers. */
    public enum Mode {
        HONEST,
        WRONG_NONCE,
        WRONG_IMPRINT,
        GARBAGE,
        HTTP_500,
        REJECT
    }

    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1");

    public final X509CertificateHolder ca;
    public final X509CertificateHolder tsa;
    private final KeyPair tsaKeys;
    private final HttpServer server;
    private final AtomicLong serial = new AtomicLong(1);
    public final AtomicReference<Mode> mode = new AtomicReference<>(Mode.HONEST);
    final AtomicReference<byte[]> lastResponse = new AtomicReference<>(new byte[0]);

    public LocalTsa() throws Exception {
        this(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
    }

    /** A TSA whose certificates are valid from {@code notBefore} to {@code notAfter}. */
    LocalTsa(Instant notBefore, Instant notAfter) throws Exception {
        KeyPair caKeys = ecKeys();
        tsaKeys = ecKeys();
        X500Name caName = new X500Name("CN=Daleel Test Root CA,O=Daleel Tests");
        X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(
                caName, BigInteger.ONE, Date.from(notBefore), Date.from(notAfter), caName, caKeys.getPublic());
        caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca = caBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        X509v3CertificateBuilder tsaBuilder = new JcaX509v3CertificateBuilder(
                caName,
                BigInteger.TWO,
                Date.from(notBefore),
                Date.from(notAfter),
                new X500Name("CN=Daleel Test TSA,O=Daleel Tests"),
                tsaKeys.getPublic());
        tsaBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        tsaBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        tsaBuilder.addExtension(
                Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        tsa = tsaBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            try (exchange) {
                byte[] query = exchange.getRequestBody().readAllBytes();
                Mode m = mode.get();
                if (m == Mode.HTTP_500) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                byte[] body = m == Mode.GARBAGE
                        ? "<html>not a time-stamp</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : respond(new TimeStampRequest(query), m, Instant.now()).getEncoded();
                lastResponse.set(body);
                exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (TSPException | GeneralSecurityException | OperatorCreationException e) {
                throw new IOException(e);
            }
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    /** Answers {@code request} as {@code m} says, with genTime {@code at}. */
    TimeStampResponse respond(TimeStampRequest request, Mode m, Instant at)
            throws TSPException, GeneralSecurityException, OperatorCreationException {
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder()
                        // a real TSA signs at genTime; CMS would otherwise put the wall clock here
                        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                                new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))))))
                        .build("SHA256withECDSA", tsaKeys.getPrivate(), tsa),
                new JcaDigestCalculatorProviderBuilder()
                        .build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                POLICY);
        tokens.addCertificates(new CollectionStore<>(List.of(tsa, ca)));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        TimeStampRequest answered = switch (m) {
            case WRONG_NONCE ->
                requestFor(request.getMessageImprintDigest(), request.getNonce().add(BigInteger.ONE));
            case WRONG_IMPRINT -> requestFor(new byte[32], request.getNonce());
            default -> request;
        };
        if (m == Mode.REJECT) {
            return responses.generateFailResponse(
                    org.bouncycastle.asn1.cmp.PKIStatus.REJECTION,
                    org.bouncycastle.asn1.cmp.PKIFailureInfo.systemUnavail,
                    "test TSA is closed");
        }
        return responses.generateGrantedResponse(answered, BigInteger.valueOf(serial.getAndIncrement()), Date.from(at));
    }

    static TimeStampRequest requestFor(byte[] imprint, BigInteger nonce) {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        return g.generate(TSPAlgorithms.SHA256, imprint, nonce);
    }

    static byte[] der(X509CertificateHolder cert) {
        try {
            return cert.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(X509CertificateHolder cert) {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(der(cert))
                + "\n-----END CERTIFICATE-----\n";
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
