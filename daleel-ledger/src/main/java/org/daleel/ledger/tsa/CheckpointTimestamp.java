package org.daleel.ledger.tsa;

import java.time.Instant;
import java.util.List;

/**
 * An RFC 3161 time-stamp token over a checkpoint note, with what was known when it was obtained.
 *
 * @param tokenDer the DER TimeStampToken (a CMS SignedData), exactly as the TSA returned it
 * @param genTime the TSA's genTime from the token
 * @param tsaName the subject of the certificate that signed the token (RFC 4514 form)
 * @param chainDer the DER certificates carried in the token, signer first, as recorded at stamping
 *     time so that the token can be checked after they expire
 * @param validation one line saying what was checked at stamping time and with which result
 */
public record CheckpointTimestamp(
        byte[] tokenDer, Instant genTime, String tsaName, List<byte[]> chainDer, String validation) {

    public CheckpointTimestamp {
        tokenDer = tokenDer.clone();
        chainDer = chainDer.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] tokenDer() {
        return tokenDer.clone();
    }

    @Override
    public List<byte[]> chainDer() {
        return chainDer.stream().map(byte[]::clone).toList();
    }
}
