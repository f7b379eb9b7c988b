package org.daleel.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.daleel.archive.Setting;
import org.daleel.archive.Settings;
import org.daleel.ledger.LedgerCustodyLog;
import org.daleel.ledger.tsa.CheckpointStamper;
import org.daleel.ledger.tsa.TimestampClient;
import org.daleel.ledger.tsa.TimestampVerifier;
import org.daleel.ledger.tsa.TsaConfig;

/**
 * The ledger's RFC 3161 time-stamping as the settings configure it ({@code ledger.tsa.*}): none
 * unless {@code ledger.tsa.url} is set.
 */
final class Timestamping {
    private Timestamping() {}

    /** The configured TSA, or empty when {@code ledger.tsa.url} is not set. */
    static Optional<TsaConfig> config(Settings settings) {
        String url = settings.get(Setting.LEDGER_TSA_URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TsaConfig(
                URI.create(url),
                settings.duration(Setting.LEDGER_TSA_TIMEOUT),
                TimestampClient.DEFAULT_MAX_RESPONSE_BYTES,
                settings.get(Setting.LEDGER_TSA_POLICY),
                trustedRoots(settings)));
    }

    /** The CA certificates of {@code ledger.tsa.ca-file} (none when it is not set). */
    static List<byte[]> trustedRoots(Settings settings) {
        String file = settings.get(Setting.LEDGER_TSA_CA_FILE);
        return file.isEmpty() ? List.of() : TsaConfig.readCertificates(Path.of(file));
    }

    /** The verifier for stored tokens: trusting the configured CAs when there are any. */
    static TimestampVerifier verifier(Settings settings) {
        List<byte[]> roots = trustedRoots(settings);
        return roots.isEmpty() ? TimestampVerifier.withoutTrustedRoots() : TimestampVerifier.trusting(roots);
    }

    /**
     * Starts background time-stamping of {@code log}'s checkpoints when a TSA is configured; outages
     * are printed as warnings on stderr and recorded, never thrown.
     */
    static LedgerCustodyLog attach(LedgerCustodyLog log, Settings settings) {
        Optional<TsaConfig> tsa = config(settings);
        if (tsa.isEmpty()) {
            return log;
        }
        var options = new CheckpointStamper.Options(
                settings.integer(Setting.LEDGER_TSA_RETRIES),
                settings.duration(Setting.LEDGER_TSA_INTERVAL),
                tsa.get().timeout());
        return log.stamping(new CheckpointStamper(
                new TimestampClient(tsa.get()),
                log.timestampStore(),
                options,
                warning -> System.err.println("daleel: warning: " + warning)));
    }
}
