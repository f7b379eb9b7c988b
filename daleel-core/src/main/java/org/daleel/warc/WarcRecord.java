package org.daleel.warc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One WARC 1.1 record before it is written: its type, named fields and content block. The writer adds
 * {@code Content-Length}, {@code WARC-Block-Digest} and {@code WARC-Payload-Digest}.
 *
 * <p>Built with {@link #builder(WarcType)}, which checks the field rules of WARC 1.1 s5 that concern
 * the fields Daleel writes: a target URI on request, response and resource records and never on
 * warcinfo; no IP address, concurrent-to or warcinfo id on warcinfo; a file name only on warcinfo; a
 * content type whenever the block is not empty; no CR or LF in any value. Immutable.
 */
public final class WarcRecord {
    private static final DateTimeFormatter WARC_DATE = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Set<String> WRITER_FIELDS = Set.of(
            "warc-type",
            "warc-record-id",
            "warc-date",
            "content-length",
            "content-type",
            "warc-block-digest",
            "warc-payload-digest",
            "warc-target-uri",
            "warc-ip-address",
            "warc-concurrent-to",
            "warc-warcinfo-id",
            "warc-filename");

    private final WarcType type;
    private final String id;
    private final Instant date;
    private final List<Map.Entry<String, String>> fields;
    private final WarcBlock block;

    private WarcRecord(Builder b) {
        this.type = b.type;
        this.id = b.id;
        this.date = b.date;
        this.block = b.block;
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("WARC-Type", type.token()));
        f.add(Map.entry("WARC-Record-ID", id));
        f.add(Map.entry("WARC-Date", formatDate(date)));
        addIfPresent(f, "WARC-Target-URI", b.targetUri);
        addIfPresent(f, "WARC-IP-Address", b.ipAddress);
        b.concurrentTo.forEach(c -> f.add(Map.entry("WARC-Concurrent-To", c)));
        addIfPresent(f, "WARC-Warcinfo-ID", b.warcinfoId);
        addIfPresent(f, "WARC-Filename", b.filename);
        f.addAll(b.extensions);
        addIfPresent(f, "Content-Type", b.contentType);
        this.fields = List.copyOf(f);
    }

    private static void addIfPresent(List<Map.Entry<String, String>> f, String name, String value) {
        if (!value.isEmpty()) {
            f.add(Map.entry(name, value));
        }
    }

    /** Starts a record of {@code type} with a new random id and the current time. */
    public static Builder builder(WarcType type) {
        return new Builder(type);
    }

    /** A new record id, {@code <urn:uuid:...>} (WARC 1.1 s5.2). */
    public static String newRecordId() {
        return "<urn:uuid:" + UUID.randomUUID() + ">";
    }

    /**
     * {@code WARC-Date} text: UTC with millisecond precision, e.g. {@code 2026-03-01T12:00:05.120Z}
     * (WARC 1.1 s5.4 allows a fraction of a second).
     */
    public static String formatDate(Instant instant) {
        return WARC_DATE.format(instant);
    }

    /** Record type. */
    public WarcType type() {
        return type;
    }

    /** {@code WARC-Record-ID}, with its angle brackets. */
    public String id() {
        return id;
    }

    /** {@code WARC-Date}, truncated to milliseconds. */
    public Instant date() {
        return date;
    }

    /**
     * The named fields in writing order, without {@code Content-Length} and the digests (the writer
     * computes those).
     */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** The content block. */
    public WarcBlock block() {
        return block;
    }

    static void checkName(String name) {
        Objects.requireNonNull(name, "field name");
        if (name.isEmpty() || !name.chars().allMatch(WarcRecord::isTokenChar)) {
            throw new IllegalArgumentException("WARC field name must be a token, got '" + name + "'");
        }
    }

    static void checkValue(String name, String value) {
        Objects.requireNonNull(value, name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || (c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException(
                        "WARC field " + name + " must be one line without control characters, got '" + value + "'");
            }
        }
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    private static String checkRecordId(String name, String value) {
        checkValue(name, value);
        if (!(value.startsWith("<") && value.endsWith(">") && value.indexOf(':') > 0 && !value.contains(" "))) {
            throw new IllegalArgumentException(name + " must be <uri>, got '" + value + "'");
        }
        return value;
    }

    /** Builds a {@link WarcRecord}. Not thread-safe. */
    public static final class Builder {
        private final WarcType type;
        private String id = newRecordId();
        private Instant date = Instant.now();
        private String targetUri = "";
        private String ipAddress = "";
        private final List<String> concurrentTo = new ArrayList<>();
        private String warcinfoId = "";
        private String filename = "";
        private String contentType = "";
        private final List<Map.Entry<String, String>> extensions = new ArrayList<>();
        private WarcBlock block = WarcBlock.of(new byte[0]);

        private Builder(WarcType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /** Sets the record id (from {@link #newRecordId()}), so that other records can refer to it. */
        public Builder id(String recordId) {
            this.id = checkRecordId("WARC-Record-ID", recordId);
            return this;
        }

        /** Sets {@code WARC-Date}: when capture of this record's data began (s5.4). */
        public Builder date(Instant instant) {
            this.date = Objects.requireNonNull(instant, "date");
            return this;
        }

        /** Sets {@code WARC-Target-URI} (s5.11), written without angle brackets as WARC 1.1 requires. */
        public Builder targetUri(String uri) {
            checkValue("WARC-Target-URI", uri);
            if (uri.chars().anyMatch(Character::isWhitespace) || uri.indexOf(':') <= 0) {
                throw new IllegalArgumentException("WARC-Target-URI must be an absolute URI, got '" + uri + "'");
            }
            this.targetUri = uri;
            return this;
        }

        /** Sets {@code WARC-IP-Address} (s5.10): the address the data was received from. */
        public Builder ipAddress(String ip) {
            checkValue("WARC-IP-Address", ip);
            this.ipAddress = ip;
            return this;
        }

        /** Adds a {@code WARC-Concurrent-To} (s5.7): a record of the same capture event. */
        public Builder concurrentTo(String recordId) {
            concurrentTo.add(checkRecordId("WARC-Concurrent-To", recordId));
            return this;
        }

        /** Sets {@code WARC-Warcinfo-ID} (s5.13): the warcinfo record describing this one. */
        public Builder warcinfoId(String recordId) {
            this.warcinfoId = checkRecordId("WARC-Warcinfo-ID", recordId);
            return this;
        }

        /** Sets {@code WARC-Filename} (s5.14), allowed on warcinfo only. */
        public Builder filename(String name) {
            checkValue("WARC-Filename", name);
            this.filename = name;
            return this;
        }

        /** Sets {@code Content-Type} of the block (s5.6), e.g. {@code application/http;msgtype=response}. */
        public Builder contentType(String mediaType) {
            checkValue("Content-Type", mediaType);
            this.contentType = mediaType;
            return this;
        }

        /** Adds a field not covered by the other methods (e.g. {@code WARC-Truncated}). */
        public Builder field(String name, String value) {
            checkName(name);
            checkValue(name, value);
            if (WRITER_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " has its own builder method or is computed by the writer");
            }
            extensions.add(Map.entry(name, value));
            return this;
        }

        /** Sets the content block. */
        public Builder block(WarcBlock content) {
            this.block = Objects.requireNonNull(content, "block");
            return this;
        }

        /** The record; throws {@link IllegalArgumentException} naming the rule a field breaks. */
        public WarcRecord build() {
            date = date.truncatedTo(ChronoUnit.MILLIS);
            boolean capture = type == WarcType.REQUEST || type == WarcType.RESPONSE || type == WarcType.RESOURCE;
            if (capture && targetUri.isEmpty()) {
                throw new IllegalArgumentException(type.token() + " record needs WARC-Target-URI (WARC 1.1 s5.11)");
            }
            if (type == WarcType.WARCINFO
                    && !(targetUri.isEmpty()
                            && ipAddress.isEmpty()
                            && concurrentTo.isEmpty()
                            && warcinfoId.isEmpty())) {
                throw new IllegalArgumentException(
                        "warcinfo record must not have WARC-Target-URI, WARC-IP-Address, WARC-Concurrent-To or"
                                + " WARC-Warcinfo-ID (WARC 1.1 s5)");
            }
            if (type != WarcType.WARCINFO && !filename.isEmpty()) {
                throw new IllegalArgumentException(
                        "WARC-Filename is allowed on warcinfo records only (WARC 1.1 s5.14)");
            }
            if (block.length() > 0 && contentType.isEmpty()) {
                throw new IllegalArgumentException(type.token() + " record with a " + block.length()
                        + "-byte block needs Content-Type (WARC 1.1 s5.6)");
            }
            return new WarcRecord(this);
        }
    }
}
