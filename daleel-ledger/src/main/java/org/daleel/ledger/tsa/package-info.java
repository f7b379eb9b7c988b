/**
 * RFC 3161 time-stamps for ledger checkpoints: {@link org.daleel.ledger.tsa.TimestampClient} asks a
 * Time-Stamp Authority for a token over the SHA-256 of a checkpoint note and checks it at once,
 * {@link org.daleel.ledger.tsa.TimestampStore} keeps token, chain and stamping-time validation next
 * to the ledger, and {@link org.daleel.ledger.tsa.TimestampVerifier} checks them later, offline, at
 * genTime. Stored tokens verify with {@code openssl ts -verify -token_in}.
 */
package org.daleel.ledger.tsa;
