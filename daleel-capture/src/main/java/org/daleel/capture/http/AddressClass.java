package org.daleel.capture.http;

/**
 * What kind of destination an IP address is, for the SSRF guard. Ranges follow the IANA IPv4 and
 * IPv6 Special-Purpose Address Registries (RFC 6890 and updates).
 */
public enum AddressClass {
    /** Globally routable unicast: always allowed. */
    PUBLIC("a public address", false, false),
    /** 127.0.0.0/8, ::1. */
    LOOPBACK("a loopback address", true, false),
    /** 10/8, 172.16/12, 192.168/16, fc00::/7 (unique local), fec0::/10 (old site-local), 64:ff9b:1::/48. */
    PRIVATE("a private address", true, false),
    /** 169.254/16, fe80::/10. */
    LINK_LOCAL("a link-local address", true, false),
    /** 100.64/10, carrier-grade NAT shared address space (RFC 6598). */
    SHARED("a carrier-grade NAT (shared) address", true, false),
    /** Documentation, benchmarking, IETF protocol, 240/4 and other non-routable unicast ranges. */
    RESERVED("a reserved, non-routable address", true, false),
    /** Cloud instance metadata endpoints (169.254.169.254 and kin): refused even with private capture on. */
    METADATA("a cloud metadata address", false, true),
    /** 224/4, ff00::/8. */
    MULTICAST("a multicast address", false, true),
    /** 0.0.0.0/8, :: (connecting to 0.0.0.0 reaches the local host on many systems). */
    UNSPECIFIED("an unspecified (\"this host\") address", false, true),
    /** 255.255.255.255. */
    BROADCAST("the broadcast address", false, true);

    private final String description;
    private final boolean privateUse;
    private final boolean alwaysRefused;

    AddressClass(String description, boolean privateUse, boolean alwaysRefused) {
        this.description = description;
        this.privateUse = privateUse;
        this.alwaysRefused = alwaysRefused;
    }

    /** Phrase for error messages, e.g. "a loopback address". */
    public String description() {
        return description;
    }

    /** True for non-public unicast that private capture ({@code allowPrivate}) permits. */
    public boolean privateUse() {
        return privateUse;
    }

    /** True when no capture may ever connect here. */
    public boolean alwaysRefused() {
        return alwaysRefused;
    }
}
