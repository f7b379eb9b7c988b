package org.daleel.capture.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which hosts and IP addresses a capture may connect to: the SSRF guard.
 *
 * <p>Public addresses are always allowed. Loopback, private, link-local, shared (CGNAT) and reserved
 * addresses are allowed only with private capture on. Cloud metadata endpoints (addresses and host
 * names such as {@code metadata.google.internal}), multicast, unspecified and broadcast addresses are
 * always refused: no evidence lives there and they are the classic SSRF targets. An IPv6 address that
 * embeds an IPv4 address (IPv4-mapped, IPv4-compatible, SIIT, NAT64, 6to4, Teredo) is judged by the
 * IPv4 address it embeds.
 *
 * <p>Host names are judged before resolution only for names that never need DNS ({@code localhost}
 * and {@code *.localhost}, metadata names) and for IP literals in every form a resolver might accept:
 * dotted quad, {@code 127.1}, one 32-bit number ({@code 2130706433}), hex ({@code 0x7f000001}) and
 * octal ({@code 0177.0.0.1}) parts. An ambiguous literal is refused when any reading of it is refused
 * (Java reads {@code 0177} as decimal, {@code inet_aton} as octal). Other names are judged by the
 * addresses they resolve to. Immutable and thread-safe.
 */
public final class AddressPolicy {
    private static final Set<String> METADATA_HOSTS = Set.of(
            "metadata.google.internal",
            "metadata.goog",
            "metadata",
            "instance-data",
            "instance-data.ec2.internal",
            "metadata.tencentyun.com");
    private static final Set<String> METADATA_ADDRESSES = Set.of(
            "169.254.169.254", // AWS, GCP, Azure, OCI, DigitalOcean, OpenStack
            "169.254.170.2", // AWS ECS task metadata
            "169.254.170.23", // AWS EKS pod identity
            "100.100.100.200", // Alibaba Cloud
            "192.0.0.192", // Oracle Cloud (legacy)
            "fd00:ec2:0:0:0:0:0:254", // AWS IMDS over IPv6
            "fd00:ec2:0:0:0:0:0:23"); // AWS EKS pod identity over IPv6

    private final boolean allowPrivate;

    /** A policy; {@code allowPrivate} permits the {@link AddressClass#privateUse()} classes. */
    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** True when loopback and private addresses are permitted. */
    public boolean allowPrivate() {
        return allowPrivate;
    }

    /** True when a connection to an address of this class is allowed. */
    public boolean permits(AddressClass c) {
        return c == AddressClass.PUBLIC || (allowPrivate && c.privateUse());
    }

    /** True when a connection to {@code address} is allowed. */
    public boolean permits(InetAddress address) {
        return permits(classify(address));
    }

    /**
     * Why a connection to {@code address} is refused, e.g. "127.0.0.1 is a loopback address", or empty
     * when it is allowed.
     */
    public Optional<String> refusal(InetAddress address) {
        AddressClass c = classify(address);
        if (permits(c)) {
            return Optional.empty();
        }
        return Optional.of(address.getHostAddress() + " is " + c.description() + explain(c));
    }

    /**
     * Why a URL host is refused before any lookup (a metadata name, {@code localhost}, or an IP literal
     * in any form that reads as a refused address), or empty when the host may be resolved and its
     * addresses checked with {@link #refusal(InetAddress)}.
     */
    public Optional<String> hostRefusal(String host) {
        String h = normalize(host);
        if (METADATA_HOSTS.contains(h)) {
            return Optional.of(h + " is a cloud metadata host" + explain(AddressClass.METADATA));
        }
        if ((h.equals("localhost") || h.endsWith(".localhost")) && !permits(AddressClass.LOOPBACK)) {
            return Optional.of(h + " names the loopback interface" + explain(AddressClass.LOOPBACK));
        }
        for (InetAddress a : literalAddresses(h)) {
            Optional<String> refusal = refusal(a);
            if (refusal.isPresent()) {
                return Optional.of(a.getHostAddress().equals(h) ? refusal.get() : h + " reads as " + refusal.get());
            }
        }
        return Optional.empty();
    }

    private String explain(AddressClass c) {
        if (c.alwaysRefused()) {
            return "; capture never connects there";
        }
        return "; private capture is off";
    }

