package org.daleel.archive;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.daleel.core.InvalidInputException;

/**
 * The user settings an archive knows ({@code daleel config}), with their defaults and validation.
 * Closed on purpose: a mistyped key is an error, not a silently ignored line. Adding a setting is
 * one constant here; its validator returns the normalised value or throws {@link
 * InvalidInputException} with a reason (the caller adds the key and the value).
 */
public enum Setting {
    /** RFC 3161 Time-Stamp Authority for ledger checkpoints. */
    LEDGER_TSA_URL(
            "ledger.tsa.url",
            "",
            Setting::httpUrl,
            "RFC 3161 Time-Stamp Authority (http or https URL) that time-stamps each ledger checkpoint;"
                    + " empty: no time-stamps"),
    /** Trusted CA certificates for the TSA chain. */
    LEDGER_TSA_CA_FILE(
            "ledger.tsa.ca-file",
            "",
            Setting::readableFile,
            "PEM file of the CA certificate(s) the TSA's chain must end at; they are stored with each token."
                    + " Empty: the chain is recorded but trust in its root is not checked"),
    /** TSA policy to request. */
    LEDGER_TSA_POLICY(
            "ledger.tsa.policy",
            "",
            Setting::oid,
            "TSA policy OID to request and require in tokens (e.g. 1.2.3.4.1); empty: the TSA's default policy"),
    /** Bound on one TSA exchange. */
    LEDGER_TSA_TIMEOUT(
            "ledger.tsa.timeout",
            "10s",
            v -> duration(v, Duration.ofSeconds(1), Duration.ofMinutes(5)),
            "bound on one request to the TSA (connect and answer), 1s to 5m"),
    /** Retries after a failed TSA request. */
    LEDGER_TSA_RETRIES(
            "ledger.tsa.retries",
            "3",
            v -> integer(v, 0, 20),
            "retries of a failed time-stamp request, with doubling backoff from 1s (0 to 20)"),
    /** Least time between two background time-stamps. */
    LEDGER_TSA_INTERVAL(
            "ledger.tsa.interval",
            "5s",
            v -> duration(v, Duration.ZERO, Duration.ofHours(24)),
            "least time between two background time-stamps (checkpoints in between are covered by the next"
                    + " one; the last checkpoint is stamped when the writer closes), 0s to 24h"),
    /** Largest video fetched whole with a captured page, or stored from an imported WARC's large record. */
    CAPTURE_VIDEO_MAX_BYTES(
            "capture.video.max-bytes",
            "250MB",
            v -> size(v, 1_000, 4L << 30),
            "largest video a capture fetches whole with its page, and largest video record over 64 MiB of an imported"
                    + " WARC that is stored and analysed (a number of bytes, or with kB, MB, GB, KiB, MiB or GiB), 1kB to"
                    + " 4GiB; a larger video is left out with a note on the item"),
    /** Time for fetching the videos of one capture. */
    CAPTURE_VIDEO_TIMEOUT(
            "capture.video.timeout",
            "5m",
            v -> duration(v, Duration.ofSeconds(1), Duration.ofHours(2)),
            "wall time for fetching all the videos of one capture, on top of the page's 3 min, 1s to 2h;"
                    + " a video not fetched in time is left out with a note on the item");

    private final String key;
    private final String defaultValue;
    private final UnaryOperator<String> validator;
    private final String description;

    Setting(String key, String defaultValue, UnaryOperator<String> validator, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.validator = validator;
        this.description = description;
    }

    /** The key as written in the settings file and on the command line, e.g. {@code ledger.tsa.url}. */
    public String key() {
        return key;
    }

    /** The value in force when the setting is not set ("" for "none"). */
    public String defaultValue() {
        return defaultValue;
    }

    /** One sentence for {@code daleel config list}. */
    public String description() {
        return description;
    }

    /**
     * Checks {@code value} and returns it normalised (trimmed; "" always means "not set").
     *
     * @throws InvalidInputException naming the key, the value and what is expected
     */
    public String validate(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return "";
        }
        try {
            return validator.apply(v);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("setting " + key + " = '" + value + "': " + e.getMessage(), e);
        }
    }

    /** The setting with {@code key}, if there is one. */
    public static Optional<Setting> find(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /**
     * The setting with {@code key}.
     *
     * @throws InvalidInputException naming the key and listing the known ones
     */
    public static Setting parse(String key) {
        return find(key.strip())
                .orElseThrow(() -> new InvalidInputException("unknown setting '" + key + "': known settings are "
                        + Arrays.stream(values()).map(Setting::key).collect(Collectors.joining(", "))));
    }

    /** Parses a duration written as a number and a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
    public static Duration parseDuration(String v) {
        var m = java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s|m|h)").matcher(v.strip());
        if (!m.matches()) {
            throw new InvalidInputException("expected a duration such as 500ms, 10s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** Parses a size written as bytes or with a unit: {@code 1000}, {@code 250MB}, {@code 64KiB}, {@code 2GiB}. */
    public static long parseSize(String v) {
        var m = java.util.regex.Pattern.compile("([0-9]{1,13})\\s*([kKMG]i?B|B)?")
                .matcher(v.strip());
        if (!m.matches()) {
            throw new InvalidInputException("expected a size such as 1000, 250MB, 64KiB or 2GiB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "KIB" -> 1L << 10;
            case "MIB" -> 1L << 20;
            case "GIB" -> 1L << 30;
            default -> 1L;
        };
        if (n > Long.MAX_VALUE / factor) {
            throw new InvalidInputException("size " + v.strip() + " is too large");
        }
        return n * factor;
    }

    private static String size(String v, long min, long max) {
        long n = parseSize(v);
        if (n < min || n > max) {
            throw new InvalidInputException("expected a size from " + min + " to " + max + " bytes, found " + n);
        }
        return v.strip().replaceAll("\\s+", "");
    }

    private static String duration(String v, Duration min, Duration max) {
        Duration d = parseDuration(v);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new InvalidInputException("expected a duration from " + min + " to " + max + ", found " + d);
        }
        return v.strip();
    }

    private static String integer(String v, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("expected a whole number from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw new InvalidInputException("expected a whole number from " + min + " to " + max);
        }
        return Integer.toString(n);
    }

    private static String httpUrl(String v) {
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(
                    "expected an http or https URL, found one that does not parse (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidInputException("expected an http or https URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("expected a URL without user name or password (settings are not secret)");
        }
        return uri.toString();
    }

    private static String readableFile(String v) {
        Path p;
        try {
            p = Path.of(v).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidInputException("expected a file path, found one that is not valid here");
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new InvalidInputException("expected a readable file, found none at " + p);
        }
        return p.toString();
    }

    private static String oid(String v) {
        if (!v.matches("[0-2](\\.(0|[1-9][0-9]{0,17})){1,63}")) {
            throw new InvalidInputException("expected an object identifier in dotted form, e.g. 1.2.3.4.1");
        }
        return v;
    }
}