    /** Classifies an address (see {@link AddressClass} for the ranges). */
    public static AddressClass classify(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (METADATA_ADDRESSES.contains(zone < 0 ? text : text.substring(0, zone))) {
            return AddressClass.METADATA;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(b);
        }
        if (address instanceof Inet6Address) {
            return classifyV6(b);
        }
        throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address);
    }

    private static AddressClass classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        long v = ((long) a0 << 24) | (a1 << 16) | (a2 << 8) | (b[3] & 0xff);
        if (METADATA_ADDRESSES.contains(a0 + "." + a1 + "." + a2 + "." + (b[3] & 0xff))) {
            return AddressClass.METADATA;
        }
        if (v == 0xffffffffL) {
            return AddressClass.BROADCAST;
        }
        if (a0 == 0) {
            return AddressClass.UNSPECIFIED;
        }
        if (a0 == 127) {
            return AddressClass.LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return AddressClass.PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return AddressClass.LINK_LOCAL;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return AddressClass.SHARED;
        }
        if (a0 >= 224 && a0 <= 239) {
            return AddressClass.MULTICAST;
        }
        if (a0 >= 240
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (a0 == 192 && a1 == 88 && a2 == 99) // 6to4 relay anycast (deprecated)
                || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113)) { // TEST-NET-3
            return AddressClass.RESERVED;
        }
        return AddressClass.PUBLIC;
    }

    private static AddressClass classifyV6(byte[] b) {
        if (zero(b, 0, 16)) {
            return AddressClass.UNSPECIFIED;
        }
        if (zero(b, 0, 15) && b[15] == 1) {
            return AddressClass.LOOPBACK;
        }
        if (zero(b, 0, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
            return classifyV4(slice(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (zero(b, 0, 12)) {
            return nonPublic(classifyV4(slice(b, 12))); // IPv4-compatible ::a.b.c.d (deprecated)
        }
        if (zero(b, 0, 8) && b[8] == (byte) 0xff && b[9] == (byte) 0xff && zero(b, 10, 12)) {
            return classifyV4(slice(b, 12)); // SIIT IPv4-translated ::ffff:0:a.b.c.d
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b && zero(b, 4, 12)) {
            return classifyV4(slice(b, 12)); // NAT64 well-known prefix 64:ff9b::/96
        }
        if (w0 == 0x0064 && w1 == 0xff9b && b[4] == 0 && b[5] == 1) {
            return AddressClass.PRIVATE; // local-use NAT64 64:ff9b:1::/48
        }
        if (w0 == 0x2002) {
            return classifyV4(slice(b, 2)); // 6to4 2002:aabb:ccdd::/48
        }
        if (w0 == 0x2001 && w1 == 0) {
            byte[] client = slice(b, 12); // Teredo: client IPv4 obfuscated by XOR
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return classifyV4(client);
        }
        if ((b[0] & 0xfe) == 0xfc || (w0 & 0xffc0) == 0xfec0) {
            return AddressClass.PRIVATE;
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return AddressClass.LINK_LOCAL;
        }
        if ((b[0] & 0xff) == 0xff) {
            return AddressClass.MULTICAST;
        }
        if ((w0 == 0x2001 && w1 == 0x0db8) // documentation
                || (w0 & 0xfff0) == 0x3ff0 // documentation 3fff::/20
                || (w0 == 0x2001 && w1 == 0x0002 && b[4] == 0 && b[5] == 0) // benchmarking
                || (w0 == 0x0100 && zero(b, 2, 8)) // discard-only
                || (w0 & 0xe000) != 0x2000) { // outside global unicast 2000::/3
            return AddressClass.RESERVED;
        }
        return AddressClass.PUBLIC;
    }

    private static AddressClass nonPublic(AddressClass c) {
        return c == AddressClass.PUBLIC ? AddressClass.RESERVED : c;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        byte[] out = new byte[4];
        System.arraycopy(b, from, out, 0, 4);
        return out;
    }

    private static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT).strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /**
     * Every address an IP-literal host may be read as, without any lookup; empty for a host name.
     * {@code [::1]}, {@code ::ffff:7f00:1}, {@code 127.0.0.1}, {@code 127.1}, {@code 2130706433},
     * {@code 0x7f000001} and {@code 0177.0.0.1} are literals.
     */
    public static List<InetAddress> literalAddresses(String host) {
        String h = normalize(host);
        List<InetAddress> out = new ArrayList<>();
        if (h.indexOf(':') >= 0) {
            try {
                // in brackets the JDK parses an IPv6 literal and never falls back to a DNS lookup
                out.add(InetAddress.getByName("[" + h + "]"));
            } catch (UnknownHostException e) {
                // not a valid IPv6 literal; the URL parser refuses it
            }
            return out;
        }
        numericV4(h, false).ifPresent(out::add); // inet_aton: 0x hex, 0-prefixed octal
        numericV4(h, true).filter(a -> !out.contains(a)).ifPresent(out::add); // Java: all parts decimal
        return out;
    }

    private static Optional<InetAddress> numericV4(String h, boolean decimalOnly) {
        if (h.isEmpty() || !h.matches(decimalOnly ? "[0-9.]+" : "[0-9a-fx.]+")) {
            return Optional.empty();
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            long p = parsePart(parts[i], decimalOnly);
            if (p < 0) {
                return Optional.empty();
            }
            v[i] = p;
        }
        long value = 0;
        for (int i = 0; i < v.length - 1; i++) {
            if (v[i] > 255) {
                return Optional.empty();
            }
            value |= v[i] << (24 - 8 * i);
        }
        long last = v[v.length - 1];
        if (last >= (1L << (8 * (5 - v.length)))) {
            return Optional.empty();
        }
        value |= last;
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** The value of one part, or -1 when it is not a number in that reading. */
    private static long parsePart(String p, boolean decimalOnly) {
        if (p.isEmpty() || p.length() > 12) {
            return -1;
        }
        int radix = 10;
        String digits = p;
        if (!decimalOnly && p.startsWith("0x")) {
            radix = 16;
            digits = p.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (!decimalOnly && p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            digits = p.substring(1);
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
